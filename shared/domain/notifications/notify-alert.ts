import type { Deps } from '../deps';
import type { AlertRaisedDetail } from '../events';
import type { ReminderDueDetail } from '../ports';
import { alertEmail, incidentLink, reminderEmail } from './alert-email';

export type NotificationOutcome = 'sent' | 'already-sent' | 'no-recipient' | 'no-reminder';

type NotifierDeps = Pick<Deps, 'notifications' | 'staff' | 'mailer' | 'clock' | 'school' | 'logger'>;

/**
 * Sends one email for one alert. Idempotent: the ledger's lease means a redelivered event
 * sends nothing; a failed send gives the lease back and rethrows, so the bus retries and
 * finally parks the event on the dead-letter queue rather than losing it.
 */
export async function notifyAlert(deps: NotifierDeps, detail: AlertRaisedDetail): Promise<NotificationOutcome> {
  return sendOnce(deps, `alert#${detail.alertId}`, async () => {
    const recipient = await deps.staff.get(detail.recipientId);
    if (recipient?.status !== 'active') return 'no-recipient';
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

/**
 * The planner reminder: an email to its owner saying only that it is due, with the link. The
 * event carries ids only; the incident is read to check the reminder still stands.
 */
export async function sendReminder(deps: NotifierDeps & Pick<Deps, 'incidents'>, detail: ReminderDueDetail): Promise<NotificationOutcome> {
  return sendOnce(deps, `reminder#${detail.reminderId}`, async () => {
    const owner = await deps.staff.get(detail.ownerId);
    if (owner?.status !== 'active') return 'no-recipient';
    const reminder = (await deps.incidents.get(detail.incidentId))?.incident.reminder;
    if (!reminder) return 'no-reminder';
    await deps.mailer.send(
      reminderEmail({ to: owner.email, link: incidentLink(deps.school.appBaseUrl, detail.incidentId), schoolName: deps.school.name }),
    );
    return 'sent';
  });
}

/** A notification another delivery claimed under NOTIFICATION_LEASE_MINUTES ago and has not marked sent. */
export class NotificationHeldError extends Error {
  constructor(notificationId: string) {
    super(`Notification ${notificationId} is claimed by another delivery; try again once it is sent or its lease is stale`);
    this.name = 'NotificationHeldError';
  }
}

/**
 * Claims the notification, sends, then marks it sent. A notifier that dies between the
 * claim and the send leaves a lease that goes stale, so a redelivery sends it after all.
 */
async function sendOnce(
  deps: Pick<Deps, 'notifications' | 'clock' | 'logger'>,
  notificationId: string,
  send: () => Promise<NotificationOutcome>,
): Promise<NotificationOutcome> {
  const claim = await deps.notifications.claim(notificationId, deps.clock.now().toISOString());
  if (claim === 'sent') {
    deps.logger.info('notification already sent', { notificationId });
    return 'already-sent';
  }
  // Another delivery's claim is fresh: it may be sending, or have died mid-send (a crash, a
  // timeout). Dropping the event would lose the email in the second case, so it fails: the bus
  // retries, then dead-letters it, and a retry or the redrive after the lease sends it or finds it sent.
  if (claim === 'held') throw new NotificationHeldError(notificationId);
  let outcome: NotificationOutcome;
  try {
    outcome = await send();
  } catch (error) {
    await deps.notifications.release(notificationId);
    throw error;
  }
  try {
    await deps.notifications.markSent(notificationId, deps.clock.now().toISOString());
  } catch (error) {
    // The email is out: rethrowing would have the bus retry, and a retry after the lease went
    // stale would send it again. Unmarked, only a rare later redelivery could do that.
    deps.logger.error('notification sent but not marked sent', { notificationId }, error);
  }
  deps.logger.info('notification handled', { notificationId, outcome });
  return outcome;
}
