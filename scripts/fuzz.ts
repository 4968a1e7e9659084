import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../local/local-stack';
import { routes } from '../shared/api/routes';
import { formatKillFigures, killMidLoad, shortfalls, STAND_IN_LOSSES_ALLOWED } from '../test/durability/kill-mid-load';
import { formatFigures, fuzzRoutes } from '../test/fuzz/fuzz-routes';

/**
 * `npm run fuzz -- --runs N [--seed S] [--route id] [--only in-process|local-stack|kill]`:
 * fuzzes every route of the catalogue twice over. First in process (the real handler modules
 * against an in-memory school, under vitest, which supplies the ports); then over HTTP to a
 * fresh local stack of its own (DynamoDB Local and the other stand-ins). Each prints, a
 * route a line, the requests fuzzed, their statuses, the 5xx count and the writes on 4xx;
 * the local-stack tier then each finding with the request that caused it. Last, the
 * durability figures: a local stack killed with SIGKILL mid-load and restarted (the scenario
 * of test/integration/kill-mid-load.test.ts), printing incidents acknowledged against found
 * after the kill, and duplicates. Exits 1 on any finding.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    route: { type: 'string', multiple: true },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const chosen = values.route?.length ? routes.filter((route) => values.route?.includes(route.id)) : routes;

function inProcess(): boolean {
  console.log(`In process: ${chosen.length} routes, ${runs} requests each, seed ${seed} …`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/unit/fuzz/fuzz-every-route.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), ...(values.route?.length ? { FUZZ_ROUTES: values.route.join(',') } : {}), LANTERN_TEST_REPORT: join(tmpdir(), 'lantern-fuzz-report.json') },
  });
  return run.status === 0;
}

async function localStack(): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-fuzz-'));
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  const started = Date.now();
  try {
    console.log(`On the local stack: ${chosen.length} routes, ${runs} requests each, seed ${seed} …`);
    const report = await fuzzRoutes(stack.facts, { runs, seed, routes: chosen });
    console.log(formatFigures(report));
    console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const finding of report.findings.slice(0, 40)) console.log(`\n${finding.routeId}: ${finding.property} (${finding.status ?? '-'}) ${finding.detail}\n  ${JSON.stringify(finding.request).slice(0, 600)}`);
    return report.findings.length === 0;
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function killed(): Promise<boolean> {
  console.log('\nThe local stack killed with SIGKILL mid-load (4 writers, the kill after 12 acknowledged) …');
  const report = await killMidLoad({ workers: 4, acknowledgedBeforeKill: 12 });
  console.log(formatKillFigures(report));
  const { lost, incomplete } = shortfalls(report);
  const found = report.acknowledged.filter((incident) => incident.status === 200);
  const duplicated = report.duplicateIncidents + found.filter((incident) => incident.alertItems > 1 || incident.emailsAfterRestart > 1).length + (report.reportDelayCount - report.reportCountedItems);
  return lost.length + incomplete.length <= STAND_IN_LOSSES_ALLOWED && duplicated === 0;
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tier = (name: string) => values.only === undefined || values.only === name;
  const passed = [!tier('in-process') || inProcess(), !tier('local-stack') || (await localStack()), !tier('kill') || (await killed())];
  if (!passed.every(Boolean)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
