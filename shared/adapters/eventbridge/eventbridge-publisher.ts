import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Config } from '../../config/load-config';
import type { DomainEvent, EventPublisher } from '../../domain/ports';
import { EVENT_SOURCE } from '../../events/rules';

export function createEventBridgeClient(config: Pick<Config, 'region' | 'endpoints'>): EventBridgeClient {
  return new EventBridgeClient({ region: config.region, endpoint: config.endpoints.eventbridge });
}

/** PutEvents takes at most ten entries a call. */
const BATCH_SIZE = 10;

export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';
}

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += BATCH_SIZE) {
      const entries: PutEventsRequestEntry[] = events.slice(start, start + BATCH_SIZE).map((event) => ({
        EventBusName: this.busName,
        Source: EVENT_SOURCE,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
      }));
      const result = await this.client.send(new PutEventsCommand({ Entries: entries }));
      // PutEvents reports per-entry failures in a 200 response: never drop them silently.
      if (result.FailedEntryCount) {
        const codes = (result.Entries ?? []).map((entry) => entry.ErrorCode).filter(Boolean);
        throw new EventPublishError(`${result.FailedEntryCount} event(s) were not accepted: ${codes.join(', ')}`);
      }
    }
  }
}
