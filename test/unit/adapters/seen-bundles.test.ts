import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoSeenBundles } from '../../../shared/adapters/dynamo/seen-bundles';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';
const seen = () => new DynamoSeenBundles(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);
const at = new Date('2026-11-04T11:00:00.000Z');

afterEach(() => dynamo.reset());

describe('DynamoSeenBundles (the replay check)', () => {
  it('records a bundle the first time, with a put that only succeeds when there is none', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});

    // Act
    const first = await seen().firstSighting('100001', '01KBD2W6Q8ZJ5X3V9N4T7R2M1C', at);

    // Assess
    expect(first).toBe(true);
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: tableName,
      Item: { pk: 'TRANSFER_BUNDLE#100001', sk: 'BUNDLE#01KBD2W6Q8ZJ5X3V9N4T7R2M1C', type: 'ReceivedBundle', senderUrn: '100001', bundleId: '01KBD2W6Q8ZJ5X3V9N4T7R2M1C', receivedAt: '2026-11-04T11:00:00.000Z' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('says a bundle already recorded is a replay', async () => {
    // Prepare
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const first = await seen().firstSighting('100001', '01KBD2W6Q8ZJ5X3V9N4T7R2M1C', at);

    // Assess
    expect(first).toBe(false);
  });

  it('lets any other failure through rather than call it a replay', async () => {
    // Prepare
    const busy = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    dynamo.on(PutCommand).rejects(busy);

    // Act
    const attempt = seen().firstSighting('100001', '01KBD2W6Q8ZJ5X3V9N4T7R2M1C', at);

    // Assess
    await expect(attempt).rejects.toBe(busy);
  });
});
