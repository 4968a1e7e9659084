import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../../shared/adapters/dynamo/table-definitions';

/**
 * Creates each table from its shared definition (on-demand, every index projecting ALL,
 * TTL and a stream where declared), or brings an existing one up to it: a missing index is
 * added and TTL switched on. Safe to run on every start.
 */
export async function provisionTables(client: DynamoDBClient, tables: readonly { name: string; definition: TableDefinition }[]): Promise<void> {
  await Promise.all(tables.map(({ name, definition }) => provisionTable(client, name, definition)));
}

async function provisionTable(client: DynamoDBClient, name: string, definition: TableDefinition): Promise<void> {
  const existing = await describe(client, name);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        ...(definition.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } } : {}),
        AttributeDefinitions: attributeDefinitions(definition),
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        ...(definition.globalIndexes.length > 0
          ? {
              GlobalSecondaryIndexes: definition.globalIndexes.map((index) => ({
                IndexName: index.indexName,
                KeySchema: [
                  { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
                  { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    // DynamoDB accepts one new index per UpdateTable call.
    for (const index of definition.globalIndexes.filter((candidate) => !present.has(candidate.indexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: attributeDefinitions(definition),
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: index.indexName,
                KeySchema: [
                  { AttributeName: index.partitionKey, KeyType: 'HASH' },
                  { AttributeName: index.sortKey, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              },
            },
          ],
        }),
      );
    }
  }
  if (existing && definition.stream && existing.StreamSpecification?.StreamViewType !== definition.stream) {
    // A data folder from before the outbox: switch the stream on (records before this are already delivered).
    await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } }));
  }
  if (definition.timeToLiveAttribute) await enableTimeToLive(client, name, definition.timeToLiveAttribute);
}

/** The table's current stream, once provisioned with one. */
export async function latestStreamArn(client: DynamoDBClient, name: string): Promise<string | undefined> {
  return (await describe(client, name))?.LatestStreamArn;
}

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function enableTimeToLive(client: DynamoDBClient, name: string, attribute: string): Promise<void> {
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const description = current.TimeToLiveDescription;
  if (description?.TimeToLiveStatus === 'ENABLED' && description.AttributeName === attribute) return;
  await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: attribute, Enabled: true } }));
}

/** Every key attribute is a string in Lantern's design. */
function attributeDefinitions(definition: TableDefinition): AttributeDefinition[] {
  const names = new Set([definition.partitionKey, definition.sortKey, ...definition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey])]);
  return [...names].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
}
