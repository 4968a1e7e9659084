import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchGetItem takes 100 keys a call and may hand some back unprocessed: retry those. */
const BATCH_SIZE = 100;
const MAX_ATTEMPTS = 5;

export async function batchGet(client: DynamoDBDocumentClient, tableName: string, keys: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_SIZE) {
    let pending: Record<string, unknown>[] = keys.slice(start, start + BATCH_SIZE);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 25));
    }
  }
  return items;
}
