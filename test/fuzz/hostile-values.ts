import fc from 'fast-check';

/**
 * Inputs a careless or hostile client sends: the edges of strings, numbers, dates and
 * shapes. Sizes stay below API Gateway's 10 MB payload so the handlers, not the gateway,
 * have to answer them.
 */
const unicodeEdges = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'lone \uDFFF low',
  '\u200B',
  '\u200D\u200C\uFEFF',
  '\u202Egnp.exe',
  'שלום عالم',
  'e\u0301\u0301\u0301',
  '𝕃𝕒𝕟𝕥𝕖𝕣𝕟',
  '\r\n\t',
  '../../etc/passwd',
  '%00',
  '\u0024{jndi:ldap://x}',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
];

const impossibleDates = [
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-06-01T25:61:61Z',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  'yesterday',
  '2026-06-01',
];

/** Numbers at the edges, including outside DynamoDB's range (about ±9.99e125, 38 digits). */
const edgeNumbers = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e126, -1e126, 1e308, 1e-130, 5e-324, 1.2345678901234568e40];

const protoKeys = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...unicodeEdges, ...impossibleDates, ...protoKeys),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 101, max: 70_000 }).map((length) => 'x'.repeat(length)),
);

/** Objects whose own keys are `__proto__` and friends (JSON.parse makes them own keys). */
const protoObject: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__":{"admin":true,"groups":["dsl"]}}'),
  JSON.parse('{"constructor":{"prototype":{"elevated":true}}}'),
  JSON.parse('{"__proto__":null}'),
);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...edgeNumbers) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, {}, [], [null], { '': '' }) },
  { weight: 1, arbitrary: protoObject },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((length) => Array.from({ length }, (_, index) => `id-${index}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map(nested) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...protoKeys, '', '\u0000', 'a.b', '$where'), fc.string({ maxLength: 12 }));
