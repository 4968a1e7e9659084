import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoNotificationLedger } from '../../../shared/adapters/dynamo/notification-ledger';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';

afterEach(() => dynamo.reset());

const ledger = () => new DynamoNotificationLedger(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);

describe('DynamoNotificationLedger', () => {
  it('lets any other failure through, so the event is retried', async () => {
    // Prepare
    dynamo.on(PutCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    // Act
    const attempt = ledger().claim('alert#01JHT0000000000000000000A1', '2025-01-15T10:00:00.000Z');

    // Assess
    await expect(attempt).rejects.toThrow('ProvisionedThroughputExceededException');
  });

  it('marks a notification sent once the mailer accepted it', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({});

    // Act
    await ledger().markSent('alert#01JHT0000000000000000000A1', '2025-01-15T10:00:02.000Z');

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: tableName,
      Key: { pk: 'NOTIFICATION#alert#01JHT0000000000000000000A1', sk: 'SENT' },
      UpdateExpression: 'SET #status = :sent, sentAt = :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':at': '2025-01-15T10:00:02.000Z' },
    });
  });

  it('releases an unsent claim by deleting it, never one marked sent', async () => {
    // Prepare
    dynamo.on(DeleteCommand).resolves({});

    // Act
    await ledger().release('reminder#I1-reminder');

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(DeleteCommand, {
      TableName: tableName,
      Key: { pk: 'NOTIFICATION#reminder#I1-reminder', sk: 'SENT' },
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sending': 'sending' },
    });
  });

  it('leaves a notification that was sent meanwhile as it is', async () => {
    // Prepare
    dynamo.on(DeleteCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const release = ledger().release('reminder#I1-reminder');

    // Assess
    await expect(release).resolves.toBeUndefined();
  });
});
