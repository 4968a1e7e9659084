import { eventConsumer } from '../../shared/events/event-consumer';
import { ReminderDueDetail } from '../../shared/schemas/events';
import { sendReminder } from '../../shared/domain/notifications/notify-alert';
import { dynamoPorts, staffDirectory, incidentStore, notificationLedger } from '../../shared/deps/dynamo-ports';
import { mailerPorts } from '../../shared/deps/mailer';

export const handler = eventConsumer('reminders', { detail: ReminderDueDetail, adapters: { dynamodb: dynamoPorts({ staff: staffDirectory, incidents: incidentStore, notifications: notificationLedger }), ses: mailerPorts } }).handle((detail, deps) =>
  sendReminder(deps, detail),
);
