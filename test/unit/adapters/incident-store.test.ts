import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoIncidentStore } from '../../../shared/adapters/dynamo/incident-store';
import { IdempotencyKeyTakenError, type IncidentWrite } from '../../../shared/domain/ports';
import { actionFixture, alertFixture, incidentFixture } from '../support/incident-records';
import { auditEventFixture } from '../support/audit-events';
import { pupilsOf, staffOf } from '../support/school-cast';

const dynamo = mockClient(DynamoDBDocumentClient);
const tables = { records: 'lantern-records', audit: 'lantern-audit' };

afterEach(() => dynamo.reset());

const store = () => new DynamoIncidentStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tables);

const incident = incidentFixture();
const write = (overrides: Partial<IncidentWrite> = {}): IncidentWrite => ({
  incident,
  alerts: [alertFixture(), alertFixture({ id: '01JHT0000000000000000000A2', recipientId: staffOf.deputyHead.id })],
  idempotency: {
    callerId: staffOf.author.id,
    key: 'retry-7c1e',
    requestHash: 'ab12',
    incidentId: incident.id,
    expiresAt: '2025-01-16T10:00:00.000Z',
    alerts: [
      { recipientId: staffOf.designatedLead.id, alertId: '01JHT0000000000000000000A1' },
      { recipientId: staffOf.deputyHead.id, alertId: '01JHT0000000000000000000A2' },
    ],
  },
  audit: auditEventFixture({ action: 'incident.create', recordType: 'incident', recordId: incident.id }),
  events: [
    { id: '01JHT0000000000000000000E1', detailType: 'IncidentRecorded', detail: { incidentId: incident.id } },
    { id: '01JHT0000000000000000000E2', detailType: 'AlertRaised', detail: { alertId: '01JHT0000000000000000000A1' } },
  ],
  ...overrides,
});

function sentItems() {
  const calls = dynamo.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]!.args[0].input.TransactItems ?? [];
}

const cancelledAt = (index: number) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: {},
    CancellationReasons: [0, 1, 2].map((position) => ({ Code: position === index ? 'ConditionalCheckFailed' : 'None' })),
  });

