import type { Logger } from '../../logging/logger';
import type { ConsumerStep } from './consumer-state';

/**
 * A logger carrying the consumer and the event's ids (never its detail), and one outcome
 * line per event. Lantern's own event id (from the outbox) survives a redrive, where
 * EventBridge's envelope id does not, so it is the one logged as `eventId`.
 */
export function consumerContext(name: string, logger: Logger): ConsumerStep {
  return {
    name: 'consumer-context',
    before: (request) => {
      const { event } = request;
      const lanternEventId = (event.detail as { eventId?: unknown } | null)?.eventId;
      request.internal.logger = logger.child({
        consumer: name,
        eventId: typeof lanternEventId === 'string' ? lanternEventId : event.id,
        busEventId: event.id,
        detailType: event['detail-type'],
      });
    },
    after: (request) => {
      if (request.internal.outcome !== undefined) request.internal.logger?.info('event consumed', { outcome: request.internal.outcome });
    },
  };
}
