/**
 * DynamoDB's size of an item, by its documented rules: attribute names and strings in
 * UTF-8 bytes, numbers about one byte per two significant digits plus one, one byte for a
 * boolean or null, three for a list or map plus one per element. DynamoDB Local does not
 * enforce the 400 KB item limit, so Lantern measures what it writes.
 */
export const DYNAMODB_ITEM_MAX_BYTES = 400 * 1024;
/** One TransactWriteItems call: 4 MB in all, 100 items. */
export const DYNAMODB_TRANSACTION_MAX_BYTES = 4 * 1024 * 1024;
export const DYNAMODB_TRANSACTION_MAX_ITEMS = 100;

export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((total, [name, value]) => (value === undefined ? total : total + utf8(name) + valueBytes(value)), 0);
}

function valueBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberBytes(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((total: number, member) => total + valueBytes(member), 0);
  if (Array.isArray(value)) return 3 + value.reduce((total: number, element) => total + 1 + valueBytes(element), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((total, [name, element]) => (element === undefined ? total : total + 1 + utf8(name) + valueBytes(element)), 0);
  }
  return utf8(String(value));
}

function numberBytes(value: number): number {
  const digits = Math.abs(value).toExponential().split('e')[0]!.replace('.', '').length;
  return Math.min(21, Math.ceil(digits / 2) + 1);
}

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
