import type { EventPublisher, OutboxStore } from '../domain/ports';
import type { Logger } from '../logging/logger';

export type { OutboxStore } from '../domain/ports';

/** Puts events on the school's bus; rejects naming what it could not put. */
export type EventBus = EventPublisher;

/** What the relay and the redrive are given: the ports of the relay's declaration. */
export interface RelayDeps {
  readonly outbox: OutboxStore;
  readonly bus: EventBus;
  readonly clock: { now(): Date };
  readonly logger: Logger;
}
