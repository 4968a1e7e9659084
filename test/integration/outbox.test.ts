import { randomUUID } from 'node:crypto';
import { appendFile, copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoIncidentStore } from '../../shared/adapters/dynamo/incident-store';
import { OUTBOX_PENDING_PARTITION, outboxKey } from '../../shared/adapters/dynamo/keys';
import { DynamoNotificationLedger } from '../../shared/adapters/dynamo/notification-ledger';
import { DynamoOutboxStore } from '../../shared/adapters/dynamo/outbox-store';
import { DynamoStaffDirectory } from '../../shared/adapters/dynamo/staff-directory';
import { recordsTable } from '../../shared/adapters/dynamo/table-definitions';
import { EventBridgePublisher } from '../../shared/adapters/eventbridge/eventbridge-publisher';
import type { DomainEvent, IncidentWrite } from '../../shared/domain/ports';
import { notifyAlert } from '../../shared/domain/notifications/notify-alert';
import { createLogger } from '../../shared/logging/logger';
import { outboxRelayHandler } from '../../shared/outbox/outbox-relay-handler';
import { redrive } from '../../shared/outbox/redrive';
import { AlertRaisedDetail } from '../../shared/schemas/events';
import { createEventDispatcher, type BusEvent, type DeadLetter } from '../../local/events/event-dispatcher';
import { startOutboxPoller, type OutboxPoller } from '../../local/outbox/outbox-poller';
import { localRedrive } from '../../local/outbox/local-redrive';
import { provisionTables, latestStreamArn } from '../../local/provision/tables';
import { startEventBridgeLocal, type EventBridgeLocal } from '../../local/services/eventbridge-local';
import { LOCAL_ACCOUNT_ID } from '../../local/lambda-context';
import { callApi } from './support/call-api';
import { eventsSettled, localFacts } from './support/local-facts';
import { type SentEmail, sentEmails } from './support/sent-emails';
import { signIn } from './support/sign-in';
import { auditEventFixture } from '../unit/support/audit-events';
import { incidentFixture } from '../unit/support/incident-records';

/**
 * The transactional outbox on the real stand-ins: an event commits with its change or not
 * at all, the stream delivers it to the bus once, a consumer that keeps failing is
 * dead-lettered and the redrive sends one email per recipient however often it runs, and a
 * poller stopped between a commit and its delivery resumes from its checkpoint.
 */
let documents: DynamoDBDocumentClient;
let dynamodb: DynamoDBClient;
const quiet = createLogger({ level: 'error', sink: () => undefined });

beforeAll(() => {
  const facts = localFacts();
  dynamodb = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } });
  documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
});
afterAll(() => dynamodb.destroy());

const tables = () => ({ records: localFacts().dynamodb.recordsTable, audit: localFacts().dynamodb.auditTable });
const busEvents = async () => ((await (await fetch(localFacts().events.eventsUrl)).json()) as { events: BusEvent[] }).events;
const outboxItem = async (table: string, outboxId: string) => (await documents.send(new GetCommand({ TableName: table, Key: outboxKey(outboxId), ConsistentRead: true }))).Item;

/** An incident write with an IncidentRecorded event nobody consumes (no email, no schedule). */
function incidentWrite(): IncidentWrite {
  const incident = incidentFixture({ id: ulid(), recordedAt: new Date().toISOString(), alertedStaffIds: [], alert: { staffIds: [], groupIds: [] } });
  return {
    incident,
    alerts: [],
    audit: auditEventFixture({ id: ulid(), action: 'incident.create', recordType: 'incident', recordId: incident.id, at: incident.recordedAt }),
    events: [{ id: ulid(), detailType: 'IncidentRecorded', detail: { incidentId: incident.id, authorId: incident.authorId, categoryIds: [], occurredAt: incident.occurredAt } }],
  };
}

describe('the outbox item and its change commit together', () => {
  it('leaves neither the incident nor its events when the transaction is cancelled', async () => {
    // Prepare
    const store = new DynamoIncidentStore(documents, tables());
    const first = incidentWrite();
    await store.record(first);
    // Same incident id (its condition fails), new events.
    const clash: IncidentWrite = { ...first, audit: { ...first.audit, id: ulid() }, events: [{ ...first.events[0]!, id: ulid() }] };

    // Act
    const attempt = store.record(clash);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(await outboxItem(tables().records, clash.events[0]!.id)).toBeUndefined();
    expect(await outboxItem(tables().records, first.events[0]!.id)).toMatchObject({ type: 'OutboxBatch', events: first.events });
  });

  it('keeps the outbox item out of the incident\'s own partition', async () => {
    // Prepare
    const store = new DynamoIncidentStore(documents, tables());
    const write = incidentWrite();

    // Act
    await store.record(write);

    // Assess
    const partition = await documents.send(
      new QueryCommand({ TableName: tables().records, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `INCIDENT#${write.incident.id}` } }),
    );
    expect(partition.Items?.map((item) => item.type)).toEqual(['Incident']);
    expect((await store.get(write.incident.id))?.incident.id).toBe(write.incident.id);
  });
});

