import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../../config/load-config';

/** The one DynamoDB client; only the endpoint differs between the local twin and AWS. */
export function createDocumentClient(config: Pick<Config, 'region' | 'endpoints'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ region: config.region, endpoint: config.endpoints.dynamodb });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
