import { eventConsumer } from '../../shared/events/event-consumer';
import { AlertRaisedDetail } from '../../shared/schemas/events';
import { notifyAlert } from '../../shared/domain/notifications/notify-alert';

export const handler = eventConsumer('notifier', AlertRaisedDetail).handle((detail, deps) => notifyAlert(deps, detail));
