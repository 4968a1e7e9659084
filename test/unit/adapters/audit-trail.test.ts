import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditTrail, auditItem } from '../../../shared/adapters/dynamo/audit-trail';
import { auditEventFixture } from '../support/audit-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-audit';

afterEach(() => dynamo.reset());

const trail = () => new DynamoAuditTrail(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);
const event = auditEventFixture({ action: 'incident.read', recordType: 'incident', recordId: 'I1', studentId: 'student-amara' });

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
    const signIn = auditEventFixture({ staffId: undefined, studentId: undefined });

    // Act
    const item = auditItem(signIn);

    // Assess
    expect(item).not.toHaveProperty('staffPk');
    expect(item).not.toHaveProperty('studentPk');
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

  it('returns events without storage keys, with a cursor that starts the next page', async () => {
    // Prepare
    const lastKey = { pk: 'RECORD#I1', sk: `${event.at}#${event.id}` };
    dynamo.on(QueryCommand).resolvesOnce({ Items: [auditItem(event)], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });
    const audit = trail();

    // Act
    const first = await audit.search({ by: 'record', id: 'I1', limit: 1 });
    await audit.search({ by: 'record', id: 'I1', limit: 1, cursor: first.nextCursor });

    // Assess
    expect(first.events).toEqual([event]);
    expect(dynamo).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });
});
