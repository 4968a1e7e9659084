import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import { fullName } from '../students/student';
import { alertView } from './list-alerts';

/**
 * Marks one of the caller's own alerts read, or acknowledged ("I have read it and
 * understand the content", seed 003 step 11). The first time is kept. Marking never
 * takes away the caller's access to the incident.
 */
export async function markAlert(deps: Pick<Deps, 'alerts' | 'students' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, alertId: string, mark: 'read' | 'acknowledged', origin: RequestOrigin) {
  const alert = await deps.alerts.get(caller.staffId, alertId);
  const action = mark === 'read' ? 'alert.read' : 'alert.acknowledge';
  const subject = { action, recordType: 'alert' as const, recordId: alertId, ...(alert ? { studentIds: [alert.studentId] } : {}) };
  const found = foundAbout(subject, alert, 'No such alert.');
  const now = deps.clock.now().toISOString();
  const updated = await deps.alerts.mark(
    caller.staffId,
    alertId,
    { readAt: found.readAt ?? now, ...(mark === 'acknowledged' ? { acknowledgedAt: found.acknowledgedAt ?? now } : {}) },
    auditEvent(deps, caller, origin, subject),
  );
  const pupil = await deps.students.get(updated.studentId);
  return alertView(updated, pupil ? fullName(pupil) : 'Unknown pupil');
}
