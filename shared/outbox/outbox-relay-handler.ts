import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { RelayDeps } from './outbox-ports';
import { relayOutbox } from './relay-outbox';

/**
 * The stream relay as a Lambda handler: unmarshals the new images, relays them in order and
 * reports the first failed record (reportBatchItemFailures), so Lambda retries from there,
 * bisects, and finally sends the batch's position to the relay's dead-letter queue.
 */
export function outboxRelayHandler(deps: () => RelayDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records.map((record) => ({
      sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
      newImage: record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) : undefined,
    }));
    const outcome = await relayOutbox(deps(), records);
    return { batchItemFailures: outcome.failedSequenceNumber ? [{ itemIdentifier: outcome.failedSequenceNumber }] : [] };
  };
}
