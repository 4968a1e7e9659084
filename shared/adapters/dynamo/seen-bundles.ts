import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SeenBundles } from '../../domain/transfers/transfer-keys';
import { receivedBundleKey } from './keys';
import { isConditionalCheckFailure } from './transaction-errors';

/**
 * The replay check for received transfer bundles: a put that succeeds only when no item for
 * the sender and bundle id exists, so of two deliveries of one bundle at once exactly one
 * wins. Kept with the school's records (a bundle id is not pupil data) and never expires:
 * the receiver must never import a bundle twice.
 */
export class DynamoSeenBundles implements SeenBundles {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async firstSighting(senderUrn: string, bundleId: string, at: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...receivedBundleKey(senderUrn, bundleId), type: 'ReceivedBundle', senderUrn, bundleId, receivedAt: at.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }
}
