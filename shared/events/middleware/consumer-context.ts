import type { Logger } from '../../logging/logger';
import type { ConsumerStep } from './consumer-state';

/** A logger carrying the consumer and the event's ids (never its detail), and one outcome line per event. */
export function consumerContext(name: string, logger: Logger): ConsumerStep {
  return {
    name: 'consumer-context',
    before: (request) => {
      request.internal.logger = logger.child({ consumer: name, eventId: request.event.id, detailType: request.event['detail-type'] });
    },
    after: (request) => {
      if (request.internal.outcome !== undefined) request.internal.logger?.info('event consumed', { outcome: request.internal.outcome });
    },
  };
}
