import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CursorCodec, hasExactly, queryAll, withoutKeys } from '../../../shared/adapters/dynamo/pagination';
import { ValidationError } from '../../../shared/errors/lantern-error';

const dynamo = mockClient(DynamoDBDocumentClient);

afterEach(() => dynamo.reset());

describe('page cursors', () => {
  const codec = new CursorCodec('pagination-test-cursor-key-0123456789abcdef');
  const query = 'alerts|0b7e6f1c|unread';
  const anyKey = () => true;

  it('round-trip a LastEvaluatedKey through an opaque URL-safe string bound to its query', () => {
    // Prepare
    const key = { pk: 'STAFF#0b7e6f1c', sk: 'ALERT#01JHT0000000000000000000A1', gsi1pk: 'UNREAD#0b7e6f1c', gsi1sk: '01JHT0000000000000000000A1' };

    // Act
    const cursor = codec.encode(key, query);

    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(cursor, query, anyKey)).toEqual(key);
  });

  it('has no cursor after the last page', () => {
    // Prepare
    const lastKey = undefined;

    // Act
    const cursor = codec.encode(lastKey, query);

    // Assess
    expect(cursor).toBeUndefined();
    expect(codec.decode(cursor, query, anyKey)).toBeUndefined();
  });

  // Signed with the right key, to show the shape checks hold even then.
  const signed = (value: unknown) => codec.encode(value as Record<string, unknown>, query)!;

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['unsigned JSON', Buffer.from('{"pk":"STAFF#0b7e","sk":"ALERT#1"}').toString('base64url')],
    ['JSON cut short, signed', signed('{"pk":"STAFF#0b7e')],
    ['a JSON list, signed', signed([1, 2])],
    ['an empty object, signed', signed({})],
    ['a value that is not a string, signed', signed({ pk: 'STAFF#0b7e', sk: { S: 'x' } })],
    ['an empty key attribute, signed', signed({ pk: '', sk: 'ALERT#1' })],
    ['an empty index sort key, signed', signed({ pk: 'STAFF#0b7e', sk: 'ALERT#1', gsi1pk: 'UNREAD#0b7e', gsi1sk: '' })],
    ['signed for another query', new CursorCodec('pagination-test-cursor-key-0123456789abcdef').encode({ pk: 'STAFF#0b7e', sk: 'ALERT#1' }, 'alerts|someone-else|unread')!],
    ['signed with another key', new CursorCodec('another-stacks-cursor-key-0123456789abcdef').encode({ pk: 'STAFF#0b7e', sk: 'ALERT#1' }, query)!],
    ['truncated', codec.encode({ pk: 'STAFF#0b7e', sk: 'ALERT#1' }, query)!.slice(0, -2)],
    ['with an extra part', `${codec.encode({ pk: 'STAFF#0b7e', sk: 'ALERT#1' }, query)!}.x`],
  ])('refuses a cursor that is %s with 400 naming the cursor, never starting over', (_case, cursor) => {
    // Prepare
    const tampered = cursor;

    // Act
    const decode = () => codec.decode(tampered, query, anyKey);

    // Assess
    expect(decode).toThrow(ValidationError);
    expect(decode).toThrow('cursor: is not a cursor this list gave out');
  });

  it('refuses a well-formed, signed key the list does not recognise as its own', () => {
    // Prepare
    const someoneElses = codec.encode({ pk: 'STAFF#someone-else', sk: 'ALERT#01JHT0000000000000000000A1' }, query);

    // Act
    const decode = () => codec.decode(someoneElses, query, (key) => key.pk === 'STAFF#0b7e6f1c');

    // Assess
    expect(decode).toThrow(ValidationError);
  });

  it('will not sign with a key too short to be a secret', () => {
    // Act
    const make = () => new CursorCodec('short');

    // Assess
    expect(make).toThrow('at least 32 characters');
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
