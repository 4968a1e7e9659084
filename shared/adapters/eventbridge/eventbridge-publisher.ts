import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Config } from '../../config/load-config';
import type { DomainEvent, EventPublisher } from '../../domain/ports';
import { EVENT_SOURCE } from '../../events/rules';

export function createEventBridgeClient(config: Pick<Config, 'region' | 'endpoints'>): EventBridgeClient {
  return new EventBridgeClient({ region: config.region, endpoint: config.endpoints.eventbridge });
}

/** PutEvents takes at most ten entries a call. */
const BATCH_SIZE = 10;
/** Entries PutEvents refused (throttled, internal failure) are sent again this often before giving up. */
const ENTRY_RETRIES = 3;

export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';
  constructor(
    message: string,
    /** Lantern ids of the events the bus did not take. */
    readonly failedEventIds: readonly string[],
  ) {
    super(message);
  }
}

/**
 * Puts outbox events on the school's bus: the relay's and the redrive's only way out.
 * Each event's Lantern id travels as `detail.eventId`, so consumers can be idempotent on it.
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    private readonly retryDelayMs: (retry: number) => number = (retry) => 50 * 2 ** retry,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += BATCH_SIZE) {
      await this.publishBatch(events.slice(start, start + BATCH_SIZE));
    }
  }

  /**
   * PutEvents reports per-entry failures in a 200 response: only the refused entries are
   * sent again, and if some are still refused the batch fails, naming them.
   */
  private async publishBatch(batch: readonly DomainEvent[]): Promise<void> {
    let pending = batch;
    let codes: string[] = [];
    for (let attempt = 0; attempt <= ENTRY_RETRIES && pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs(attempt)));
      const result = await this.client.send(new PutEventsCommand({ Entries: pending.map((event) => this.entry(event)) }));
      if (!result.FailedEntryCount) return;
      const outcomes = result.Entries ?? [];
      codes = outcomes.flatMap((outcome) => (outcome.ErrorCode ? [outcome.ErrorCode] : []));
      // Entries come back in request order; one without an EventId was not accepted.
      pending = pending.filter((_, index) => !outcomes[index]?.EventId);
    }
    if (pending.length > 0) {
      throw new EventPublishError(`${pending.length} event(s) were not accepted: ${codes.join(', ')}`, pending.map((event) => event.id));
    }
  }

  private entry(event: DomainEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.busName,
      Source: EVENT_SOURCE,
      DetailType: event.detailType,
      Detail: JSON.stringify({ ...(event.detail as object), eventId: event.id }),
    };
  }
}