describe('delivery from the stream', () => {
  it('puts each event of a recorded incident on the bus exactly once, then marks its outbox item delivered', async () => {
    // Prepare
    const facts = localFacts();
    const hannah = facts.users.find((user) => user.email === 'hannah.price@oakfield.example')!;
    const daniel = facts.users.find((user) => user.email === 'daniel.osei@oakfield.example')!;
    const token = (await signIn(hannah.email, hannah.password, hannah.totpSecret)).accessToken;
    const pupils = await callApi<{ students: { id: string }[] }>('/v1/students?query=ava', { token });

    // Act
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token,
      body: {
        studentId: pupils.body.students[0]!.id,
        description: 'Ava said "I feel sick". I am Hannah Price.',
        categories: [{ categoryId: 'well-being' }],
        alert: { staffIds: [daniel.id] },
        reminder: { at: new Date(Date.now() + 3_600_000).toISOString(), note: 'Ask Ava how she feels' },
      },
    });
    await eventsSettled();

    // Assess
    expect(recorded.status).toBe(201);
    const mine = (await busEvents()).filter((event) => (event.detail as { incidentId?: string }).incidentId === recorded.body.id);
    expect(mine.map((event) => event['detail-type']).sort()).toEqual(['AlertRaised', 'IncidentRecorded', 'ReminderRequested']);
    const eventIds = mine.map((event) => (event.detail as { eventId: string }).eventId);
    expect(new Set(eventIds).size).toBe(3);
    // The outbox item is named after its first event, IncidentRecorded.
    const first = mine.find((event) => event['detail-type'] === 'IncidentRecorded')!;
    const item = await outboxItem(facts.dynamodb.recordsTable, (first.detail as { eventId: string }).eventId);
    expect(item).toMatchObject({ type: 'OutboxBatch', deliveredAt: expect.any(String), expiresAt: expect.any(Number) });
    expect(item?.gsi1pk).toBeUndefined();
    expect(emailsWith(await sentEmails(), recorded.body.id).filter((email) => email.destination.to.includes(daniel.email))).toHaveLength(1);
  });
});

function emailsWith(emails: readonly SentEmail[], incidentId: string): SentEmail[] {
  return emails.filter((email) => (email.body.text ?? '').includes(`/incidents/${incidentId}`));
}

