import type { DomainEvent } from '../domain/ports';
import type { OutboxBatch } from '../adapters/dynamo/outbox-item';
import type { Logger } from '../logging/logger';

/** The outbox items of committed writes, as the relay and the redrive see them. */
export interface OutboxStore {
  /** Takes the item out of the pending index and starts its retention clock. */
  markDelivered(outboxId: string, at: Date): Promise<void>;
  /** Undelivered items committed before `committedBefore`, oldest first. */
  pending(options: { readonly committedBefore: Date; readonly limit: number }): Promise<OutboxBatch[]>;
}

/** Puts events on the school's bus; rejects naming what it could not put. */
export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

export interface RelayDeps {
  readonly outbox: OutboxStore;
  readonly bus: EventBus;
  readonly clock: { now(): Date };
  readonly logger: Logger;
}
