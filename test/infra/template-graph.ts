/**
 * The dependency graph CloudFormation builds from a template: an edge from a resource to
 * every resource it names with Ref, Fn::GetAtt, Fn::Sub or DependsOn. CDK does not check
 * it for cycles at synth; CloudFormation refuses the whole stack at deploy when it has one.
 */
export type Resources = Record<string, { DependsOn?: string | string[]; Properties?: unknown }>;

export function dependenciesOf(resources: Resources): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const found = new Set<string>([resource.DependsOn ?? []].flat());
    collect(resource.Properties, (name) => {
      if (name in resources) found.add(name);
    });
    graph.set(id, found);
  }
  return graph;
}

function collect(value: unknown, add: (name: string) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, add);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') add(inner);
    else if (key === 'Fn::GetAtt') add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]!);
    else if (key === 'Fn::Sub') {
      const text = Array.isArray(inner) ? String(inner[0]) : String(inner);
      for (const match of text.matchAll(/\$\{([^}!.]+)(\.[^}]*)?\}/g)) add(match[1]!);
      if (Array.isArray(inner)) collect(inner[1], add);
    } else collect(inner, add);
  }
}

/** One cycle, as the resources along it, or undefined when the graph has none. */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, 'open');
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}
