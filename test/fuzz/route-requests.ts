import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/api/routes';
import { hostileKey, hostileString, hostileValue } from './hostile-values';
import { routeShape } from './openapi-sample';

/** Who sends a fuzzed request: a signed-in caller from the pool, or a bad or missing token. */
export type FuzzCaller = 'lead' | 'teacher' | 'none' | 'garbage';

/** The `garbage` caller's bearer token: JWT-shaped, unsigned, trusted by nobody. */
export const GARBAGE_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';

/** One generated request, as it goes over the wire. */
export interface FuzzRequest {
  readonly method: string;
  /** Path and query string, already encoded (or deliberately mis-encoded). */
  readonly url: string;
  readonly caller: FuzzCaller;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text, or undefined for none. */
  readonly body?: string;
}

const validLookingIds = ['01JD3K5V7Q8R9S0T1U2V3W4X5Y', 'pupil-001', 'slt', '7f1c5d9e-2a4b-4c6d-8e0f-1a2b3c4d5e6f', 'x'];

/** A URL over API Gateway's 10 KiB is refused before any handler runs (431): keep most below it. */
const urlString = hostileString.map((text) => text.slice(0, 1_500));

const pathId: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...validLookingIds).map(encodeURIComponent) },
  { weight: 3, arbitrary: urlString.map((text) => encodeURIComponent(toWellFormed(text))) },
  // Bad percent-encoding and encoded separators: what a gateway decodes, or does not.
  { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%ZZ', '%2F..%2F', '%00', '%C0%AF', '.', '..') },
);

/** encodeURIComponent throws on a lone surrogate; send its replacement instead. */
function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/g, (unit, offset: number, whole: string) => {
    const code = unit.charCodeAt(0);
    const next = whole.charCodeAt(offset + 1);
    const previous = whole.charCodeAt(offset - 1);
    const paired = code < 0xdc00 ? next >= 0xdc00 && next <= 0xdfff : previous >= 0xd800 && previous < 0xdc00;
    return paired ? unit : '\uFFFD';
  });
}

function queryString(names: readonly { name: string; sample: string }[]): fc.Arbitrary<string> {
  const known = names.length ? fc.constantFrom(...names.map((entry) => entry.name)) : hostileKey;
  const pair = fc.tuple(fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: hostileKey }), fc.oneof(urlString, fc.constantFrom(...names.map((entry) => entry.sample), '1', '-1', '0', '1e3', '99999999999999999999')));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constant(names.length ? `?${names.map((entry) => `${entry.name}=${encodeURIComponent(entry.sample)}`).join('&')}` : '') },
    {
      weight: 5,
      arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.map(([name, value]) => `${encodeURIComponent(toWellFormed(name))}=${encodeURIComponent(toWellFormed(value))}`).join('&')}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('?=', '?&&&', '?limit', '?limit=%E0%A4%A', '?query=%', '?a=1&a=2&a=3', '?%00=%00') },
  );
}

type Mutation = 'replace' | 'delete' | 'extra' | 'wrap' | 'none';

/** Applies one mutation at the `pick`-th place in a copy of `sample`. */
function mutate(sample: unknown, mutation: Mutation, pick: number, value: unknown, key: string): unknown {
  const copy = structuredClone(sample);
  const holders: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (node && typeof node === 'object') {
      holders.push(node as Record<string, unknown>);
      for (const child of Object.values(node)) visit(child);
    }
  };
  visit(copy);
  if (mutation === 'none') return copy;
  if (mutation === 'wrap') return [copy];
  const holder = holders[pick % Math.max(1, holders.length)];
  if (!holder) return mutation === 'extra' ? { [key]: value } : value;
  const keys = Object.keys(holder);
  const target = keys[pick % Math.max(1, keys.length)];
  if (mutation === 'extra' || target === undefined) Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true });
  else if (mutation === 'delete') delete holder[target];
  else holder[target] = value;
  return copy;
}

function bodyText(sample: unknown): fc.Arbitrary<string | undefined> {
  const mutated = fc
    .tuple(fc.constantFrom<Mutation>('replace', 'replace', 'delete', 'extra', 'wrap', 'none'), fc.nat(), hostileValue, hostileKey)
    .map(([mutation, pick, value, key]) => JSON.stringify(mutate(sample ?? {}, mutation, pick, value, key)));
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: hostileValue.map((value) => JSON.stringify(value)) },
    // Truncated JSON, empty, not JSON at all, and NUL bytes.
    { weight: 1, arbitrary: fc.nat().map((cut) => { const text = JSON.stringify(sample ?? {}); return text.slice(0, cut % Math.max(1, text.length)); }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'null', '[]', '"text"', '{', '{"a":', 'a=1&b=2', '\u0000\u0000', '{"a":1}{"b":2}', '\uFEFF{}', '{"a":1,}') },
  );
}

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', 'application/merge-patch+json', '', ';;;', 'application/jsonx') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const idempotencyKey = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', 'short', 'has space in it', 'x'.repeat(201), 'ünïcödé-key-1234', '\u200Bzero-width-key') },
);

const caller = fc.constantFrom<FuzzCaller>('lead', 'lead', 'lead', 'lead', 'lead', 'lead', 'teacher', 'teacher', 'none', 'garbage');

/**
 * Requests for `route`: valid-looking ones mutated one place at a time, and plain hostile
 * ones. Valid-looking dates are a minute before `now` (the clock the handlers will read).
 */
export function requestsFor(route: RouteDefinition, now: Date = new Date()): fc.Arbitrary<FuzzRequest> {
  const shape = routeShape(route.method, route.path, now);
  const hasBody = shape.body !== undefined;
  return fc
    .record({
      id: pathId,
      query: queryString(shape.query),
      body: hasBody ? bodyText(shape.body) : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: bodyText({}) }),
      contentType,
      idempotencyKey,
      caller,
      extraHeader: fc.option(fc.tuple(fc.constantFrom('x-forwarded-for', 'x-amz-date', 'accept', 'x-requested-with', 'origin'), hostileString.map((text) => toWellFormed(text).replace(/[^\x20-\x7e]/g, '?').slice(0, 500)))),
    })
    .map(({ id, query, body, contentType: type, idempotencyKey: key, caller: who, extraHeader }) => {
      const headers: Record<string, string> = {};
      if (body !== undefined && type !== undefined) headers['content-type'] = type;
      if (key !== undefined) headers['idempotency-key'] = key.replace(/[^\x20-\x7e]/g, '?');
      if (extraHeader) headers[extraHeader[0]] = extraHeader[1];
      return { method: route.method, url: route.path.replace('{id}', id) + query, caller: who, headers, body };
    });
}
