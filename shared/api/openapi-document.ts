import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { routes } from './routes';
import { contracts, type RouteContract } from './contracts';
import { ErrorResponse } from '../schemas/common';
import { toClassic } from './classic-schemas';
import { partnerScopeDescriptions } from '../domain/identity/partner-scopes';

// The generator calls `.openapi()` on each field of a params or query object to name the
// parameter; that method exists only once zod is extended.
extendZodWithOpenApi(z);

/**
 * zod 4 copies methods onto each schema as it is built, so the contracts' schemas (built
 * before this module ran) lack `.openapi()`. Fresh clones have it, and keep each field's
 * metadata through zod's parent link.
 */
function parameterObject(schema: RouteSchema): z.ZodObject {
  const shape = (toClassic(schema) as z.ZodObject).shape;
  return z.object(Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, (field as z.ZodType).clone()])));
}

type RouteSchema = NonNullable<RouteContract['body']>;

const standardFailures: Record<number, string> = {
  400: 'The request is malformed or a field is invalid; `issues` names each field',
  401: 'Missing or invalid access token',
  403: 'Signed in, but not allowed (or `elevation_required`)',
  404: 'No such record, or not one the caller may know of',
  409: 'Conflicts with the current state',
  415: 'Send `Content-Type: application/json`',
  422: 'Well-formed, but refers to something the school does not have',
  429: 'Too many requests from this partner client: wait and retry (the limit is per route)',
  500: 'Unexpected failure; quote the request id',
};

/** The versioned API described as OpenAPI 3.1, generated from the route contracts. */
export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito access token for the school\'s user pool',
  });
  registry.registerComponent('securitySchemes', 'partnerClientCredentials', {
    type: 'oauth2',
    description:
      "Partner systems (police forces, local authorities): OAuth 2.0 client credentials at the school's Cognito domain, `https://lantern-<school id>.auth.<region>.amazoncognito.com/oauth2/token` (locally, the twin's `/oauth2/token`). Each partner has its own app client, granted only its scopes.",
    flows: {
      clientCredentials: {
        tokenUrl: 'https://lantern-school.auth.eu-west-2.amazoncognito.com/oauth2/token',
        scopes: partnerScopeDescriptions,
      },
    },
  });

  for (const route of routes) {
    const contract: RouteContract = contracts[route.id];
    const scopes: readonly string[] = 'scopes' in route ? route.scopes : [];
    const failureStatuses = new Set<number>([500, ...(route.public ? [] : [401]), ...(scopes.length > 0 ? [403, 429] : []), ...(contract.body ? [400, 415] : []), ...(contract.query || contract.params ? [400] : []), ...(contract.failures ?? [])]);
    const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {
      [contract.success.status]: {
        description: contract.success.description,
        ...(contract.success.schema ? { content: { 'application/json': { schema: toClassic(contract.success.schema) } } } : {}),
      },
    };
    for (const status of [...failureStatuses].sort()) {
      responses[status] = { description: standardFailures[status] ?? 'Failure', content: { 'application/json': { schema: toClassic(ErrorResponse) } } };
    }
    registry.registerPath({
      operationId: route.id,
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: route.path,
      summary: route.summary,
      security: route.public ? [] : scopes.length > 0 ? [{ partnerClientCredentials: [...scopes] }] : [{ cognito: [] }],
      request: {
        ...(contract.params ? { params: parameterObject(contract.params) } : {}),
        ...(contract.query ? { query: parameterObject(contract.query) } : {}),
        ...(contract.body ? { body: { required: true, content: { 'application/json': { schema: toClassic(contract.body) } } } } : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Lantern API',
      version: '1.0.0',
      description: 'Safeguarding and child-protection records for a school. Versioned under /v1.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
