import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { DomainEvent, OutboxBatch, OutboxStore } from '../../../shared/domain/ports';
import type { RelayDeps } from '../../../shared/outbox/outbox-ports';
import { relayOutbox } from '../../../shared/outbox/relay-outbox';
import { outboxRelayHandler } from '../../../shared/outbox/outbox-relay-handler';
import { passesOutboxFilter } from '../../../shared/outbox/outbox-stream-filter';
import { recordingLogger } from '../support/recording-logger';

const event = (id: string): DomainEvent => ({ id, detailType: 'AlertRaised', detail: { alertId: `alert-${id}` } });
const outboxImage = (outboxId: string, events: readonly DomainEvent[]) => ({ pk: `OUTBOX#${outboxId}`, sk: 'OUTBOX', type: 'OutboxBatch', outboxId, committedAt: '2025-01-15T10:00:00.000Z', events });

class RecordingOutbox implements OutboxStore {
  readonly delivered: string[] = [];
  failMarking = false;
  async markDelivered(outboxId: string): Promise<void> {
    if (this.failMarking) throw new Error('ProvisionedThroughputExceededException');
    this.delivered.push(outboxId);
  }
  async pending(): Promise<OutboxBatch[]> {
    return [];
  }
}

function relayDeps(refuse: (events: readonly DomainEvent[]) => boolean = () => false) {
  const published: DomainEvent[] = [];
  const log = recordingLogger();
  const outbox = new RecordingOutbox();
  const deps: RelayDeps = {
    outbox,
    events: {
      publish: async (events) => {
        if (refuse(events)) throw new Error('1 event(s) were not accepted: InternalFailure');
        published.push(...events);
      },
    },
    clock: { now: () => new Date('2025-01-15T10:00:05.000Z') },
    logger: log.logger,
  };
  return { deps, published, outbox, log };
}

describe('relayOutbox', () => {
  it('puts every event of each outbox item on the bus in stream order and marks each item delivered', async () => {
    // Prepare
    const { deps, published, outbox } = relayDeps();

    // Act
    const outcome = await relayOutbox(deps, [
      { sequenceNumber: '100', newImage: outboxImage('o-1', [event('e-1'), event('e-2')]) },
      { sequenceNumber: '200', newImage: outboxImage('o-2', [event('e-3')]) },
    ]);

    // Assess
    expect(outcome).toEqual({ delivered: 2 });
    expect(published.map((sent) => sent.id)).toEqual(['e-1', 'e-2', 'e-3']);
    expect(outbox.delivered).toEqual(['o-1', 'o-2']);
  });

  it('stops at the first item the bus refuses and names its record, delivering nothing after it', async () => {
    // Prepare
    const { deps, published, outbox, log } = relayDeps((events) => events.some((sent) => sent.id === 'e-2'));

    // Act
    const outcome = await relayOutbox(deps, [
      { sequenceNumber: '100', newImage: outboxImage('o-1', [event('e-1')]) },
      { sequenceNumber: '200', newImage: outboxImage('o-2', [event('e-2')]) },
      { sequenceNumber: '300', newImage: outboxImage('o-3', [event('e-3')]) },
    ]);

    // Assess
    expect(outcome).toEqual({ delivered: 1, failedSequenceNumber: '200' });
    expect(published.map((sent) => sent.id)).toEqual(['e-1']);
    expect(outbox.delivered).toEqual(['o-1']);
    expect(log.entries()).toContainEqual(expect.objectContaining({ level: 'error', outboxId: 'o-2' }));
  });

  it('does not fail a delivered item whose marking failed: the redrive may send it again, and consumers absorb that', async () => {
    // Prepare
    const { deps, published, outbox, log } = relayDeps();
    outbox.failMarking = true;

    // Act
    const outcome = await relayOutbox(deps, [{ sequenceNumber: '100', newImage: outboxImage('o-1', [event('e-1')]) }]);

    // Assess
    expect(outcome).toEqual({ delivered: 1 });
    expect(published).toHaveLength(1);
    expect(log.entries()).toContainEqual(expect.objectContaining({ level: 'error', message: 'outbox batch delivered but not marked delivered' }));
  });

  it('ignores a record that is not an outbox item', async () => {
    // Prepare
    const { deps, published } = relayDeps();

    // Act
    const outcome = await relayOutbox(deps, [{ sequenceNumber: '100', newImage: { pk: 'STAFF#s-1', sk: 'PROFILE', type: 'StaffProfile' } }, { sequenceNumber: '200', newImage: undefined }]);

    // Assess
    expect(outcome).toEqual({ delivered: 0 });
    expect(published).toEqual([]);
  });
});

describe('outboxRelayHandler', () => {
  const streamEvent = (...images: { sequenceNumber: string; image: Record<string, unknown> }[]): DynamoDBStreamEvent => ({
    Records: images.map(({ sequenceNumber, image }) => ({
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(image) as never },
    })),
  });

  it('unmarshals the new images and reports no failure when all were delivered', async () => {
    // Prepare
    const { deps, published } = relayDeps();
    const handler = outboxRelayHandler(() => deps);

    // Act
    const response = await handler(streamEvent({ sequenceNumber: '100', image: outboxImage('o-1', [event('e-1')]) }));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(published).toEqual([event('e-1')]);
  });

  it('reports the first failed record so Lambda retries from there', async () => {
    // Prepare
    const { deps } = relayDeps(() => true);
    const handler = outboxRelayHandler(() => deps);

    // Act
    const response = await handler(streamEvent({ sequenceNumber: '100', image: outboxImage('o-1', [event('e-1')]) }, { sequenceNumber: '200', image: outboxImage('o-2', [event('e-2')]) }));

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
  });
});

describe('passesOutboxFilter', () => {
  it.each([
    ['a new outbox item', { eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'OutboxBatch' } } } }, true],
    ['an outbox item marked delivered', { eventName: 'MODIFY', dynamodb: { NewImage: { type: { S: 'OutboxBatch' } } } }, false],
    ['an expired outbox item', { eventName: 'REMOVE', dynamodb: {} }, false],
    ['a new incident', { eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'Incident' } } } }, false],
  ])('passes %s: %s', (_name, record, expected) => {
    // Act
    const passes = passesOutboxFilter(record);

    // Assess
    expect(passes).toBe(expected);
  });
});
