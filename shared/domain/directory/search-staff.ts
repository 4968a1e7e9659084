import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { displayName } from '../staff/staff-profile';
import { mayBeSentIncidents, seesAccountDetails } from '../permissions';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/**
 * Staff to alert or assign: active accounts in the staff group whose forename or surname
 * starts with the query (an account outside it cannot be alerted). Administrators see every
 * account, with email, groups and status, to manage them. Showing the list is audited.
 */
export async function searchStaff(deps: Pick<Deps, 'staff' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, query: string | undefined, origin: RequestOrigin) {
  const prefix = (query ?? '').trim().toLowerCase();
  const showsAccountDetails = seesAccountDetails.decide({ caller }) === 'allow';
  const everyone = await deps.staff.list();
  const matches = everyone.filter(
    (member) =>
      (showsAccountDetails || mayBeSentIncidents(member)) &&
      (prefix === '' || member.givenName.toLowerCase().startsWith(prefix) || member.familyName.toLowerCase().startsWith(prefix)),
  );
  // Administrators see every account's email, groups and status: who looked, and at what, is kept.
  await deps.audit.record(
    auditEvent(deps, caller, origin, {
      action: 'staff.list',
      recordType: 'staff',
      recordId: 'directory',
      detail: { query: prefix, results: String(matches.length), accountDetails: showsAccountDetails ? 'shown' : 'not shown' },
    }),
  );
  return {
    staff: matches.map((member) => ({
      id: member.id,
      name: displayName(member),
      jobTitle: member.jobTitle,
      ...(showsAccountDetails ? { email: member.email, groups: [...member.groups], status: member.status } : {}),
    })),
  };
}
