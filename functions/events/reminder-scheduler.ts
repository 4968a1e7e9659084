import { eventConsumer } from '../../shared/events/event-consumer';
import { ReminderRequestedDetail } from '../../shared/schemas/events';
import { scheduleReminder } from '../../shared/domain/notifications/schedule-reminder';

export const handler = eventConsumer('reminder-scheduler', ReminderRequestedDetail).handle((detail, deps) => scheduleReminder(deps, detail));
