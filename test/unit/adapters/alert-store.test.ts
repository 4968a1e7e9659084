import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, } from '@aws-sdk/lib-dynamodb';
import { DynamoAlertStore, alertCursorQuery, alertItem } from '../../../shared/adapters/dynamo/alert-store';
import { CursorCodec } from '../../../shared/adapters/dynamo/pagination';
import { alertFixture } from '../support/incident-records';
import { staffOf } from '../support/school-cast';
import { ValidationError } from '../../../shared/errors/lantern-error';

const dynamo = mockClient(DynamoDBDocumentClient);
const tables = { records: 'lantern-records', audit: 'lantern-audit' };
const recipientId = staffOf.designatedLead.id;

afterEach(() => dynamo.reset());

const cursors = new CursorCodec('alert-store-test-cursor-key-0123456789abcdef');
const store = () => new DynamoAlertStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tables, cursors);

describe('alertItem', () => {
  it('files an unread alert in the unread index, and a read one out of it', () => {
    // Prepare
    const unread = alertFixture();
    const read = alertFixture({ readAt: '2025-01-15T10:05:00.000Z' });

    // Act
    const items = [alertItem(unread), alertItem(read)];

    // Assess
    expect(items[0]).toEqual({ pk: `STAFF#${recipientId}`, sk: `ALERT#${unread.id}`, gsi1pk: `UNREAD#${recipientId}`, gsi1sk: unread.id, type: 'Alert', ...unread });
    expect(items[1]).not.toHaveProperty('gsi1pk');
    expect(items[1]).not.toHaveProperty('gsi1sk');
  });
});

describe('DynamoAlertStore.list', () => {
  it('reads unread alerts from the sparse index, newest first', async () => {
    // Prepare
    const alert = alertFixture();
    dynamo.on(QueryCommand).resolves({ Items: [alertItem(alert)] });

    // Act
    const page = await store().list(recipientId, { unreadOnly: true, limit: 25 });

    // Assess
    expect(page).toEqual({ alerts: [alert] });
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: tables.records,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `UNREAD#${recipientId}` },
      ScanIndexForward: false,
      Limit: 25,
    });
  });

  it('reads every alert from the recipient’s partition otherwise', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    await store().list(recipientId, { unreadOnly: false, limit: 10 });

    // Assess
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `STAFF#${recipientId}`, ':prefix': 'ALERT#' },
      ScanIndexForward: false,
    });
    expect(input.IndexName).toBeUndefined();
  });

  it('hands back the last key as a cursor that starts the next page', async () => {
    // Prepare
    const lastKey = { pk: `STAFF#${recipientId}`, sk: 'ALERT#01JHT0000000000000000000A1', gsi1pk: `UNREAD#${recipientId}`, gsi1sk: '01JHT0000000000000000000A1' };
    dynamo.on(QueryCommand).resolvesOnce({ Items: [alertItem(alertFixture())], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });
    const alerts = store();

    // Act
    const first = await alerts.list(recipientId, { unreadOnly: true, limit: 1 });
    const second = await alerts.list(recipientId, { unreadOnly: true, limit: 1, cursor: first.nextCursor });

    // Assess
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second).toEqual({ alerts: [] });
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });
});

describe('DynamoAlertStore.list refuses a cursor this list did not give out', () => {
  // Signed as this list would sign it: even then, a key that is not this list's is refused.
  let unreadOnlyOfCase = false;
  const cursor = (key: Record<string, unknown>) => cursors.encode(key, alertCursorQuery(recipientId, unreadOnlyOfCase))!;
  const own = { pk: `STAFF#${recipientId}`, sk: 'ALERT#01JHT0000000000000000000A1' };
  const ownUnread = { ...own, gsi1pk: `UNREAD#${recipientId}`, gsi1sk: '01JHT0000000000000000000A1' };
  const other = staffOf.unrelatedTeacher.id;

  it.each([
    ['an empty key', false, {}],
    ['another member of staff’s alerts', false, { pk: `STAFF#${other}`, sk: 'ALERT#01JHT0000000000000000000A1' }],
    ['the recipient’s profile rather than an alert', false, { pk: `STAFF#${recipientId}`, sk: 'PROFILE' }],
    ['a key from the unread list, on the full list', false, ownUnread],
    ['a key from the full list, on the unread list', true, own],
    ['another member of staff’s unread index', true, { ...ownUnread, gsi1pk: `UNREAD#${other}` }],
    ['an unread key whose alert is someone else’s', true, { ...ownUnread, pk: `STAFF#${other}` }],
    ['an unread key with its index sort key missing', true, { pk: own.pk, sk: own.sk, gsi1pk: `UNREAD#${recipientId}` }],
    ['an empty partition key', false, { ...own, pk: '' }],
    ['an empty index sort key', true, { ...ownUnread, gsi1sk: '' }],
  ])('refuses %s with 400 and queries nothing', async (_case, unreadOnly, key) => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });
    unreadOnlyOfCase = unreadOnly;

    // Act
    const attempt = store().list(recipientId, { unreadOnly, limit: 10, cursor: cursor(key) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'cursor' }] });
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });

  it.each([
    ['the full list', false, own],
    ['the unread list', true, ownUnread],
  ])('accepts a key of the recipient’s own on %s', async (_case, unreadOnly, key) => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });
    unreadOnlyOfCase = unreadOnly;

    // Act
    await store().list(recipientId, { unreadOnly, limit: 10, cursor: cursor(key) });

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: key });
  });
});

describe('DynamoAlertStore.list refuses a cursor a client made or moved', () => {
  const own = { pk: `STAFF#${recipientId}`, sk: 'ALERT#01JHT0000000000000000000A1' };
  const signed = cursors.encode(own, alertCursorQuery(recipientId, false))!;

  it.each([
    ['crafted: the key as base64 JSON, unsigned', Buffer.from(JSON.stringify(own)).toString('base64url')],
    ['crafted: signed with another key', new CursorCodec('someone-elses-cursor-key-0123456789abcdef').encode(own, alertCursorQuery(recipientId, false))!],
    ['truncated', signed.slice(0, -3)],
    ['with its signature cut off', signed.split('.')[0]!],
    ['from another query: the unread list', cursors.encode(own, alertCursorQuery(recipientId, true))!],
    ['from another member of staff’s list', cursors.encode(own, alertCursorQuery(staffOf.unrelatedTeacher.id, false))!],
  ])('refuses a cursor that is %s with 400 and queries nothing', async (_case, cursor) => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    const attempt = store().list(recipientId, { unreadOnly: false, limit: 10, cursor });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'cursor' }] });
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe('DynamoAlertStore.get', () => {
  it('finds an alert under the recipient’s own key only', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act
    const alert = await store().get(staffOf.unrelatedTeacher.id, '01JHT0000000000000000000A1');

    // Assess
    expect(alert).toBeUndefined();
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { Key: { pk: `STAFF#${staffOf.unrelatedTeacher.id}`, sk: 'ALERT#01JHT0000000000000000000A1' }, ConsistentRead: true });
  });
});
