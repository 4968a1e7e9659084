import type { RouteId } from '../../api/routes';
import { refusedAccountEvent } from '../../domain/audit/audit-context';
import type { Deps } from '../../domain/deps';
import { anonymous } from '../../domain/identity/caller';
import { resolveCaller as resolveCallerFromClaims } from '../../domain/identity/resolve-caller';
import { isLanternError } from '../../errors/lantern-error';
import { provided } from '../../lambda/pipeline';
import { readClaims } from '../claims';
import { gateSubject } from './gate-subject';
import type { RouteStep } from './route-state';

/**
 * The caller from the verified JWT claims and their current staff profile (a token
 * outlives a disabled account). A refused account's attempt is audited like any refusal.
 */
export function resolveCaller(routeId: RouteId, deps: Pick<Deps, 'staff' | 'school' | 'audit' | 'clock' | 'ids'> & Partial<Pick<Deps, 'identity'>>): RouteStep {
  return {
    name: 'resolve-caller',
    before: async (request) => {
      const origin = provided(request.internal.origin, 'request origin');
      const claims = readClaims(request.event);
      request.internal.caller = await resolveCallerFromClaims(deps, claims).catch(async (error: unknown) => {
        if (claims && isLanternError(error)) await deps.audit.record(refusedAccountEvent(deps, claims.subject, origin, gateSubject(routeId, request.event), error.code));
        throw error;
      });
      if (request.internal.caller.kind === 'staff') request.internal.logger = request.internal.logger?.child({ staffId: request.internal.caller.staffId });
      if (request.internal.caller.kind === 'partner') request.internal.logger = request.internal.logger?.child({ clientId: request.internal.caller.clientId });
    },
  };
}

/** A public route's caller is anonymous: it has no ports to look anyone up with. */
export function publicCaller(): RouteStep {
  return {
    name: 'public-caller',
    before: (request) => {
      request.internal.caller = anonymous;
    },
  };
}
