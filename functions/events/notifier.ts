import { eventConsumer } from '../../shared/events/event-consumer';
import { AlertRaisedDetail } from '../../shared/schemas/events';
import { notifyAlert } from '../../shared/domain/notifications/notify-alert';
import { dynamoPorts, staffDirectory, notificationLedger } from '../../shared/deps/dynamo-ports';
import { mailerPorts } from '../../shared/deps/mailer';

export const handler = eventConsumer('notifier', { detail: AlertRaisedDetail, adapters: { dynamodb: dynamoPorts({ staff: staffDirectory, notifications: notificationLedger }), ses: mailerPorts } }).handle((detail, deps) =>
  notifyAlert(deps, detail),
);