describe('DynamoIncidentStore.record', () => {
  it("sends ONE transaction: idempotency, incident, a timeline entry per pupil, alerts, the author's dashboard entry, audit, outbox", async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write());

    // Assess
    const items = sentItems();
    expect(items.map((item) => [item.Put?.TableName, item.Put?.Item?.type])).toEqual([
      [tables.records, 'IdempotencyRecord'],
      [tables.records, 'Incident'],
      [tables.records, 'TimelineEntry'],
      [tables.records, 'TimelineEntry'],
      [tables.records, 'Alert'],
      [tables.records, 'Alert'],
      [tables.records, 'AuthoredIncident'],
      [tables.audit, undefined],
      [tables.records, 'OutboxBatch'],
    ]);
  });

  it('puts every event of the write in one outbox item of its own partition, pending delivery', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write());

    // Assess
    expect(sentItems().at(-1)!.Put).toEqual({
      TableName: tables.records,
      Item: {
        pk: 'OUTBOX#01JHT0000000000000000000E1',
        sk: 'OUTBOX',
        gsi1pk: 'OUTBOX_PENDING',
        gsi1sk: `${incident.recordedAt}#01JHT0000000000000000000E1`,
        type: 'OutboxBatch',
        outboxId: '01JHT0000000000000000000E1',
        committedAt: incident.recordedAt,
        events: write().events,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('writes no outbox item for a write without events', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write({ events: [] }));

    // Assess
    expect(sentItems().map((item) => item.Put?.Item?.type)).not.toContain('OutboxBatch');
  });

  it('puts the idempotency record first, taken unless absent or expired, with the alerts a replay publishes again', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write());

    // Assess
    expect(sentItems()[0]!.Put).toEqual({
      TableName: tables.records,
      Item: {
        pk: `IDEMPOTENCY#${staffOf.author.id}#retry-7c1e`,
        sk: 'IDEMPOTENCY',
        type: 'IdempotencyRecord',
        callerId: staffOf.author.id,
        key: 'retry-7c1e',
        requestHash: 'ab12',
        incidentId: incident.id,
        expiresAtIso: '2025-01-16T10:00:00.000Z',
        expiresAt: Date.parse('2025-01-16T10:00:00.000Z') / 1000,
        alerts: [
          { recipientId: staffOf.designatedLead.id, alertId: '01JHT0000000000000000000A1' },
          { recipientId: staffOf.deputyHead.id, alertId: '01JHT0000000000000000000A2' },
        ],
      },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': Date.parse('2025-01-15T10:00:00.000Z') / 1000 },
    });
  });

  it('puts the incident only if it is not there already', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write({ idempotency: undefined }));

    // Assess
    const [first] = sentItems();
    expect(first!.Put).toEqual({
      TableName: tables.records,
      // Unreviewed, so on the triage index (gsi2) by recording time.
      Item: { pk: `INCIDENT#${incident.id}`, sk: 'INCIDENT', gsi2pk: 'TRIAGE', gsi2sk: `${incident.recordedAt}#${incident.id}`, type: 'Incident', ...incident },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('carries the categories on the subject’s timeline entry only', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write());

    // Assess
    const timeline = sentItems().filter((item) => item.Put?.Item?.type === 'TimelineEntry').map((item) => item.Put!.Item);
    expect(timeline).toEqual([
      {
        pk: `STUDENT#${pupilsOf.subject.id}`,
        sk: `TIMELINE#2025-01-15T09:40:00.000Z#${incident.id}`,
        type: 'TimelineEntry',
        studentId: pupilsOf.subject.id,
        incidentId: incident.id,
        role: 'subject',
        occurredAt: '2025-01-15T09:40:00.000Z',
        categoryIds: ['behaviour'],
        status: 'active',
        // What the chronology reads in one Query: who may see it, what happened, who else was there.
        kind: 'incident',
        recordedAt: '2025-01-15T10:00:00.000Z',
        authorId: incident.authorId,
        incidentCategoryIds: ['behaviour'],
        subCategoryIds: ['physical-harm-pupil'],
        summary: incident.description,
        otherStudentIds: [pupilsOf.classmate.id],
      },
      // A linked pupil's entry carries the incident's categories only to decide who may see it.
      expect.objectContaining({ pk: `STUDENT#${pupilsOf.classmate.id}`, role: 'alleged_perpetrator', categoryIds: [], incidentCategoryIds: ['behaviour'], otherStudentIds: [pupilsOf.subject.id] }),
    ]);
  });

  it('puts each alert in the recipient’s partition and the unread index, and the audit event append-only', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store().record(write());

    // Assess
    const items = sentItems();
    expect(items[4]!.Put).toMatchObject({
      Item: { pk: `STAFF#${staffOf.designatedLead.id}`, sk: 'ALERT#01JHT0000000000000000000A1', gsi1pk: `UNREAD#${staffOf.designatedLead.id}`, gsi1sk: '01JHT0000000000000000000A1' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    // The author's dashboard entry, under their own key, by recording time.
    expect(items[6]!.Put!.Item).toMatchObject({ pk: `STAFF#${incident.authorId}`, sk: `AUTHORED#${incident.recordedAt}#${incident.id}`, incidentId: incident.id, studentId: incident.studentId });
    expect(items[7]!.Put).toMatchObject({
      TableName: tables.audit,
      Item: { pk: `RECORD#${incident.id}`, action: 'incident.create' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('turns a failed condition on the idempotency record into IdempotencyKeyTakenError', async () => {
    // Prepare
    const cancellation = cancelledAt(0);
    dynamo.on(TransactWriteCommand).rejects(cancellation);

    // Act
    const attempt = store().record(write());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    await expect(attempt).rejects.toMatchObject({ cause: cancellation });
  });

  it('lets any other cancellation through as it is', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejects(cancelledAt(1));

    // Act
    const attempt = store().record(write());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransactionCanceledException);
  });

  it('does not blame an idempotency key when there was none', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).rejects(cancelledAt(0));

    // Act
    const attempt = store().record(write({ idempotency: undefined }));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransactionCanceledException);
  });
});

