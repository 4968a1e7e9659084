import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { NewReferral, ReferralChange } from '../../schemas/referrals';
import type { Referral } from './referral';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../errors/lantern-error';
import { StaleVersionError } from '../ports';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { mayBeSentIncidents } from '../permissions';
import { referralChanged, referralCheckRequested } from '../casework/casework-events';
import { loadReadableIncident } from '../incidents/read-incident';
import { defaultResponseTimescales, responseDueAt } from './response-timescales';
import { referralView, staffNamedBy } from './referral-view';

type ReferralDeps = Pick<Deps, 'incidents' | 'categories' | 'referrals' | 'schoolProfile' | 'staff' | 'students' | 'audit' | 'clock' | 'ids'>;

/**
 * Records a referral made from an incident, with the response due by the school's timescale
 * for that agency; its ReferralCheckRequested event (in the same transaction, through the
 * outbox) has Scheduler check on it then: if there is no outcome by that time the DSLs are alerted.
 */
export async function recordReferral(deps: ReferralDeps, caller: StaffCaller, incidentId: string, input: NewReferral, origin: RequestOrigin) {
  const { stored } = await loadReadableIncident(deps, caller, incidentId, 'referral.create', 'referrals.create');
  const now = deps.clock.now();
  const madeAt = new Date(input.madeAt);
  if (madeAt.getTime() > now.getTime() + 60_000) throw ValidationError.forField('madeAt', 'must not be in the future');
  const madeBy = input.madeBy ?? caller.staffId;
  const maker = await deps.staff.get(madeBy);
  if (!maker || !mayBeSentIncidents(maker)) throw new UnprocessableError('There is no such member of staff, or their account is disabled or not in the staff group.', 'madeBy');
  const profile = await deps.schoolProfile.get();
  const timescale = profile.referralTimescales?.[input.agency] ?? defaultResponseTimescales[input.agency];
  const due = responseDueAt(madeAt, timescale);

  const referral: Referral = {
    id: deps.ids.next(),
    incidentId,
    studentId: stored.incident.studentId,
    agency: input.agency,
    ...(input.agencyName ? { agencyName: input.agencyName } : {}),
    madeAt: madeAt.toISOString(),
    madeBy,
    ...(input.reference ? { reference: input.reference } : {}),
    responseDueAt: due.toISOString(),
    state: 'made',
    recordedBy: caller.staffId,
    recordedAt: now.toISOString(),
  };
  await deps.referrals.record({
    referral,
    audit: auditEvent(deps, caller, origin, { action: 'referral.create', recordType: 'incident', recordId: incidentId, studentIds: [referral.studentId], detail: { referralId: referral.id, agency: referral.agency } }),
    events: [referralCheckRequested(deps.ids, { referralId: referral.id, incidentId, at: referral.responseDueAt }), referralChanged(deps.ids, { referralId: referral.id, incidentId })],
  });
  return viewOf(deps, referral, now);
}

/** The agency acknowledged the referral, or answered it with an outcome. */
export async function changeReferral(deps: Omit<ReferralDeps, 'schoolProfile'>, caller: StaffCaller, incidentId: string, referralId: string, input: ReferralChange, origin: RequestOrigin) {
  await loadReadableIncident(deps, caller, incidentId, 'referral.update', 'referrals.update');
  const referral = await deps.referrals.get(incidentId, referralId);
  if (!referral) throw new NotFoundError('No such referral on this incident.');
  if (referral.state === 'outcome') throw new ConflictError('This referral already has its outcome.');
  if (referral.state === 'acknowledged' && input.state === 'acknowledged') throw new ConflictError('This referral is already acknowledged.');
  const now = deps.clock.now();
  const changed: Referral = {
    ...referral,
    state: input.state,
    ...(input.reference ? { reference: input.reference } : {}),
    ...(input.state === 'acknowledged' ? { acknowledgedAt: now.toISOString() } : {}),
    ...(input.state === 'outcome' ? { outcome: { at: now.toISOString(), text: input.outcome!, recordedBy: caller.staffId } } : {}),
  };
  try {
    await deps.referrals.update({
      referral: changed,
      expectedState: referral.state,
      events: [referralChanged(deps.ids, { referralId, incidentId })],
      audit: auditEvent(deps, caller, origin, { action: 'referral.update', recordType: 'incident', recordId: incidentId, studentIds: [referral.studentId], detail: { referralId, state: input.state } }),
    });
  } catch (error) {
    if (error instanceof StaleVersionError) throw new ConflictError('This referral was changed by someone else just now. Reload it and try again.');
    throw error;
  }
  return viewOf(deps, changed, now);
}

async function viewOf(deps: Pick<Deps, 'students' | 'staff'>, referral: Referral, now: Date) {
  const [pupils, staff] = await Promise.all([deps.students.getMany([referral.studentId]), deps.staff.getMany(staffNamedBy(referral))]);
  return referralView(referral, now, pupils, staff);
}
