import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { fullName } from '../students/student';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import type { Alert } from './alert';
import { auditedRead } from '../audit/audited-read';

export interface AlertQuery {
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * The dashboard: the caller's own alerts, newest first. The pupil's name is shown here
 * (the reader was alerted, so may know it), never in the email. Showing pupils' names is a
 * read of their records: it is audited, with the pupils shown, before the response.
 */
export async function listAlerts(deps: Pick<Deps, 'alerts' | 'students' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, query: AlertQuery, origin: RequestOrigin) {
  const page = await deps.alerts.list(caller.staffId, query);
  const studentIds = [...new Set(page.alerts.map((alert) => alert.studentId))];
  // The event names the pupils this page shows, known once the page is read; their names
  // are looked up alongside the audit write (auditedRead waits for both).
  const pupils = await auditedRead(
    deps,
    auditEvent(deps, caller, origin, { action: 'alert.list', recordType: 'alert', recordId: caller.staffId, studentIds }),
    () => deps.students.getMany(studentIds),
  );
  return {
    alerts: page.alerts.map((alert) => {
      const pupil = pupils.get(alert.studentId);
      return alertView(alert, pupil ? fullName(pupil) : 'Unknown pupil');
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export function alertView(alert: Alert, studentName: string) {
  return {
    id: alert.id,
    kind: alert.kind,
    incidentId: alert.incidentId,
    ...(alert.actionId ? { actionId: alert.actionId } : {}),
    author: { id: alert.authorId, name: alert.authorName },
    categoryNames: [...alert.categoryNames],
    student: { id: alert.studentId, name: studentName },
    createdAt: alert.createdAt,
    ...(alert.readAt ? { readAt: alert.readAt } : {}),
    ...(alert.acknowledgedAt ? { acknowledgedAt: alert.acknowledgedAt } : {}),
  };
}
