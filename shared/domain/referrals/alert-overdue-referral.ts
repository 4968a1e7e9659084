import type { Deps } from '../deps';
import { anonymous } from '../identity/caller';
import { auditEvent } from '../audit/audit-context';
import { buildAlerts } from '../alerts/alerts-for';
import { mayBeSentIncidents } from '../permissions';
import { alertRaised } from '../events';
import { isOverdue, referralAgencyNames } from './referral';

/**
 * Scheduler's check at a referral's due time: if the agency has not answered with an
 * outcome, every DSL is alerted once (an alert each, emailed by the notifier like any
 * other: it names the agency, never the pupil). The alerts and their AlertRaised events commit
 * together, through the outbox.
 */
export async function alertOverdueReferral(deps: Pick<Deps, 'referrals' | 'staff' | 'audit' | 'clock' | 'ids'>, detail: { readonly referralId: string; readonly incidentId: string }): Promise<string> {
  const referral = await deps.referrals.get(detail.incidentId, detail.referralId);
  if (!referral) return 'no such referral';
  const now = deps.clock.now();
  if (!isOverdue(referral, now)) return referral.state === 'outcome' ? 'answered' : 'not yet due';
  if (referral.overdueAlertedAt) return 'already alerted';
  const leads = (await deps.staff.list()).filter((member) => member.groups.includes('dsl') && mayBeSentIncidents(member));
  const at = now.toISOString();
  const alerts = buildAlerts(
    deps.ids,
    leads.map((member) => member.id),
    { incidentId: referral.incidentId, kind: 'referral_overdue', authorId: referral.recordedBy, authorName: 'Lantern', categoryNames: [referral.agencyName ?? referralAgencyNames[referral.agency]], studentId: referral.studentId, createdAt: at },
  );
  const audit = auditEvent(deps, anonymous, { requestId: `referral-check-${referral.id}`, sourceIp: 'scheduler' }, {
    action: 'referral.overdue.alerted',
    recordType: 'incident',
    recordId: referral.incidentId,
    studentIds: [referral.studentId],
    detail: { referralId: referral.id, alerted: String(alerts.length) },
  });
  const events = alerts.map((alert) => alertRaised(deps.ids, alert));
  const outcome = await deps.referrals.markOverdueAlerted({ referral: { ...referral, overdueAlertedAt: at }, alerts, audit, events });
  if (outcome === 'already-alerted') return 'already alerted';
  return `alerted ${alerts.length}`;
}
