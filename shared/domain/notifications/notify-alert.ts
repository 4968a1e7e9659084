import type { Deps } from '../deps';
import type { AlertRaisedDetail } from '../events';
import type { ReminderDueDetail } from '../ports';
import { alertEmail, incidentLink, reminderEmail } from './alert-email';

export type NotificationOutcome = 'sent' | 'already-sent' | 'no-recipient';

/**
 * Sends one email for one alert. Idempotent: the ledger claim means a redelivered event
 * sends nothing; a failed send gives the claim back and rethrows, so the bus retries and
 * finally parks the event on the dead-letter queue rather than losing it.
 */
export async function notifyAlert(deps: Pick<Deps, 'notifications' | 'staff' | 'mailer' | 'clock' | 'school' | 'logger'>, detail: AlertRaisedDetail): Promise<NotificationOutcome> {
  return sendOnce(deps, `alert#${detail.alertId}`, async () => {
    const recipient = await deps.staff.get(detail.recipientId);
    if (!recipient || recipient.status !== 'active') return 'no-recipient';
    await deps.mailer.send(
      alertEmail({
        to: recipient.email,
        kind: detail.kind,
        authorName: detail.authorName,
        categoryNames: detail.categoryNames,
        link: incidentLink(deps.school.appBaseUrl, detail.incidentId),
        schoolName: deps.school.name,
      }),
    );
    return 'sent';
  });
}

/** The planner reminder: an email to its owner naming only the link and their own note. */
export async function sendReminder(deps: Pick<Deps, 'notifications' | 'staff' | 'mailer' | 'clock' | 'school' | 'logger'>, detail: ReminderDueDetail): Promise<NotificationOutcome> {
  return sendOnce(deps, `reminder#${detail.reminderId}`, async () => {
    const owner = await deps.staff.get(detail.ownerId);
    if (!owner || owner.status !== 'active') return 'no-recipient';
    await deps.mailer.send(
      reminderEmail({ to: owner.email, note: detail.note, link: incidentLink(deps.school.appBaseUrl, detail.incidentId), schoolName: deps.school.name }),
    );
    return 'sent';
  });
}

async function sendOnce(
  deps: Pick<Deps, 'notifications' | 'clock' | 'logger'>,
  notificationId: string,
  send: () => Promise<NotificationOutcome>,
): Promise<NotificationOutcome> {
  const claimed = await deps.notifications.claim(notificationId, deps.clock.now().toISOString());
  if (!claimed) {
    deps.logger.info('notification already sent', { notificationId });
    return 'already-sent';
  }
  try {
    const outcome = await send();
    deps.logger.info('notification handled', { notificationId, outcome });
    return outcome;
  } catch (error) {
    await deps.notifications.release(notificationId);
    throw error;
  }
}
