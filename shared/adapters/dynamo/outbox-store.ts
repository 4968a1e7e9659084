import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxBatch, OutboxStore } from '../../domain/ports';
import { OUTBOX_PENDING_PARTITION, outboxKey, outboxPendingIndexKey } from './keys';
import { outboxBatchOf } from './outbox-item';
import { isConditionalCheckFailure } from './transaction-errors';

/**
 * How long a delivered outbox item is kept: long enough to answer "did the alert go out,
 * and when?" alongside the notifier's ledger. The audit table, not the outbox, is the
 * permanent record of what was written; the events hold ids only. An undelivered item has
 * no expiry, so the redrive can always find it.
 */
export const DELIVERED_OUTBOX_RETENTION_DAYS = 90;

export class DynamoOutboxStore implements OutboxStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async markDelivered(outboxId: string, at: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: outboxKey(outboxId),
          // Out of the pending index (so the redrive skips it), and expiring from now.
          UpdateExpression: 'SET deliveredAt = if_not_exists(deliveredAt, :at), expiresAt = :expiresAt REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':at': at.toISOString(),
            ':expiresAt': Math.floor(at.getTime() / 1000) + DELIVERED_OUTBOX_RETENTION_DAYS * 86_400,
          },
        }),
      );
    } catch (error) {
      // Already expired and gone: nothing left to mark.
      if (isConditionalCheckFailure(error)) return;
      throw error;
    }
  }

  async pending(options: Parameters<OutboxStore['pending']>[0]): Promise<OutboxBatch[]> {
    const { after } = options;
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pending': OUTBOX_PENDING_PARTITION, ':before': options.committedBefore.toISOString() },
        Limit: options.limit,
        // The index key of the previous page's last item: it need not be in the index any more.
        ...(after ? { ExclusiveStartKey: { ...outboxKey(after.outboxId), ...outboxPendingIndexKey(after.committedAt, after.outboxId) } } : {}),
      }),
    );
    return (page.Items ?? []).flatMap((item) => {
      const batch = outboxBatchOf(item);
      return batch ? [batch] : [];
    });
  }
}
