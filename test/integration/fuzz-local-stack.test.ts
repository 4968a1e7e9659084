import { afterAll, beforeAll, describe } from 'vitest';
import { routes } from '../../shared/api/routes';
import { itHoldsTheFuzzProperties } from '../fuzz/fuzz-properties';
import { formatFigures, fuzzRoutes, type FuzzReport } from '../fuzz/fuzz-routes';
import { startStackInFreshFolder, type StackInFreshFolder } from './support/stack-in-fresh-folder';

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

let own: StackInFreshFolder | undefined;
let report: FuzzReport;

beforeAll(async () => {
  own = await startStackInFreshFolder('lantern-fuzz-');
  report = await fuzzRoutes(own.stack.facts, { runs: RUNS_PER_ROUTE, seed: SEED });
  console.log(formatFigures(report));
}, 900_000);

afterAll(async () => {
  await own?.stop();
});

describe('fuzzing every route in the catalogue over HTTP on the local stack', () => {
  itHoldsTheFuzzProperties({
    report: () => report,
    routeIds: routes.map((route) => route.id),
    runsPerRoute: RUNS_PER_ROUTE,
    writesNothing: 'changes no item in either table on a 4xx (count and checksum before and after each batch)',
  });
});
