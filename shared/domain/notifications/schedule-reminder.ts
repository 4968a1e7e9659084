import type { Deps } from '../deps';
import type { ReminderRequestedDetail } from '../events';

export type SchedulingOutcome = 'scheduled' | 'already-scheduled';

/**
 * Creates the one-off schedule that puts ReminderDue on the bus at the reminder's time.
 * Idempotent on the reminder id (the schedule's name), so a redelivered or redriven
 * ReminderRequested never schedules a second email.
 */
export async function scheduleReminder(deps: Pick<Deps, 'reminders' | 'clock'>, detail: ReminderRequestedDetail): Promise<SchedulingOutcome> {
  // A reminder redriven after its time is sent a minute from now rather than never.
  const soonest = deps.clock.now().getTime() + 60_000;
  return deps.reminders.schedule({
    id: detail.reminderId,
    at: new Date(Math.max(new Date(detail.at).getTime(), soonest)),
    // Ids only: the note is read from the incident when the reminder is sent.
    detail: { reminderId: detail.reminderId, incidentId: detail.incidentId, ownerId: detail.ownerId },
  });
}
