import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, hasExactly, queryAll, withoutKeys } from '../../../shared/adapters/dynamo/pagination';
import { ValidationError } from '../../../shared/errors/lantern-error';

const dynamo = mockClient(DynamoDBDocumentClient);

afterEach(() => dynamo.reset());

describe('page cursors', () => {
  it('round-trip a LastEvaluatedKey through an opaque URL-safe string', () => {
    // Prepare
    const key = { pk: 'STAFF#0b7e6f1c', sk: 'ALERT#01JHT0000000000000000000A1', gsi1pk: 'UNREAD#0b7e6f1c', gsi1sk: '01JHT0000000000000000000A1' };

    // Act
    const cursor = encodeCursor(key);

    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('has no cursor after the last page', () => {
    // Prepare
    const lastKey = undefined;

    // Act
    const cursor = encodeCursor(lastKey);

    // Assess
    expect(cursor).toBeUndefined();
    expect(decodeCursor(cursor)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['JSON cut short', Buffer.from('{"pk":"STAFF#0b7e').toString('base64url')],
    ['a JSON list', Buffer.from('[1,2]').toString('base64url')],
    ['a JSON string', Buffer.from('"pk"').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['an empty object', Buffer.from('{}').toString('base64url')],
    ['an object with a value that is not a string', Buffer.from('{"pk":"STAFF#0b7e","sk":{"S":"x"}}').toString('base64url')],
  ])('refuses a cursor that is %s with 400 naming the cursor, never starting over', (_case, cursor) => {
    // Prepare
    const tampered = cursor;

    // Act
    const decode = () => decodeCursor(tampered);

    // Assess
    expect(decode).toThrow(ValidationError);
    expect(decode).toThrow('cursor: is not a cursor this list gave out');
  });

  it('refuses a well-formed key the list does not recognise as its own', () => {
    // Prepare
    const someoneElses = encodeCursor({ pk: 'STAFF#someone-else', sk: 'ALERT#01JHT0000000000000000000A1' });

    // Act
    const decode = () => decodeCursor(someoneElses, (key) => key.pk === 'STAFF#0b7e6f1c');

    // Assess
    expect(decode).toThrow(ValidationError);
  });
});

describe('hasExactly', () => {
  it.each([
    [['pk', 'sk'], true],
    [['pk', 'sk', 'gsi1pk'], false],
    [['pk'], false],
    [['pk', 'gsi1pk'], false],
  ])('says whether a table key {pk, sk} has exactly %j', (attributes, expected) => {
    // Prepare
    const key = { pk: 'STAFF#0b7e6f1c', sk: 'ALERT#01JHT0000000000000000000A1' };

    // Act
    const answer = hasExactly(key, attributes);

    // Assess
    expect(answer).toBe(expected);
  });
});

describe('queryAll', () => {
  it('follows LastEvaluatedKey until the last page', async () => {
    // Prepare
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ pk: 'P', sk: '1' }], LastEvaluatedKey: { pk: 'P', sk: '1' } })
      .resolvesOnce({ Items: [{ pk: 'P', sk: '2' }], LastEvaluatedKey: { pk: 'P', sk: '2' } })
      .resolvesOnce({ Items: [{ pk: 'P', sk: '3' }] });

    // Act
    const items = await queryAll(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), { TableName: 'lantern-records', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P' } });

    // Assess
    expect(items.map((item) => item.sk)).toEqual(['1', '2', '3']);
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 3, { ExclusiveStartKey: { pk: 'P', sk: '2' } });
  });
});

describe('withoutKeys', () => {
  it('strips keys, index keys, the item type and the TTL attribute', () => {
    // Prepare
    const item = { pk: 'P', sk: 'S', gsi1pk: 'G', gsi1sk: 'GS', gsi2pk: 'H', gsi2sk: 'HS', type: 'Alert', expiresAt: 1, id: 'A1', readAt: '2025-01-15T10:00:00.000Z' };

    // Act
    const stripped = withoutKeys(item);

    // Assess
    expect(stripped).toEqual({ id: 'A1', readAt: '2025-01-15T10:00:00.000Z' });
  });
});
