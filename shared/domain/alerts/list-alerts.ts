import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { fullName } from '../students/student';
import type { Alert } from './alert';

export interface AlertQuery {
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * The dashboard: the caller's own alerts, newest first. The pupil's name is shown here
 * (the reader was alerted, so may know it), never in the email.
 */
export async function listAlerts(deps: Pick<Deps, 'alerts' | 'students'>, caller: StaffCaller, query: AlertQuery) {
  const page = await deps.alerts.list(caller.staffId, query);
  const pupils = await deps.students.getMany([...new Set(page.alerts.map((alert) => alert.studentId))]);
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
