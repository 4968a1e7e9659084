import path from 'node:path';
import { beforeAll, describe, vi } from 'vitest';
import { routes, type RouteDefinition } from '../../../shared/api/routes';
import { formatFigures, type FuzzReport } from '../../fuzz/fuzz-routes';
import { fuzzRoutesInProcess, type InProcessFuzzOptions } from '../../fuzz/fuzz-in-process';
import { itHoldsTheFuzzProperties } from '../../fuzz/fuzz-properties';
import { accessTokenOf, claimsOf, matrixNow } from '../authorization/personas';
import { schoolWithRecords } from '../authorization/school-with-records';
import { useSchool } from '../authorization/switchable-context';

// As in the authorization matrix: each handler module builds its context when imported, from
// its declaration, and is handed the in-memory school's declared ports only.
vi.mock('../../../shared/config/environment-source', () => import('../authorization/switchable-context').then((stand) => stand.environmentSourceStandIn));
vi.mock('../../../shared/deps/build-deps', () => import('../authorization/switchable-context').then((stand) => stand.buildDepsStandIn));

/**
 * Issue 18: every route in the catalogue (iterated, so a route added later is fuzzed too),
 * 300 seeded cases each, through its real handler module in this process against an
 * in-memory school (test/fuzz/fuzz-in-process.ts). The local-stack fuzz
 * (test/integration/fuzz-local-stack.test.ts, `npm run fuzz`) sends the same kind of cases
 * over HTTP to DynamoDB Local.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 18);
/** `npm run fuzz -- --route <id>` narrows the run; npm test fuzzes the whole catalogue. */
const FUZZED = process.env.FUZZ_ROUTES ? routes.filter((route) => process.env.FUZZ_ROUTES?.split(',').includes(route.id)) : routes;

const handlers = new Map<string, Promise<Awaited<ReturnType<InProcessFuzzOptions['handlerOf']>>>>();
const handlerOf = (route: RouteDefinition) => {
  if (!handlers.has(route.entry)) handlers.set(route.entry, import(path.resolve(route.entry)).then((module) => module.handler));
  return handlers.get(route.entry)!;
};
const signedInAs = (persona: 'dslElevated' | 'staffAuthor') => ({
  accessToken: accessTokenOf(persona),
  claims: Object.fromEntries(Object.entries(claimsOf(persona) ?? {}).map(([name, value]) => [name, String(value)])),
});

let report: FuzzReport;

beforeAll(async () => {
  report = await fuzzRoutesInProcess({
    runs: RUNS_PER_ROUTE,
    seed: SEED,
    now: matrixNow,
    // The lead is an elevated DSL, so passes every gate and the cases reach validation and the domain.
    signedIn: (caller) => signedInAs(caller === 'lead' ? 'dslElevated' : 'staffAuthor'),
    handlerOf,
    routes: FUZZED,
    freshSchool: async () => {
      const deps = await schoolWithRecords();
      useSchool(deps);
      const { audit, clock: _clock, ids: _ids, logger: _logger, logLines: _logLines, school: _school, ...stores } = deps;
      // The identity fake logs each sign-in history the elevation check reads.
      return { stores, auditEvents: audit.events, readLogs: ['signInQueries'] };
    },
  });
  console.log(formatFigures(report));
}, 600_000);

describe('fuzzing every route in the catalogue, in process', () => {
  itHoldsTheFuzzProperties({
    report: () => report,
    routeIds: FUZZED.map((route) => route.id),
    runsPerRoute: RUNS_PER_ROUTE,
    writesNothing: 'changes no store on a 4xx (count and checksum before and after each case), and audits only refusals',
  });
});
