import { eventConsumer } from '../../shared/events/event-consumer';
import { ReminderDueDetail } from '../../shared/schemas/events';
import { sendReminder } from '../../shared/domain/notifications/notify-alert';

export const handler = eventConsumer('reminders', ReminderDueDetail).handle((detail, deps) => sendReminder(deps, detail));
