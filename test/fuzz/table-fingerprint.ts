import { createHash } from 'node:crypto';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Every item of a table by the hash of its canonical JSON: its count and checksum, and what differs. */
export interface TableFingerprint {
  readonly count: number;
  readonly checksum: string;
  readonly items: ReadonlyMap<string, Record<string, unknown>>;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Set) return canonical([...value].map(String).sort());
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Reads the whole table. A Scan is for the test harness only: it is how the fuzz suite
 * proves a refused request wrote nothing; no request path ever scans.
 */
export async function fingerprint(documents: DynamoDBDocumentClient, tableName: string): Promise<TableFingerprint> {
  const items = new Map<string, Record<string, unknown>>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) items.set(createHash('sha256').update(canonical(item)).digest('hex'), item);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const checksum = createHash('sha256').update([...items.keys()].sort().join('\n')).digest('hex');
  return { count: items.size, checksum, items };
}

/** Items present in `after` and not in `before`, and those gone or changed from `before`. */
export function differences(before: TableFingerprint, after: TableFingerprint) {
  const added = [...after.items].filter(([hash]) => !before.items.has(hash)).map(([, item]) => item);
  const removedOrChanged = [...before.items].filter(([hash]) => !after.items.has(hash)).map(([, item]) => item);
  return { added, removedOrChanged };
}
