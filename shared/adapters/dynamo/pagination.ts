import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createHmac, timingSafeEqual } from 'node:crypto';
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

/**
 * Page cursors a client cannot craft. A cursor is the page's LastEvaluatedKey as
 * base64url JSON, then an HMAC-SHA256 over it and over the query it belongs to (the list and
 * its partition, filters and window), keyed with the stack's cursor key. A decoded cursor
 * is also checked against that query (`fromThisList`: the same partition, the attributes
 * that list's keys have, none of them empty), so even a cursor signed with a leaked key
 * cannot start another list, or make DynamoDB fail the query with a 500.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(key: string) {
    if (key.length < 32) throw new Error('The cursor key must be at least 32 characters');
    this.key = Buffer.from(key, 'utf8');
  }

  encode(key: Record<string, unknown> | undefined, query: string): string | undefined {
    if (!key) return undefined;
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.mac(payload, query)}`;
  }

  /** The key a cursor stands for; anything but a cursor this query gave out is a 400. */
  decode(cursor: string | undefined, query: string, fromThisList: (key: PageKey) => boolean): PageKey | undefined {
    if (cursor === undefined || cursor === '') return undefined;
    const [payload, mac, ...rest] = cursor.split('.');
    const key = payload && mac && rest.length === 0 && this.verifies(payload, query, mac) ? parsedKey(payload) : undefined;
    if (!key || !fromThisList(key)) throw ValidationError.forField('cursor', 'is not a cursor this list gave out');
    return key;
  }

  private mac(payload: string, query: string): string {
    return createHmac('sha256', this.key).update(query).update('\u0000').update(payload).digest('base64url');
  }

  private verifies(payload: string, query: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(payload, query));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** True when the key has exactly these attributes: DynamoDB refuses a start key with more or fewer. */
export function hasExactly(key: PageKey, attributes: readonly string[]): boolean {
  const names = Object.keys(key);
  return names.length === attributes.length && attributes.every((attribute) => names.includes(attribute));
}

function parsedKey(payload: string): PageKey | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) return undefined;
  const entries = Object.entries(decoded);
  // DynamoDB refuses an empty key attribute with an error, so an empty one is no key of ours.
  return entries.length > 0 && entries.every(([, value]) => typeof value === 'string' && value !== '') ? (decoded as PageKey) : undefined;
}

/** Strips the storage attributes (keys, item type) from an item. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, type: _type, expiresAt: _expires, ...rest } = item;
  return rest;
}
