import type { RouteId } from '../../api/routes';
import { assertGate } from '../../domain/permissions';
import { provided } from '../../lambda/pipeline';
import type { RouteStep } from './route-state';

/**
 * The permission table's gate for the route id (who may call it at all, before any record
 * is read). A refusal is audited by the refusal seam (`audit-refusals`), like every other.
 */
export function gate(routeId: RouteId): RouteStep {
  return {
    name: 'gate',
    before: (request) => {
      assertGate(routeId, provided(request.internal.caller, 'caller'));
    },
  };
}
