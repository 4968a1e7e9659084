import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DomainEvent, OutboxBatch, OutboxStore } from '../../../shared/domain/ports';
import { redrive, type DeadLetter, type DeadLetterSource } from '../../../shared/outbox/redrive';
import { letterOf, sqsDeadLetterSource } from '../../../shared/adapters/sqs/sqs-dead-letter-source';
import { recordingLogger } from '../support/recording-logger';

const NOW = new Date('2025-01-15T12:00:00.000Z');
const event = (id: string, detailType = 'AlertRaised'): DomainEvent => ({ id, detailType, detail: { alertId: `alert-${id}` } });

const indexKey = (batch: Pick<OutboxBatch, 'outboxId' | 'committedAt'>) => `${batch.committedAt}#${batch.outboxId}`;

/**
 * Pending until marked, like the sparse index; honours committedBefore and the `after`
 * cursor. With `indexLags`, marking is not yet seen by the index (eventually consistent).
 */
class PendingOutbox implements OutboxStore {
  constructor(
    readonly batches: OutboxBatch[],
    private readonly options: { indexLags?: boolean } = {},
  ) {}
  readonly delivered: string[] = [];
  async markDelivered(outboxId: string): Promise<void> {
    this.delivered.push(outboxId);
  }
  async pending(options: Parameters<OutboxStore['pending']>[0]): Promise<OutboxBatch[]> {
    const { after } = options;
    return this.batches
      .filter((batch) => this.options.indexLags || !this.delivered.includes(batch.outboxId))
      .filter((batch) => batch.committedAt < options.committedBefore.toISOString() && (!after || indexKey(batch) > indexKey(after)))
      .slice(0, options.limit);
  }
}

class ListSource implements DeadLetterSource {
  constructor(
    readonly name: string,
    public letters: DeadLetter[],
  ) {}
  async take() {
    return [...this.letters];
  }
  async settle(handles: readonly string[]) {
    this.letters = this.letters.filter((letter) => !handles.includes(letter.handle));
  }
}

function deps(outbox: OutboxStore, refuse: (event: DomainEvent) => boolean = () => false) {
  const published: DomainEvent[] = [];
  return {
    published,
    deps: {
      outbox,
      events: {
        publish: async (events: readonly DomainEvent[]) => {
          if (events.some(refuse)) throw new Error('bus unavailable');
          published.push(...events);
        },
      },
      clock: { now: () => NOW },
      logger: recordingLogger().logger,
    },
  };
}

describe('redrive', () => {
  it('sends outbox items pending for over five minutes, marks them delivered, and leaves younger ones to the stream', async () => {
    // Prepare
    const outbox = new PendingOutbox([
      { outboxId: 'o-old', committedAt: '2025-01-15T11:00:00.000Z', events: [event('e-1'), event('e-2')] },
      { outboxId: 'o-young', committedAt: '2025-01-15T11:58:00.000Z', events: [event('e-3')] },
    ]);
    const { deps: redriveDeps, published } = deps(outbox);

    // Act
    const report = await redrive(redriveDeps, []);

    // Assess
    expect(report).toEqual({ outboxBatches: 1, outboxEvents: 2, replayed: {}, unreadable: {} });
    expect(published.map((sent) => sent.id)).toEqual(['e-1', 'e-2']);
    expect(outbox.delivered).toEqual(['o-old']);
  });

  it('sends every pending item in one run when there are more than a page, though the index still shows those it marked', async () => {
    // Prepare: 60 items, more than two pages of 25.
    const batches = Array.from({ length: 60 }, (_, index) => {
      const id = `o-${String(index).padStart(2, '0')}`;
      return { outboxId: id, committedAt: `2025-01-15T10:${String(index).padStart(2, '0')}:00.000Z`, events: [event(`e-${id}`)] };
    });
    const outbox = new PendingOutbox(batches, { indexLags: true });
    const { deps: redriveDeps, published } = deps(outbox);

    // Act
    const report = await redrive(redriveDeps, [], { pendingOlderThanMinutes: 60 });

    // Assess
    expect(report).toMatchObject({ outboxBatches: 60, outboxEvents: 60 });
    expect(outbox.delivered).toEqual(batches.map((batch) => batch.outboxId));
    expect(published.map((sent) => sent.id)).toEqual(batches.map((batch) => `e-${batch.outboxId}`));
  });

  it('puts dead-lettered events back on the bus under their own ids, settles them, and replays nothing on the next run', async () => {
    // Prepare
    const source = new ListSource('bus', [
      { handle: 'h-1', event: event('e-9') },
      { handle: 'h-2' },
      { handle: 'h-3', unreadable: true },
    ]);
    const { deps: redriveDeps, published } = deps(new PendingOutbox([]));

    // Act
    const first = await redrive(redriveDeps, [source]);
    const second = await redrive(redriveDeps, [source]);

    // Assess
    expect(first).toMatchObject({ replayed: { bus: 2 }, unreadable: { bus: 1 } });
    expect(second).toMatchObject({ replayed: { bus: 0 }, unreadable: { bus: 1 } });
    expect(published).toEqual([event('e-9')]);
    expect(source.letters).toEqual([{ handle: 'h-3', unreadable: true }]);
  });

  it('settles what it replayed before a failure, and keeps the rest for the next run', async () => {
    // Prepare
    const source = new ListSource('bus', [
      { handle: 'h-1', event: event('e-1') },
      { handle: 'h-2', event: event('e-2') },
    ]);
    const { deps: redriveDeps } = deps(new PendingOutbox([]), (sent) => sent.id === 'e-2');

    // Act
    const attempt = redrive(redriveDeps, [source]);

    // Assess
    await expect(attempt).rejects.toThrow('bus unavailable');
    expect(source.letters.map((letter) => letter.handle)).toEqual(['h-2']);
  });
});