describe('a consumer that keeps failing, and the redrive', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lantern-redrive-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('retries, dead-letters, and the redrive sends one email per recipient however often it runs', async () => {
    // Prepare
    const facts = localFacts();
    const recipients = facts.users.filter((user) => ['grace.lindqvist@oakfield.example', 'sam.carter@oakfield.example'].includes(user.email));
    const incidentId = ulid();
    const deadLetterLog = join(folder, 'dead-letter.jsonl');
    let mailerCalls = 0;
    const failingMailer = {
      send: async () => {
        mailerCalls += 1;
        throw new Error('SES is refusing mail');
      },
    };
    const notifierDeps = {
      notifications: new DynamoNotificationLedger(documents, facts.dynamodb.recordsTable),
      staff: new DynamoStaffDirectory(documents, facts.dynamodb.recordsTable, facts.dynamodb.auditTable),
      mailer: failingMailer,
      clock: { now: () => new Date() },
      school: { id: facts.school.id, name: facts.school.name, timezone: 'Europe/London', elevationWindowMinutes: 30, appBaseUrl: facts.apiUrl },
      logger: quiet,
    };
    const dispatcher = createEventDispatcher({
      rules: [{ id: 'notifier', entry: 'functions/events/notifier.ts', pattern: { source: ['lantern'], 'detail-type': ['AlertRaised'] }, description: 'test', uses: ['records', 'mailer', 'school'] }],
      invoke: (_rule, event) => notifyAlert(notifierDeps, AlertRaisedDetail.parse(event.detail)),
      deadLetter: (letter: DeadLetter) => appendFile(deadLetterLog, `${JSON.stringify(letter)}\n`),
      retryAttempts: 2,
      retryDelayMs: () => 10,
      log: () => undefined,
    });
    for (const recipient of recipients) {
      dispatcher.dispatch(busEvent('AlertRaised', {
        eventId: ulid(),
        alertId: ulid(),
        recipientId: recipient.id,
        incidentId,
        kind: 'incident',
        authorName: 'Hannah Price',
        categoryNames: ['Well-being'],
      }));
    }
    await dispatcher.waitForIdle();
    expect(mailerCalls).toBe(3 * recipients.length);
    const letters = (await readFile(deadLetterLog, 'utf8')).trim().split('\n');
    expect(letters).toHaveLength(recipients.length);
    await copyFile(deadLetterLog, `${deadLetterLog}.before`);

    // Act
    const first = await localRedrive(facts, { deadLetterLog });
    await eventsSettled();
    // As if the first run died before settling: the same letters, replayed again.
    await copyFile(`${deadLetterLog}.before`, deadLetterLog);
    const second = await localRedrive(facts, { deadLetterLog });
    await eventsSettled();
    const third = await localRedrive(facts, { deadLetterLog });
    await eventsSettled();

    // Assess
    expect(first.replayed['bus dead letters']).toBe(recipients.length);
    expect(second.replayed['bus dead letters']).toBe(recipients.length);
    expect(third.replayed['bus dead letters']).toBe(0);
    expect(await readFile(deadLetterLog, 'utf8')).toBe('');
    const emails = emailsWith(await sentEmails(), incidentId);
    for (const recipient of recipients) expect(emails.filter((email) => email.destination.to.includes(recipient.email))).toHaveLength(1);
    expect(emails).toHaveLength(recipients.length);
  });

  it('sends an outbox item the relay never delivered, once, and leaves a younger one to the stream', async () => {
    // Prepare: an outbox item "committed" an hour ago that no stream will carry (written in a
    // table without a poller), beside the stack's own pending index.
    const facts = localFacts();
    const table = `outbox-redrive-${randomUUID().slice(0, 8)}`;
    await provisionTables(dynamodb, [{ name: table, definition: recordsTable }]);
    const store = new DynamoIncidentStore(documents, { records: table, audit: facts.dynamodb.auditTable });
    const old = incidentWrite();
    const oldWrite: IncidentWrite = { ...old, incident: { ...old.incident, recordedAt: new Date(Date.now() - 3_600_000).toISOString() } };
    const young = incidentWrite();
    await store.record(oldWrite);
    await store.record(young);
    const bus = new EventBridgeClient({ region: facts.region, endpoint: facts.events.endpoint, credentials: { ...facts.credentials } });
    const deps = {
      outbox: new DynamoOutboxStore(documents, table),
      events: new EventBridgePublisher(bus, facts.events.busName),
      clock: { now: () => new Date() },
      logger: quiet,
    };

    // Act
    const first = await redrive(deps, []);
    const second = await redrive(deps, []);
    await eventsSettled();

    // Assess
    expect(first).toMatchObject({ outboxBatches: 1, outboxEvents: 1 });
    expect(second).toMatchObject({ outboxBatches: 0, outboxEvents: 0 });
    const delivered = (await busEvents()).filter((event) => (event.detail as { eventId?: string }).eventId === oldWrite.events[0]!.id);
    expect(delivered).toHaveLength(1);
    expect((await outboxItem(table, young.events[0]!.id))?.gsi1pk).toBe(OUTBOX_PENDING_PARTITION);
    bus.destroy();
  });
});

