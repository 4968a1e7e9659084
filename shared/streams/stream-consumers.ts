/**
 * The one catalogue of table-stream consumers: today the outbox relay. The CDK stack gives
 * each a function triggered by the records table's stream (infra/constructs/outbox-relay.ts);
 * the local twin's poller runs the same handler module on DynamoDB Local's stream.
 */
import type { Uses } from '../deps/uses';
import { entryById } from '../api/entry-by-id';

export interface StreamConsumerDefinition {
  readonly id: string;
  readonly entry: string;
  readonly description: string;
  /** What the consumer uses (shared/deps/uses.ts): its ports, variables and IAM come from this. */
  readonly uses: Uses;
}

export const streamConsumers = [
  {
    id: 'outbox-relay',
    entry: 'functions/streams/outbox-relay.ts',
    description: 'Puts the events of new outbox items (records table stream) on the school bus and marks them delivered',
    // Reads the stream and marks items delivered (outbox), puts events on the bus (events): the only function that may.
    uses: ['outbox', 'events'],
  },
] as const satisfies readonly StreamConsumerDefinition[];

type StreamConsumerId = (typeof streamConsumers)[number]['id'];

export function streamConsumerById<C extends StreamConsumerId>(id: C): Extract<(typeof streamConsumers)[number], { readonly id: C }> {
  return entryById(streamConsumers, id, 'stream consumer');
}
