import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoNotificationLedger } from '../../../shared/adapters/dynamo/notification-ledger';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';

afterEach(() => dynamo.reset());

const ledger = () => new DynamoNotificationLedger(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);

describe('DynamoNotificationLedger', () => {
  it('claims a notification with a put that only succeeds the first time', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});

    // Act
    const claimed = await ledger().claim('alert#01JHT0000000000000000000A1', '2025-01-15T10:00:00.000Z');

    // Assess
    expect(claimed).toBe(true);
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: tableName,
      Item: { pk: 'NOTIFICATION#alert#01JHT0000000000000000000A1', sk: 'SENT', type: 'NotificationSent', notificationId: 'alert#01JHT0000000000000000000A1', at: '2025-01-15T10:00:00.000Z' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers false when someone claimed it already', async () => {
    // Prepare
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const claimed = await ledger().claim('alert#01JHT0000000000000000000A1', '2025-01-15T10:00:00.000Z');

    // Assess
    expect(claimed).toBe(false);
  });

  it('lets any other failure through, so the event is retried', async () => {
    // Prepare
    dynamo.on(PutCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    // Act
    const attempt = ledger().claim('alert#01JHT0000000000000000000A1', '2025-01-15T10:00:00.000Z');

    // Assess
    await expect(attempt).rejects.toThrow('ProvisionedThroughputExceededException');
  });

  it('releases a claim by deleting it', async () => {
    // Prepare
    dynamo.on(DeleteCommand).resolves({});

    // Act
    await ledger().release('reminder#I1-reminder');

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(DeleteCommand, { TableName: tableName, Key: { pk: 'NOTIFICATION#reminder#I1-reminder', sk: 'SENT' } });
  });
});
