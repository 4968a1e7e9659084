import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditTrail, auditCursorQuery, auditItems } from '../../../shared/adapters/dynamo/audit-trail';
import { CursorCodec } from '../../../shared/adapters/dynamo/pagination';
import { auditEventFixture } from '../support/audit-events';
import { ValidationError } from '../../../shared/errors/lantern-error';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-audit';

afterEach(() => dynamo.reset());

const cursors = new CursorCodec('audit-trail-test-cursor-key-0123456789abcdef');
const trail = () => new DynamoAuditTrail(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName, cursors);
const event = auditEventFixture({ action: 'incident.read', recordType: 'incident', recordId: 'I1', studentIds: ['student-amara'] });

describe('DynamoAuditTrail.record', () => {
  it('appends the event under its record, staff and pupil keys, never overwriting', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});

    // Act
    await trail().record(event);

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: tableName,
      Item: { pk: 'RECORD#I1', sk: `${event.at}#${event.id}`, staffPk: `STAFF#${event.staffId}`, studentPk: 'STUDENT#student-amara', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('leaves out the index keys an event has no value for', () => {
    // Prepare
    const signIn = auditEventFixture({ staffId: undefined, studentIds: undefined });

    // Act
    const [item, ...copies] = auditItems(signIn);

    // Assess
    expect(item).not.toHaveProperty('staffPk');
    expect(item).not.toHaveProperty('studentPk');
    expect(copies).toEqual([]);
  });

  it('writes an event about three pupils as its own item and a copy under each further pupil, in one transaction', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const read = auditEventFixture({ action: 'incident.read', recordType: 'incident', recordId: 'I1', studentIds: ['student-amara', 'student-leo', 'student-isla'] });
    const sk = `${read.at}#${read.id}`;

    // Act
    await trail().record(read);

    // Assess
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((entry) => entry.Put!.Item!);
    expect(items).toEqual([
      { pk: 'RECORD#I1', sk, staffPk: `STAFF#${read.staffId}`, studentPk: 'STUDENT#student-amara', ...read },
      { pk: 'STUDENT#student-leo', sk, studentPk: 'STUDENT#student-leo', ...read },
      { pk: 'STUDENT#student-isla', sk, studentPk: 'STUDENT#student-isla', ...read },
    ]);
    // Only the event's own item is under the record and the member of staff: those queries meet it once.
    expect(items.filter((item) => item.pk === 'RECORD#I1' || item.staffPk !== undefined)).toHaveLength(1);
    expect(dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.every((entry) => entry.Put!.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
  });

  it('splits the items of an event about more pupils than one transaction holds', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const dashboard = auditEventFixture({ action: 'alert.list', recordType: 'alert', recordId: 'staff-1', studentIds: Array.from({ length: 150 }, (_, index) => `student-${index}`) });

    // Act
    await trail().record(dashboard);

    // Assess
    const sizes = dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems!.length);
    expect(sizes).toEqual([100, 50]);
  });
});

