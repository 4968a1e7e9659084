import type { RouteId } from '../../api/routes';
import { auditRefusal } from '../../domain/audit/audit-context';
import type { Deps } from '../../domain/deps';
import { assertGate } from '../../domain/permissions';
import { provided } from '../../lambda/pipeline';
import { gateSubject } from './gate-subject';
import type { RouteStep } from './route-state';

/**
 * The permission table's gate for the route id (who may call it at all, before any record
 * is read); a refusal is written to the audit trail before the error goes back.
 */
export function gate(routeId: RouteId, deps: Pick<Deps, 'audit' | 'clock' | 'ids'>): RouteStep {
  return {
    name: 'gate',
    before: async (request) => {
      const caller = provided(request.internal.caller, 'caller');
      const origin = provided(request.internal.origin, 'request origin');
      await auditRefusal(deps, caller, origin, gateSubject(routeId, request.event), () => assertGate(routeId, caller));
    },
  };
}
