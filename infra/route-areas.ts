import type { RouteDefinition } from '../shared/api/routes';

/**
 * The API's route functions live in nested stacks, one per area of the route catalogue, so
 * that no stack nears CloudFormation's 500 resources however many routes the catalogue gets
 * (each route costs about 7: its function, role, policy, log group, invoke permission,
 * integration and route; test/infra/stack-limits.test.ts counts). A route's area is named
 * by the first segment of its path after `/v1`; each segment is listed once, here. Areas
 * are stable: a route added to an area never moves another route's function to another
 * stack (which would replace it), as a split by position in the catalogue would.
 *
 * A new first segment must be added to one area; synth names the route and this file
 * until it is. When an area nears its limit (the test says which), split it in two.
 */
export const routeAreas = {
  /** Public routes, the caller's own account, and what administrators set up. */
  Account: ['health', 'config', 'openapi.json', 'me', 'school', 'staff', 'alert-groups', 'categories', 'alerts', 'quality-check', 'settings', 'admin', 'partner-clients'],
  /** Incidents, their casework, referrals and files. */
  Incidents: ['incidents', 'triage', 'referrals', 'files', 'encompass-notifications'],
  /** Pupils' files, reports, the audit trail, exports and subject access requests, retention. */
  Pupils: ['students', 'reports', 'audit', 'exports', 'sars', 'retention', 'imports'],
  /** What other systems call: partner (local-authority, police) routes and school-to-school transfers. */
  Partners: ['partners', 'transfers', 'receipts'],
} as const satisfies Record<string, readonly string[]>;

export type RouteArea = keyof typeof routeAreas;

/**
 * CloudFormation refuses a stack of more than 500 resources; Lantern holds every stack, the
 * school's and each nested one, to this, so a stack has room for what a change adds.
 */
export const stackResourceGuard = 450;

/**
 * The most routes one area may hold: at 7 resources a route and an alarm per five routes,
 * 55 make 396, under the guard (test/infra/stack-limits.test.ts synthesizes such an area).
 */
export const maxRoutesPerArea = 55;

/** The first segment of a route's path after `/v1`: `/v1/incidents/{id}` → `incidents`, `/health` → `health`. */
export function pathArea(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return (segments[0] === 'v1' ? segments[1] : segments[0]) ?? '';
}

/** The area (nested stack) a route's function goes in; throws, naming the fix, for an unlisted segment. */
export function routeAreaOf(route: Pick<RouteDefinition, 'id' | 'path'>): RouteArea {
  const segment = pathArea(route.path);
  const area = (Object.keys(routeAreas) as RouteArea[]).find((candidate) => (routeAreas[candidate] as readonly string[]).includes(segment));
  if (!area) {
    throw new Error(`Route ${route.id} (${route.path}): no API area lists '${segment}'. Add it to one area in infra/route-areas.ts (which nested stack its function goes in).`);
  }
  return area;
}
