import type { Context, EventBridgeEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { FunctionConfig } from '../config/load-config';
import type { AdaptersFor } from '../deps/adapter-factory';
import { declaredContext } from '../deps/declared-context';
import type { DepsFor, DynamoPort, DynamoPortsOf } from '../deps/uses';
import { pipeline } from '../lambda/pipeline';
import { consumerContext } from './middleware/consumer-context';
import { validateDetail } from './middleware/validate-detail';
import { eventRuleById, type ConsumerUsesOf, type EventRuleId } from './rules';

/** What an entry hands its consumer: the detail's schema, and one factory per AWS service it declares. */
export interface ConsumerWiring<C extends EventRuleId, TSchema extends z.ZodMiniType, P extends DynamoPort = DynamoPortsOf<ConsumerUsesOf<C>>> {
  readonly detail: TSchema;
  readonly adapters: AdaptersFor<ConsumerUsesOf<C>, P>;
  /** Config and ports; by default built from the declaration once per cold start. Tests pass their own. */
  readonly context?: () => { config: FunctionConfig; deps: DepsFor<ConsumerUsesOf<C>, P> };
}

export type EventHandler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

/**
 * Wires an event-bus consumer on the same seam as the routes: config and ports from its
 * declaration (shared/events/rules.ts) once per cold start, then the steps (a logger with
 * the event's ids, the detail validated: a malformed one is logged and dropped, as retrying
 * cannot mend it) and the consumer. Any other failure is rethrown so the bus retries and
 * then parks the event on the dead-letter queue.
 */
export function eventConsumer<C extends EventRuleId, TSchema extends z.ZodMiniType, P extends DynamoPortsOf<ConsumerUsesOf<C>> = never>(name: C, wiring: ConsumerWiring<C, TSchema, P>) {
  // The catalogue's literal types, narrowed to this consumer's entry.
  const entry = { id: name, uses: eventRuleById(name).uses as ConsumerUsesOf<C> };
  const { deps } = wiring.context ? wiring.context() : declaredContext<ConsumerUsesOf<C>, P>(entry, wiring.adapters);
  return {
    handle(consume: (detail: z.infer<TSchema>, deps: DepsFor<ConsumerUsesOf<C>, P>) => Promise<string>): EventHandler {
      return pipeline([consumerContext(name, deps.logger), validateDetail(wiring.detail)], async ({ internal }) => {
        internal.outcome = await consume(internal.detail as z.infer<TSchema>, deps);
      });
    },
  };
}
