import type { Context, EventBridgeEvent } from 'aws-lambda';
import type * as z from 'zod';
import { loadConfigFor, type FunctionConfig } from '../config/load-config';
import { functionEnvironment } from '../config/environment-source';
import type { AdaptersFor } from '../deps/adapter-factory';
import { buildDeps } from '../deps/build-deps';
import type { DepsFor } from '../deps/uses';
import { eventRuleById, type ConsumerUsesOf, type EventRuleId } from './rules';

/** What an entry hands its consumer: the detail's schema, and one factory per AWS service it declares. */
export interface ConsumerWiring<C extends EventRuleId, TSchema extends z.ZodType> {
  readonly detail: TSchema;
  readonly adapters: AdaptersFor<ConsumerUsesOf<C>>;
  /** Config and ports; by default built from the declaration once per cold start. Tests pass their own. */
  readonly context?: () => { config: FunctionConfig; deps: DepsFor<ConsumerUsesOf<C>> };
}

export type EventHandler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

/**
 * Wires an event-bus consumer: config and ports from its declaration (shared/events/rules.ts)
 * once per cold start, the detail validated, one log line per event (ids only). A malformed
 * detail is logged and dropped (retrying cannot mend it); any other failure is rethrown so
 * the bus retries and then parks the event on the dead-letter queue.
 */
export function eventConsumer<C extends EventRuleId, TSchema extends z.ZodType>(name: C, wiring: ConsumerWiring<C, TSchema>) {
  const { deps } = wiring.context ? wiring.context() : declaredConsumerContext(name, wiring.adapters);
  return {
    handle(consume: (detail: z.infer<TSchema>, deps: DepsFor<ConsumerUsesOf<C>>) => Promise<string>): EventHandler {
      return async (event) => {
        // Lantern's own event id (from the outbox) survives a redrive; EventBridge's envelope id does not.
        const lanternEventId = (event.detail as { eventId?: unknown } | null)?.eventId;
        const logger = deps.logger.child({
          consumer: name,
          eventId: typeof lanternEventId === 'string' ? lanternEventId : event.id,
          busEventId: event.id,
          detailType: event['detail-type'],
        });
        const parsed = wiring.detail.safeParse(event.detail);
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

function declaredConsumerContext<C extends EventRuleId>(name: C, adapters: AdaptersFor<ConsumerUsesOf<C>>) {
  // The catalogue's literal types, narrowed to this consumer's entry.
  const uses = eventRuleById(name).uses as ConsumerUsesOf<C>;
  const config = loadConfigFor(uses, functionEnvironment());
  return { config, deps: buildDeps(uses, config, adapters, { function: name }) };
}
