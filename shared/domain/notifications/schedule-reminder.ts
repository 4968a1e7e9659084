import type { Deps } from '../deps';
import type { ReminderRequestedDetail } from '../events';

type SchedulingOutcome = 'scheduled' | 'already-scheduled';

/**
 * Creates the one-off schedule that puts ReminderDue on the bus at the reminder's time.
 * Idempotent on the reminder id (the schedule's name), so a redelivered or redriven
 * ReminderRequested never schedules a second email.
 */
export async function scheduleReminder(deps: Pick<Deps, 'reminders' | 'clock'>, detail: ReminderRequestedDetail): Promise<SchedulingOutcome> {
  // A reminder delivered (or redriven) after its time is sent a minute from now rather than never.
  const now = deps.clock.now().getTime();
  const due = new Date(detail.at).getTime();
  return deps.reminders.schedule({
    id: detail.reminderId,
    at: new Date(due > now ? due : now + 60_000),
    // Ids only: the note is read from the incident when the reminder is sent.
    detail: { reminderId: detail.reminderId, incidentId: detail.incidentId, ownerId: detail.ownerId },
  });
}
