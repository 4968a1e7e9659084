import type { RouteId } from '../../../shared/api/routes';
import type { StaffCaller } from '../../../shared/domain/identity/caller';
import { permissions } from '../../../shared/domain/permissions';
import type { MeView } from '../api/types';

/**
 * Whether the app offers this reader a route's link or control: the API's own permission
 * table (shared/domain/permissions.ts) asked for the reader as GET /v1/me describes them. A
 * route that needs elevation counts (following it sends the reader to step up). The API
 * still decides every call; this only keeps the app from offering what it would refuse.
 */
export function mayUse(me: MeView | undefined, routeId: RouteId): boolean {
  if (!me) return false;
  const decision = permissions[routeId].gate.decide({ caller: callerFrom(me) });
  return decision === 'allow' || decision === 'elevation_required';
}

/** The gates read only who the caller is, their groups and their elevation; a signed-in account is active. */
function callerFrom(me: MeView): StaffCaller {
  const { id, email, givenName, familyName, jobTitle, groups } = me;
  return {
    kind: 'staff',
    staffId: id,
    groups,
    profile: { id, email, givenName, familyName, jobTitle, groups, status: 'active', createdAt: '', updatedAt: '' },
    authTime: new Date(0),
    elevation: { elevated: me.elevated },
  };
}
