import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../errors/lantern-error';

/** Every item a Query matches, following LastEvaluatedKey. */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A page's LastEvaluatedKey: Lantern's keys are all strings. */
export type PageKey = Readonly<Record<string, string>>;

/** Opaque page cursors: the LastEvaluatedKey, base64url-encoded JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * The key a cursor stands for. A cursor is only ever one this list gave out: anything else
 * (not JSON, not an object of strings, or a key `fromThisList` does not recognise: another
 * member of staff's partition, another list's index) is refused with 400. Handed to
 * DynamoDB it would fail the query with a 500, or start somewhere it should not.
 */
export function decodeCursor(cursor: string | undefined, fromThisList: (key: PageKey) => boolean = () => true): PageKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = parsedKey(cursor);
  if (!key || !fromThisList(key)) throw ValidationError.forField('cursor', 'is not a cursor this list gave out');
  return key;
}

/** True when the key has exactly these attributes: DynamoDB refuses a start key with more or fewer. */
export function hasExactly(key: PageKey, attributes: readonly string[]): boolean {
  const names = Object.keys(key);
  return names.length === attributes.length && attributes.every((attribute) => names.includes(attribute));
}

function parsedKey(cursor: string): PageKey | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) return undefined;
  const entries = Object.entries(decoded);
  return entries.length > 0 && entries.every(([, value]) => typeof value === 'string') ? (decoded as PageKey) : undefined;
}

/** Strips the storage attributes (keys, item type) from an item. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, type: _type, expiresAt: _expires, ...rest } = item;
  return rest;
}
