import openapi from '../../shared/api/openapi.generated.json' with { type: 'json' };

/** A JSON Schema node as the generated OpenAPI document writes them (the parts sampled here). */
interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly minItems?: number;
  readonly default?: unknown;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
}

interface ParameterNode {
  readonly $ref?: string;
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema?: SchemaNode;
}

interface OperationNode {
  readonly parameters?: readonly ParameterNode[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: SchemaNode }>> };
}

/** What a route takes, read from the OpenAPI document generated from the zod contracts. */
export interface RouteShape {
  readonly query: readonly { readonly name: string; readonly sample: string }[];
  /** A valid-looking body, or undefined when the route takes none. */
  readonly body: unknown;
}

const document = openapi as unknown as {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationNode>>>>;
  readonly components: { readonly schemas?: Readonly<Record<string, SchemaNode>>; readonly parameters?: Readonly<Record<string, ParameterNode>> };
};

function resolve<T extends { readonly $ref?: string }>(node: T): T {
  if (!node.$ref) return node;
  const [, , section, name] = node.$ref.split('/');
  const target = (document.components as Record<string, Record<string, T> | undefined>)[section ?? '']?.[name ?? ''];
  if (!target) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return resolve(target);
}

/** A value the schema would likely accept: the first enum, the minimum, required fields only. */
export function sampleOf(schemaNode: SchemaNode, now: Date, depth = 0): unknown {
  const schema = resolve(schemaNode);
  if (depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice) return sampleOf(choice, now, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part, now, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const sample: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) sample[key] = sampleOf(property, now, depth + 1);
      }
      return sample;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => (schema.items ? sampleOf(schema.items, now, depth + 1) : null));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, now);
    default:
      return null;
  }
}

function sampleString(schema: SchemaNode, now: Date): string {
  if (schema.format === 'date-time') return new Date(now.getTime() - 60_000).toISOString();
  if (schema.format === 'date') return now.toISOString().slice(0, 10);
  if (schema.format === 'email') return 'rowan.ashdown@oakfield.example';
  if (schema.format === 'uuid') return '7f1c5d9e-2a4b-4c6d-8e0f-1a2b3c4d5e6f';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** The query parameters and a valid-looking body of the operation at `method path`; dates a minute before `now`. */
export function routeShape(method: string, path: string, now: Date): RouteShape {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The OpenAPI document has no ${method} ${path}: run npm run build:openapi`);
  const parameters = (operation.parameters ?? []).map((parameter) => resolve(parameter));
  const query = parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => ({ name: parameter.name, sample: String(parameter.schema ? sampleOf(parameter.schema, now) : 'x') }));
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  return { query, body: bodySchema ? sampleOf(bodySchema, now) : undefined };
}
