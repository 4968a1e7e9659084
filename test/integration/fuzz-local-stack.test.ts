import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/local-stack';
import { routes } from '../../shared/api/routes';
import { formatFigures, fuzzRoutes, type FuzzReport } from '../fuzz/fuzz-routes';

/**
 * Issue 18, end to end: every route in the catalogue over HTTP to the local stack, where
 * DynamoDB Local's own limits (number range, item size, nesting) apply. 300 cases a route
 * run in process (test/unit/fuzz/fuzz-every-route.test.ts, seconds); here a seeded sample of
 * the same generators, with the tables' count and checksum before and after each batch.
 * Runs on a stack of its own: a fuzzed request that succeeds (an alert group deleted, a
 * member invited) must not change what the other integration files rely on.
 * `npm run fuzz -- --runs N` runs both longer, with a seed of your choice.
 */
const RUNS_PER_ROUTE = 40;
const SEED = 18;

let stack: LocalStack;
let dataDir: string;
let report: FuzzReport;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lantern-fuzz-'));
  stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  report = await fuzzRoutes(stack.facts, { runs: RUNS_PER_ROUTE, seed: SEED });
  console.log(formatFigures(report));
}, 900_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('fuzzing every route in the catalogue over HTTP on the local stack', () => {
  it(`sends at least ${RUNS_PER_ROUTE} cases to each route`, () => {
    expect(report.figures.map((figure) => figure.routeId)).toEqual(routes.map((route) => route.id));
    expect(report.figures.every((figure) => figure.requests >= RUNS_PER_ROUTE)).toBe(true);
  });

  it('answers every case, never with a 5xx', () => {
    expect(report.findings.filter((finding) => finding.property === 'no 5xx' || finding.property === 'answers')).toEqual([]);
  });

  it('answers every 4xx with JSON that says what was wrong (the fields, for a validation failure)', () => {
    expect(report.findings.filter((finding) => finding.property === '4xx is JSON naming the problem')).toEqual([]);
  });

  it('changes no item in either table on a 4xx (count and checksum before and after each batch)', () => {
    expect(report.findings.filter((finding) => finding.property === 'a 4xx writes nothing')).toEqual([]);
  });

  it('reaches past validation: each signed-in route answers some cases with something other than 400 and 401', () => {
    const stuck = report.figures.filter((figure) => Object.keys(figure.statuses).every((status) => status === '400' || status === '401' || status === '431'));
    expect(stuck.map((figure) => figure.routeId)).toEqual([]);
  });
});
