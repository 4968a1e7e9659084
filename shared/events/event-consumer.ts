import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { Deps } from '../domain/deps';
import { productionContext } from '../deps/production-deps';
import type { Config } from '../config/load-config';

export interface ConsumerOptions {
  readonly context?: () => { config: Config; deps: Deps };
}

export type EventHandler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

/**
 * Wires an event-bus consumer: config and ports once per cold start, the detail
 * validated, one log line per event (ids only). A malformed detail is logged and
 * dropped (retrying cannot mend it); any other failure is rethrown so the bus retries and
 * then parks the event on the dead-letter queue.
 */
export function eventConsumer<TSchema extends z.ZodType>(name: string, detailSchema: TSchema, options: ConsumerOptions = {}) {
  const { deps } = (options.context ?? productionContext)();
  return {
    handle(consume: (detail: z.infer<TSchema>, deps: Deps) => Promise<string>): EventHandler {
      return async (event) => {
        // Lantern's own event id (from the outbox) survives a redrive; EventBridge's envelope id does not.
        const lanternEventId = (event.detail as { eventId?: unknown } | null)?.eventId;
        const logger = deps.logger.child({
          consumer: name,
          eventId: typeof lanternEventId === 'string' ? lanternEventId : event.id,
          busEventId: event.id,
          detailType: event['detail-type'],
        });
        const parsed = detailSchema.safeParse(event.detail);
        if (!parsed.success) {
          logger.error('event detail rejected', { issues: parsed.error.issues.map((issue) => issue.path.join('.')).join(',') });
          return;
        }
        const outcome = await consume(parsed.data, deps);
        logger.info('event consumed', { outcome });
      };
    },
  };
}
