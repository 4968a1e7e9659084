import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DELIVERED_OUTBOX_RETENTION_DAYS, DynamoOutboxStore } from '../../../shared/adapters/dynamo/outbox-store';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
const store = () => new DynamoOutboxStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), 'lantern-records');

describe('DynamoOutboxStore', () => {
  it('marks an item delivered: out of the pending index, expiring after the retention period', async () => {
    // Prepare
    dynamo.on(UpdateCommand).resolves({});
    const at = new Date('2025-01-15T10:00:00.000Z');

    // Act
    await store().markDelivered('o-1', at);

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { pk: 'OUTBOX#o-1', sk: 'OUTBOX' },
      UpdateExpression: 'SET deliveredAt = if_not_exists(deliveredAt, :at), expiresAt = :expiresAt REMOVE gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at.toISOString(), ':expiresAt': at.getTime() / 1000 + DELIVERED_OUTBOX_RETENTION_DAYS * 86_400 },
    });
  });

  it('treats an item already gone as nothing to mark', async () => {
    // Prepare
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const attempt = store().markDelivered('o-gone', new Date());

    // Assess
    await expect(attempt).resolves.toBeUndefined();
  });

  it('finds pending items by a Query on the sparse pending partition, committed before the cut-off', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({
      Items: [
        { pk: 'OUTBOX#o-1', sk: 'OUTBOX', type: 'OutboxBatch', outboxId: 'o-1', committedAt: '2025-01-15T09:00:00.000Z', events: [{ id: 'o-1', detailType: 'IncidentRecorded', detail: {} }] },
      ],
    });

    // Act
    const pending = await store().pending({ committedBefore: new Date('2025-01-15T10:00:00.000Z'), limit: 25 });

    // Assess
    expect(pending).toEqual([{ outboxId: 'o-1', committedAt: '2025-01-15T09:00:00.000Z', events: [{ id: 'o-1', detailType: 'IncidentRecorded', detail: {} }] }]);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pending': 'OUTBOX_PENDING', ':before': '2025-01-15T10:00:00.000Z' },
      Limit: 25,
    });
  });

  it('pages on after the previous page\'s last item, by its key in the pending index', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    await store().pending({ committedBefore: new Date('2025-01-15T10:00:00.000Z'), limit: 25, after: { outboxId: 'o-1', committedAt: '2025-01-15T09:00:00.000Z' } });

    // Assess
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'gsi1',
      ExclusiveStartKey: { pk: 'OUTBOX#o-1', sk: 'OUTBOX', gsi1pk: 'OUTBOX_PENDING', gsi1sk: '2025-01-15T09:00:00.000Z#o-1' },
    });
  });
});
