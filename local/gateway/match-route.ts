import type { RouteDefinition } from '../../shared/api/routes';

export interface RouteMatch {
  readonly route: RouteDefinition;
  /** Decoded values of the `{name}` segments; absent when the route has none, as in AWS. */
  readonly pathParameters?: Record<string, string>;
}

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal segments rank before parameters, as API Gateway picks the most specific route. */
  readonly literalSegments: number;
}

/** API Gateway HTTP API route selection over the route catalogue. */
export function createRouteMatcher(routes: readonly RouteDefinition[]): (method: string, rawPath: string) => RouteMatch | undefined {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return (method, rawPath) => {
    for (const candidate of compiled) {
      if (candidate.route.method !== method.toUpperCase()) continue;
      const found = candidate.pattern.exec(rawPath);
      if (!found) continue;
      if (candidate.names.length === 0) return { route: candidate.route };
      const pathParameters: Record<string, string> = {};
      candidate.names.forEach((name, index) => {
        pathParameters[name] = safeDecode(found[index + 1] ?? '');
      });
      return { route: candidate.route, pathParameters };
    }
    return undefined;
  };
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy?.[1]) {
        names.push(greedy[1]);
        return '(.+)';
      }
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (parameter?.[1]) {
        names.push(parameter[1]);
        return '([^/]+)';
      }
      if (segment !== '') literalSegments += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