describe('DynamoIncidentStore.get', () => {
  it('assembles the incident, its actions in order and who was tagged, across pages', async () => {
    // Prepare
    const partition = `INCIDENT#${incident.id}`;
    const second = actionFixture({ id: '01JHT0000000000000000000X2', taggedStaffIds: [staffOf.deputyHead.id] });
    const first = actionFixture({ id: '01JHT0000000000000000000X1' });
    dynamo
      .on(QueryCommand)
      .resolvesOnce({
        Items: [
          { pk: partition, sk: `ACTION#${second.id}`, type: 'IncidentAction', ...second },
          { pk: partition, sk: 'INCIDENT', type: 'Incident', ...incident },
        ],
        LastEvaluatedKey: { pk: partition, sk: 'INCIDENT' },
      })
      .resolvesOnce({
        Items: [
          { pk: partition, sk: `ACTION#${first.id}`, type: 'IncidentAction', ...first },
          { pk: partition, sk: `TAGGED#${staffOf.deputyHead.id}`, type: 'IncidentTag', staffId: staffOf.deputyHead.id, firstActionId: second.id },
        ],
      });

    // Act
    const stored = await store().get(incident.id);

    // Assess
    expect(stored).toEqual({ incident, actions: [first, second], taggedStaffIds: new Set([staffOf.deputyHead.id]) });
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 1, {
      TableName: tables.records,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ConsistentRead: true,
    });
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: { pk: partition, sk: 'INCIDENT' } });
  });

  it('answers undefined when there is no incident item', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    const stored = await store().get('01JHT0000000000000000000ZZ');

    // Assess
    expect(stored).toBeUndefined();
  });
});

describe('DynamoIncidentStore.appendAction', () => {
  it('checks the incident exists and writes the action, new tags, alerts, audit and outbox together', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const action = actionFixture({ taggedStaffIds: [staffOf.deputyHead.id] });

    // Act
    await store().appendAction({
      action,
      newlyTaggedStaffIds: [staffOf.deputyHead.id],
      alerts: [alertFixture({ id: '01JHT0000000000000000000A3', recipientId: staffOf.deputyHead.id, kind: 'action', actionId: action.id })],
      audit: auditEventFixture({ action: 'action.create', recordType: 'action', recordId: incident.id }),
      events: [{ id: '01JHT0000000000000000000E3', detailType: 'ActionAdded', detail: { actionId: action.id } }],
    });

    // Assess
    const items = sentItems();
    expect(items[0]!.ConditionCheck).toEqual({ TableName: tables.records, Key: { pk: `INCIDENT#${incident.id}`, sk: 'INCIDENT' }, ConditionExpression: 'attribute_exists(pk)' });
    expect(items[1]!.Put).toMatchObject({ Item: { pk: `INCIDENT#${incident.id}`, sk: `ACTION#${action.id}`, text: 'Phoned home.' }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(items[2]!.Put!.Item).toEqual({ pk: `INCIDENT#${incident.id}`, sk: `TAGGED#${staffOf.deputyHead.id}`, type: 'IncidentTag', staffId: staffOf.deputyHead.id, firstActionId: action.id });
    expect(items[3]!.Put!.Item).toMatchObject({ type: 'Alert', recipientId: staffOf.deputyHead.id });
    expect(items[4]!.Put!.TableName).toBe(tables.audit);
    expect(items[5]!.Put!.Item).toMatchObject({ pk: 'OUTBOX#01JHT0000000000000000000E3', type: 'OutboxBatch', committedAt: action.createdAt });
    expect(items).toHaveLength(6);
  });
});

describe('DynamoIncidentStore.findIdempotency', () => {
  const storedRecord = {
    pk: `IDEMPOTENCY#${staffOf.author.id}#retry-7c1e`,
    sk: 'IDEMPOTENCY',
    callerId: staffOf.author.id,
    key: 'retry-7c1e',
    requestHash: 'ab12',
    incidentId: incident.id,
    expiresAtIso: '2025-01-16T10:00:00.000Z',
    expiresAt: 1737021600,
  };

  it('reads the record consistently, giving the expiry as an ISO time and the alerts raised', async () => {
    // Prepare
    const alerts = [{ recipientId: staffOf.designatedLead.id, alertId: '01JHT0000000000000000000A1' }];
    dynamo.on(GetCommand).resolves({ Item: { ...storedRecord, alerts } });

    // Act
    const record = await store().findIdempotency(staffOf.author.id, 'retry-7c1e');

    // Assess
    expect(record).toEqual({ callerId: staffOf.author.id, key: 'retry-7c1e', requestHash: 'ab12', incidentId: incident.id, expiresAt: '2025-01-16T10:00:00.000Z', alerts });
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { Key: { pk: `IDEMPOTENCY#${staffOf.author.id}#retry-7c1e`, sk: 'IDEMPOTENCY' }, ConsistentRead: true });
  });

  it('reads a record written before alerts were kept as raising none', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: storedRecord });

    // Act
    const record = await store().findIdempotency(staffOf.author.id, 'retry-7c1e');

    // Assess
    expect(record?.alerts).toEqual([]);
  });

  it('answers undefined for a key never used', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act
    const record = await store().findIdempotency(staffOf.author.id, 'never-used');

    // Assess
    expect(record).toBeUndefined();
  });
});
