import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { PageRequest } from '../ports';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { loadReadableIncident } from '../incidents/read-incident';
import { referralView, staffNamedBy } from './referral-view';
import type { Referral } from './referral';

type ListDeps = Pick<Deps, 'referrals' | 'students' | 'staff' | 'audit' | 'clock' | 'ids'>;

/** Referrals awaiting a response, soonest due first, so the overdue ones lead; or only the overdue. */
export async function listReferrals(deps: ListDeps, caller: StaffCaller, status: 'open' | 'overdue', page: PageRequest, origin: RequestOrigin) {
  const now = deps.clock.now();
  const result = await deps.referrals.listOpen({ ...page, ...(status === 'overdue' ? { dueBefore: now.toISOString() } : {}) });
  const referrals = await viewsOf(deps, result.referrals, now);
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'referral.list', recordType: 'incident', recordId: 'referrals', studentIds: result.referrals.map((referral) => referral.studentId), detail: { status } }));
  return { referrals, ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
}

/** Every referral made from one incident, oldest first. */
export async function listIncidentReferrals(deps: ListDeps & Pick<Deps, 'incidents' | 'categories'>, caller: StaffCaller, incidentId: string, origin: RequestOrigin) {
  const { stored } = await loadReadableIncident(deps, caller, incidentId, 'referral.list', 'incidentReferrals.list');
  const referrals = await deps.referrals.listForIncident(incidentId);
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'referral.list', recordType: 'incident', recordId: incidentId, studentIds: [stored.incident.studentId] }));
  return { referrals: await viewsOf(deps, referrals, deps.clock.now()) };
}

async function viewsOf(deps: Pick<Deps, 'students' | 'staff'>, referrals: readonly Referral[], now: Date) {
  const [pupils, staff] = await Promise.all([
    deps.students.getMany([...new Set(referrals.map((referral) => referral.studentId))]),
    deps.staff.getMany([...new Set(referrals.flatMap(staffNamedBy))]),
  ]);
  return referrals.map((referral) => referralView(referral, now, pupils, staff));
}
