import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { Deps } from '../domain/deps';
import { productionContext } from '../deps/production-deps';
import type { Config } from '../config/load-config';
import { pipeline } from '../lambda/pipeline';
import { consumerContext } from './middleware/consumer-context';
import { validateDetail } from './middleware/validate-detail';

export interface ConsumerOptions {
  readonly context?: () => { config: Config; deps: Deps };
}

export type EventHandler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

/**
 * Wires an event-bus consumer on the same seam as the routes: config and ports once per
 * cold start, then the steps (a logger with the event's ids, the detail validated) and
 * the consumer. Any failure of the consumer is rethrown so the bus retries and then parks
 * the event on the dead-letter queue.
 */
export function eventConsumer<TSchema extends z.ZodType>(name: string, detailSchema: TSchema, options: ConsumerOptions = {}) {
  const { deps } = (options.context ?? productionContext)();
  return {
    handle(consume: (detail: z.infer<TSchema>, deps: Deps) => Promise<string>): EventHandler {
      return pipeline([consumerContext(name, deps.logger), validateDetail(detailSchema)], async ({ internal }) => {
        internal.outcome = await consume(internal.detail as z.infer<TSchema>, deps);
      });
    },
  };
}
