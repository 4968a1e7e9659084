/**
 * The one catalogue of HTTP routes. The CDK stack makes one function per entry and
 * attaches the JWT authorizer unless the route is public; the local gateway serves the
 * same entries by calling the same handler modules; the permission table must name every
 * id (a missing rule is a compile error there).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  /** Stable id used by the permission table, logs and the OpenAPI operationId. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/incidents/{id}`. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** Public routes have no authorizer: only health and the sign-in configuration. */
  readonly public: boolean;
  readonly summary: string;
}

export const routes = [
  { id: 'health.read', method: 'GET', path: '/health', entry: 'functions/api/health/get.ts', public: true, summary: 'Liveness: 200 when the API can serve requests' },
  { id: 'config.read', method: 'GET', path: '/v1/config', entry: 'functions/api/config/get.ts', public: true, summary: 'What a client needs to sign in' },
  { id: 'openapi.read', method: 'GET', path: '/v1/openapi.json', entry: 'functions/api/openapi/get.ts', public: true, summary: 'This API described as OpenAPI 3.1' },
  { id: 'me.read', method: 'GET', path: '/v1/me', entry: 'functions/api/me/get.ts', public: false, summary: "The caller's staff profile and groups" },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDefinition {
  const route = routes.find((candidate) => candidate.id === id);
  if (!route) throw new Error(`Unknown route id ${id}`);
  return route;
}