describe('sqsDeadLetterSource', () => {
  const sqs = mockClient(SQSClient);
  afterEach(() => sqs.reset());

  it('reads a rule target\'s dead letter as its event, keeping Lantern\'s id', () => {
    // Act
    const letter = letterOf('r-1', JSON.stringify({ id: 'bus-1', 'detail-type': 'AlertRaised', source: 'lantern', detail: { eventId: 'e-1', alertId: 'a-1' } }));

    // Assess
    expect(letter).toEqual({ handle: 'r-1', event: { id: 'e-1', detailType: 'AlertRaised', detail: { alertId: 'a-1' } } });
  });

  it('reads Scheduler\'s dead letter as ReminderDue, the relay\'s as a batch to sweep, and anything else as unreadable', () => {
    // Act
    const reminder = letterOf('r-2', JSON.stringify({ reminderId: 'i-1-reminder', incidentId: 'i-1', ownerId: 's-1' }));
    const batch = letterOf('r-3', JSON.stringify({ requestContext: {}, DDBStreamBatchInfo: { shardId: 'shard-1', startSequenceNumber: '1' } }));
    const other = letterOf('r-4', 'not json');

    // Assess
    expect(reminder).toEqual({ handle: 'r-2', event: { id: 'reminder-due-i-1-reminder', detailType: 'ReminderDue', detail: { reminderId: 'i-1-reminder', incidentId: 'i-1', ownerId: 's-1' } } });
    expect(batch).toEqual({ handle: 'r-3' });
    expect(other).toEqual({ handle: 'r-4', unreadable: true });
  });

  it('receives until the queue is empty and deletes settled messages in batches of ten', async () => {
    // Prepare
    const body = JSON.stringify({ 'detail-type': 'AlertRaised', detail: { eventId: 'e-1' } });
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: Array.from({ length: 10 }, (_, index) => ({ ReceiptHandle: `r-${index}`, Body: body })) })
      .resolvesOnce({ Messages: [{ ReceiptHandle: 'r-10', Body: body }] })
      .resolves({ Messages: [] });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const source = sqsDeadLetterSource(new SQSClient({ region: 'eu-west-2' }), 'https://sqs.eu-west-2.amazonaws.com/111111111111/dlq');

    // Act
    const letters = await source.take();
    await source.settle(letters.map((letter) => letter.handle));

    // Assess
    expect(letters).toHaveLength(11);
    expect(sqs.commandCalls(DeleteMessageBatchCommand).map((call) => call.args[0].input.Entries?.length)).toEqual([10, 1]);
  });
});