describe('DynamoAuditTrail.search', () => {
  it.each([
    ['record', undefined, 'pk', 'RECORD#I1'],
    ['staff', 'byStaff', 'staffPk', 'STAFF#I1'],
    ['student', 'byStudent', 'studentPk', 'STUDENT#I1'],
  ] as const)('searches by %s on the matching key, between open bounds when no window is given', async (by, indexName, key, partition) => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    await trail().search({ by, id: 'I1', limit: 100 });

    // Assess
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      TableName: tableName,
      KeyConditionExpression: '#partition = :partition AND sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#partition': key },
      ExpressionAttributeValues: { ':partition': partition, ':from': '0000', ':to': '9999' },
      Limit: 100,
    });
    expect(input.IndexName).toBe(indexName);
  });

  it('bounds the window in UTC, the end including every event at that instant', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    await trail().search({ by: 'staff', id: 'staff-1', from: '2025-01-14T09:00:00+01:00', to: '2025-01-15T10:00:00Z', limit: 50 });

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      ExpressionAttributeValues: { ':partition': 'STAFF#staff-1', ':from': '2025-01-14T08:00:00.000Z', ':to': '2025-01-15T10:00:00.000Z~' },
    });
  });

  it('keeps an event’s detail, and gives it back', async () => {
    // Prepare
    const search = auditEventFixture({ action: 'student.search', recordType: 'student', recordId: 'search', detail: { query: 'am', results: 'student-amara' } });
    dynamo.on(PutCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: auditItems(search) });
    const audit = trail();

    // Act
    await audit.record(search);
    const found = await audit.search({ by: 'record', id: 'search', limit: 10 });

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ detail: { query: 'am', results: 'student-amara' } }) });
    expect(found.events).toEqual([search]);
  });

  it('returns events without storage keys, with a cursor that starts the next page', async () => {
    // Prepare
    const lastKey = { pk: 'RECORD#I1', sk: `${event.at}#${event.id}` };
    dynamo.on(QueryCommand).resolvesOnce({ Items: auditItems(event), LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });
    const audit = trail();

    // Act
    const first = await audit.search({ by: 'record', id: 'I1', limit: 1 });
    await audit.search({ by: 'record', id: 'I1', limit: 1, cursor: first.nextCursor });

    // Assess
    expect(first.events).toEqual([event]);
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });

  it('gives an event written before events named several pupils back with its pupil in studentIds', async () => {
    // Prepare
    const { studentIds: _pupils, ...older } = event;
    dynamo.on(QueryCommand).resolves({ Items: [{ pk: 'RECORD#I1', sk: `${event.at}#${event.id}`, studentPk: 'STUDENT#student-amara', ...older, studentId: 'student-amara' }] });

    // Act
    const found = await trail().search({ by: 'student', id: 'student-amara', limit: 10 });

    // Assess
    expect(found.events).toEqual([{ ...older, studentIds: ['student-amara'] }]);
  });

  // Signed as the search would sign it: even then, a key that is not the search's is refused.
  let queryOfCase = '';
  const cursor = (key: Record<string, unknown>) => cursors.encode(key, queryOfCase)!;
  const at = '2025-01-15T10:00:00.000Z#01JHT0000000000000000000E1';

  it.each([
    ['an empty key', 'record', {}],
    ['a key from another record', 'record', { pk: 'RECORD#I2', sk: at }],
    ['a key from another member of staff', 'staff', { pk: 'RECORD#I1', sk: at, staffPk: 'STAFF#staff-2' }],
    ['a key from the record search, on the staff search', 'staff', { pk: 'RECORD#I1', sk: at }],
    ['a key from the staff index, on the pupil search', 'student', { pk: 'RECORD#I1', sk: at, staffPk: 'STAFF#staff-1' }],
    ['a key outside the time window', 'record', { pk: 'RECORD#I1', sk: '2024-06-01T10:00:00.000Z#01JHT0000000000000000000E1' }],
    ['an empty partition key', 'record', { pk: '', sk: at }],
    ['an empty index key', 'staff', { pk: 'RECORD#I1', sk: at, staffPk: '' }],
  ] as const)('refuses a cursor holding %s with 400 and queries nothing', async (_case, by, key) => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const id = by === 'staff' ? 'staff-1' : 'I1';
    queryOfCase = auditCursorQuery(by, id, '2025-01-01T00:00:00.000Z', '9999');

    // Act
    const attempt = trail().search({ by, id, from: '2025-01-01T00:00:00Z', limit: 10, cursor: cursor(key) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'cursor' }] });
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });

  it('accepts a key from the same staff index partition', async () => {
    // Prepare
    const key = { pk: 'RECORD#I1', sk: at, staffPk: 'STAFF#staff-1' };
    dynamo.on(QueryCommand).resolves({ Items: [] });
    queryOfCase = auditCursorQuery('staff', 'staff-1', '0000', '9999');

    // Act
    await trail().search({ by: 'staff', id: 'staff-1', limit: 10, cursor: cursor(key) });

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: key });
  });
});

describe('DynamoAuditTrail.search refuses a cursor from another window', () => {
  it('refuses a cursor given out for another window of the same record with 400', async () => {
    // Prepare
    const key = { pk: 'RECORD#I1', sk: '2025-01-15T10:00:00.000Z#01JHT0000000000000000000E1' };
    const otherWindow = cursors.encode(key, auditCursorQuery('record', 'I1', '2025-01-01T00:00:00.000Z', '9999'))!;
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    const attempt = trail().search({ by: 'record', id: 'I1', limit: 10, cursor: otherWindow });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'cursor' }] });
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });
});
