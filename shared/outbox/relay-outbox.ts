import { outboxBatchOf } from '../adapters/dynamo/outbox-item';
import type { RelayDeps } from './outbox-ports';

/** One stream record, its new image already unmarshalled. */
export interface OutboxStreamRecord {
  readonly sequenceNumber: string;
  readonly newImage: Record<string, unknown> | undefined;
}

export interface RelayOutcome {
  /** Batches put on the bus. */
  readonly delivered: number;
  /**
   * The first record that could not be delivered. Lambda (reportBatchItemFailures) and the
   * local poller retry from it; records before it are done and are not sent again.
   */
  readonly failedSequenceNumber?: string;
}

/**
 * Delivers outbox items from the table's stream to the bus, in stream order. Shared by the
 * stream-triggered Lambda and the local poller. A record whose events the bus refuses stops
 * the batch there, so nothing after it is delivered out of turn; a retry may put some of its
 * events a second time, which consumers absorb (they are idempotent on the event id).
 */
export async function relayOutbox(deps: RelayDeps, records: readonly OutboxStreamRecord[]): Promise<RelayOutcome> {
  let delivered = 0;
  for (const record of records) {
    const batch = record.newImage && outboxBatchOf(record.newImage);
    // The event source's filter passes outbox inserts only; anything else is not ours to send.
    if (!batch) continue;
    try {
      await deps.events.publish(batch.events);
    } catch (error) {
      deps.logger.error('outbox batch not delivered', { outboxId: batch.outboxId, events: batch.events.length }, error);
      return { delivered, failedSequenceNumber: record.sequenceNumber };
    }
    delivered += 1;
    try {
      await deps.outbox.markDelivered(batch.outboxId, deps.clock.now());
    } catch (error) {
      // The events are out: failing the record would send them again for nothing. Left
      // pending, the item is at worst sent once more by the redrive, and absorbed.
      deps.logger.error('outbox batch delivered but not marked delivered', { outboxId: batch.outboxId }, error);
    }
    deps.logger.info('outbox batch delivered', { outboxId: batch.outboxId, events: batch.events.length });
  }
  return { delivered };
}