describe('stopping between a commit and its delivery', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('loses nothing: a poller started again on the same checkpoint delivers what was committed while it was down, and nothing twice', async () => {
    // Prepare: a table and a bus of the test's own, so only this test's poller reads them.
    const facts = localFacts();
    const folder = await mkdtemp(join(tmpdir(), 'lantern-outbox-restart-'));
    cleanup.push(() => rm(folder, { recursive: true, force: true }));
    const table = `outbox-restart-${randomUUID().slice(0, 8)}`;
    await provisionTables(dynamodb, [{ name: table, definition: recordsTable }]);
    const received: BusEvent[] = [];
    const testBus: EventBridgeLocal = await startEventBridgeLocal({
      port: 0,
      region: facts.region,
      eventBusName: 'outbox-restart',
      rules: [{ id: 'recorder', entry: 'recorder', pattern: { source: ['lantern'], 'detail-type': ['IncidentRecorded'] }, description: 'test', uses: [] }],
      invoke: async (_rule, event) => received.push(event),
      eventsLog: join(folder, 'events.jsonl'),
      deadLetterLog: join(folder, 'dead-letter.jsonl'),
    });
    cleanup.push(() => testBus.stop());
    const busClient = new EventBridgeClient({ region: facts.region, endpoint: testBus.endpoint, credentials: { ...facts.credentials } });
    const streams = new DynamoDBStreamsClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } });
    cleanup.push(async () => {
      busClient.destroy();
      streams.destroy();
    });
    const relay = outboxRelayHandler(() => ({
      outbox: new DynamoOutboxStore(documents, table),
      events: new EventBridgePublisher(busClient, 'outbox-restart'),
      clock: { now: () => new Date() },
      logger: quiet,
    }));
    const streamArn = (await latestStreamArn(dynamodb, table))!;
    const poller = (): Promise<OutboxPoller> =>
      startOutboxPoller({ streams, streamArn, checkpointFile: join(folder, 'checkpoint.json'), deadLetterLog: join(folder, 'outbox-dead-letter.jsonl'), relay, pollMs: 50, log: () => undefined });
    const store = new DynamoIncidentStore(documents, { records: table, audit: facts.dynamodb.auditTable });
    const before = incidentWrite();
    const whileDown = incidentWrite();
    const firstPoller = await poller();
    await store.record(before);
    await firstPoller.drained();
    await testBus.waitForIdle();
    await firstPoller.stop();

    // Act: committed while nothing reads the stream, then a new poller on the same checkpoint.
    await store.record(whileDown);
    const secondPoller = await poller();
    cleanup.push(() => secondPoller.stop());
    await secondPoller.drained();
    await testBus.waitForIdle();

    // Assess
    const eventIds = received.map((event) => (event.detail as { eventId: string }).eventId);
    expect(eventIds).toEqual([before.events[0]!.id, whileDown.events[0]!.id]);
    const checkpoint = JSON.parse(await readFile(join(folder, 'checkpoint.json'), 'utf8')) as { streamArn: string; shards: Record<string, string> };
    expect(checkpoint.streamArn).toBe(streamArn);
    expect(Object.keys(checkpoint.shards).length).toBeGreaterThan(0);
    expect((await outboxItem(table, whileDown.events[0]!.id))?.deliveredAt).toEqual(expect.any(String));
  });

  it('retries a batch the bus refuses, then dead-letters its place in the stream and moves on, the item still pending', async () => {
    // Prepare
    const facts = localFacts();
    const folder = await mkdtemp(join(tmpdir(), 'lantern-outbox-refused-'));
    cleanup.push(() => rm(folder, { recursive: true, force: true }));
    const table = `outbox-refused-${randomUUID().slice(0, 8)}`;
    await provisionTables(dynamodb, [{ name: table, definition: recordsTable }]);
    let relayCalls = 0;
    const refusingBus = {
      publish: async (_events: readonly DomainEvent[]) => {
        relayCalls += 1;
        throw new Error('bus unavailable');
      },
    };
    const relay = outboxRelayHandler(() => ({ outbox: new DynamoOutboxStore(documents, table), events: refusingBus, clock: { now: () => new Date() }, logger: quiet }));
    const streams = new DynamoDBStreamsClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } });
    cleanup.push(async () => streams.destroy());
    const deadLetterLog = join(folder, 'outbox-dead-letter.jsonl');
    const polling = await startOutboxPoller({
      streams,
      streamArn: (await latestStreamArn(dynamodb, table))!,
      checkpointFile: join(folder, 'checkpoint.json'),
      deadLetterLog,
      relay,
      retryAttempts: 2,
      retryDelayMs: () => 10,
      pollMs: 50,
      log: () => undefined,
    });
    cleanup.push(() => polling.stop());
    const write = incidentWrite();

    // Act
    await new DynamoIncidentStore(documents, { records: table, audit: facts.dynamodb.auditTable }).record(write);
    await polling.drained();

    // Assess
    expect(relayCalls).toBe(3);
    const [letter] = (await readFile(deadLetterLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(letter).toMatchObject({ batchSize: 1, startSequenceNumber: expect.any(String), shardId: expect.any(String) });
    expect((await outboxItem(table, write.events[0]!.id))?.gsi1pk).toBe(OUTBOX_PENDING_PARTITION);
  });
});

function busEvent(detailType: string, detail: Record<string, unknown>): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'lantern',
    account: LOCAL_ACCOUNT_ID,
    time: new Date().toISOString(),
    region: localFacts().region,
    resources: [],
    detail,
  };
}
