import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NotificationLedger } from '../../domain/ports';
import { notificationKey } from './keys';
import { isConditionalCheckFailure } from './transaction-errors';

export class DynamoNotificationLedger implements NotificationLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(notificationId: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...notificationKey(notificationId), type: 'NotificationSent', notificationId, at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async release(notificationId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: notificationKey(notificationId) }));
  }
}
