import { eventConsumer } from '../../shared/events/event-consumer';
import { ReminderRequestedDetail } from '../../shared/schemas/events';
import { scheduleReminder } from '../../shared/domain/notifications/schedule-reminder';
import { reminderPorts } from '../../shared/deps/reminders';

export const handler = eventConsumer('reminder-scheduler', { detail: ReminderRequestedDetail, adapters: { scheduler: reminderPorts } }).handle((detail, deps) =>
  scheduleReminder(deps, detail),
);
