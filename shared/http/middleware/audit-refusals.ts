import type { RouteId } from '../../api/routes';
import { recordRefusal } from '../../domain/audit/audit-context';
import type { Deps } from '../../domain/deps';
import { gateSubject } from './gate-subject';
import type { RouteStep } from './route-state';

/**
 * The one seam where refusals are audited, wherever they were decided: the gate, the
 * permission table's record rules or the domain's own, each one refused event, against
 * what the domain said the attempt was about or else the route and the record in its
 * path. Its onError runs before the error map's, so the event is written before the
 * answer; if that write fails, the request fails with it (a generic 500).
 */
export function auditRefusals(routeId: RouteId, deps: Pick<Deps, 'audit' | 'clock' | 'ids'>): RouteStep {
  return {
    name: 'audit-refusals',
    onError: async (request) => {
      const { caller, origin } = request.internal;
      // No caller: resolving it failed, and that step audited the refused account itself.
      if (!caller || !origin) return;
      try {
        await recordRefusal(deps, caller, origin, request.error, gateSubject(routeId, request.event));
      } catch (auditFailure) {
        request.error = auditFailure;
      }
    },
  };
}
