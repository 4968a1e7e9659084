import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { displayName } from '../staff/staff-profile';

/**
 * Staff to alert or assign: active accounts whose forename or surname starts with the
 * query. Administrators also see email, groups and account status to manage accounts.
 */
export async function searchStaff(deps: Pick<Deps, 'staff'>, caller: StaffCaller, query: string | undefined) {
  const prefix = (query ?? '').trim().toLowerCase();
  const isAdmin = caller.groups.includes('admin');
  const everyone = await deps.staff.list();
  const matches = everyone.filter(
    (member) =>
      (isAdmin || member.status === 'active') &&
      (prefix === '' || member.givenName.toLowerCase().startsWith(prefix) || member.familyName.toLowerCase().startsWith(prefix)),
  );
  return {
    staff: matches.map((member) => ({
      id: member.id,
      name: displayName(member),
      jobTitle: member.jobTitle,
      ...(isAdmin ? { email: member.email, groups: [...member.groups], status: member.status } : {}),
    })),
  };
}
