import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../../shared/adapters/dynamo/batch-get';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';

afterEach(() => dynamo.reset());

const client = () => DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' }));
const keys = (count: number) => Array.from({ length: count }, (_, index) => ({ pk: `STUDENT#s-${index}`, sk: 'PROFILE' }));
const itemFor = (key: Record<string, unknown>) => ({ ...key, type: 'Student' });

describe('batchGet', () => {
  it('asks for at most 100 keys a call', async () => {
    // Prepare
    dynamo.on(BatchGetCommand).callsFake((input) => ({ Responses: { [tableName]: input.RequestItems[tableName].Keys.map(itemFor) } }));

    // Act
    const items = await batchGet(client(), tableName, keys(250));

    // Assess
    expect(items).toHaveLength(250);
    const sizes = dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems![tableName]!.Keys!.length);
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('asks again for the keys DynamoDB handed back unprocessed', async () => {
    // Prepare
    const [first, second, third] = keys(3);
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [tableName]: [itemFor(first!)] }, UnprocessedKeys: { [tableName]: { Keys: [second!, third!] } } })
      .resolvesOnce({ Responses: { [tableName]: [itemFor(second!), itemFor(third!)] } });

    // Act
    const items = await batchGet(client(), tableName, [first!, second!, third!]);

    // Assess
    expect(items).toEqual([itemFor(first!), itemFor(second!), itemFor(third!)]);
    expect(dynamo).toHaveReceivedNthCommandWith(BatchGetCommand, 2, { RequestItems: { [tableName]: { Keys: [second!, third!] } } });
  });

  it('gives up after five attempts rather than looping for ever', async () => {
    // Prepare
    const [only] = keys(1);
    dynamo.on(BatchGetCommand).resolves({ Responses: { [tableName]: [] }, UnprocessedKeys: { [tableName]: { Keys: [only!] } } });

    // Act
    const attempt = batchGet(client(), tableName, [only!]);

    // Assess
    await expect(attempt).rejects.toThrow('BatchGetItem left 1 keys unprocessed');
    expect(dynamo).toHaveReceivedCommandTimes(BatchGetCommand, 5);
  });

  it('sends nothing for no keys', async () => {
    // Prepare
    const none: Record<string, string>[] = [];

    // Act
    const items = await batchGet(client(), tableName, none);

    // Assess
    expect(items).toEqual([]);
    expect(dynamo).not.toHaveReceivedCommand(BatchGetCommand);
  });
});
