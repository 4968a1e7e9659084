import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NOTIFICATION_LEASE_MINUTES, type NotificationClaim, type NotificationLedger } from '../../domain/ports';
import { notificationKey } from './keys';
import { isConditionalCheckFailure } from './transaction-errors';

/**
 * One item per notification: `sending` while a notifier holds the lease, `sent` once the
 * mailer accepted it. A `sending` item older than the lease belongs to a notifier that died
 * before sending, so a redelivery may take it over. (Items from before leases carry no
 * status: they count as sent.)
 */
export class DynamoNotificationLedger implements NotificationLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(notificationId: string, at: string): Promise<NotificationClaim> {
    const staleBefore = new Date(new Date(at).getTime() - NOTIFICATION_LEASE_MINUTES * 60_000).toISOString();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...notificationKey(notificationId), type: 'Notification', notificationId, status: 'sending', claimedAt: at },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND claimedAt < :staleBefore)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':staleBefore': staleBefore },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
    // Claimed before: settled, or a lease still fresh (gone meanwhile: held, so the caller retries).
    const current = await this.client.send(new GetCommand({ TableName: this.tableName, Key: notificationKey(notificationId), ConsistentRead: true }));
    return current.Item && current.Item.status !== 'sending' ? 'sent' : 'held';
  }

  async markSent(notificationId: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: notificationKey(notificationId),
        UpdateExpression: 'SET #status = :sent, sentAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }

  async release(notificationId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: notificationKey(notificationId),
          // Never give back a notification that went out (a notifier that took over the lease sent it).
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending' },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }
}
