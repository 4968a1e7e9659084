import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../local/local-stack';
import { measureCalls } from './calls';
import { measureCaseworkScale, printCaseworkScale } from './casework-scale';
import { measureLoad, type LoadFigure } from './load';
import { writeSections } from './results-file';

/**
 * The bench's figures on a running local stack (a fresh one in a temporary folder):
 * AWS calls per request for each main route, then load, then the chronology and the yearly
 * report at 100 and 10,000 incidents. Writes its keys of `bench/results.json`
 * (`callsPerRequest`, `load`, `loadMachine`, `caseworkScale`), leaving the others.
 */
export async function benchLocalStack(resultsFile: string): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-bench-'));
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  try {
    const teacher = stack.facts.users.find((user) => user.groups.includes('staff') && !user.groups.includes('dsl') && !user.totpSecret)!;
    const calls = await measureCalls(stack.facts, teacher.id);
    console.log('\nAWS calls per request (counted at the SDK client; a teacher, after one warm-up request)\n');
    for (const row of calls) {
      const verdict = row.counted <= row.designMinimum ? 'at minimum' : `+${row.counted - row.designMinimum} over`;
      console.log(`${row.route.padEnd(18)} ${String(row.counted).padStart(3)} (minimum ${row.designMinimum}, ${verdict})  ${Object.entries(row.calls).map(([call, count]) => `${call}×${count}`).join(' ')}\n${''.padEnd(19)}why: ${row.why}`);
    }
    // The raw TransactWriteItems writes as many items as the create's own transaction did.
    const createItems = calls.find((row) => row.route === 'incidents.create')?.transactionItems[0] ?? 0;
    const load = await measureLoad(stack.facts, createItems);
    const line = (name: string, figure: LoadFigure) =>
      `${name.padEnd(28)} c=${String(figure.connections).padStart(2)}  p50 ${figure.p50Ms.toFixed(1).padStart(6)} ms  p99 ${figure.p99Ms.toFixed(1).padStart(7)} ms  ${figure.perSecond.toFixed(1).padStart(7)} req/s  (${figure.requests} requests, ${figure.non2xx} non-2xx)`;
    console.log('\nLoad on the local stack (loopback, autocannon) beside raw DynamoDB Local in the same run\n');
    for (const figure of load.create) console.log(line('POST /v1/incidents', figure));
    for (const figure of load.dashboard) console.log(line('GET /v1/alerts', figure));
    console.log(line(`raw TransactWriteItems (${load.createItems})`, load.rawTransactWrite));
    console.log(line('raw Query', load.rawQuery));
    console.log(line('raw Get → Query → audit Put', load.rawDashboardMinimum));
    console.log(`\nIncidents stored ${load.stored.incidentsStored} for ${load.stored.created201} responses 201 (${load.stored.incidentsStored === load.stored.created201 ? 'equal' : 'NOT EQUAL'}), duplicates ${load.stored.duplicates}`);
    console.log(`Target create@32 ≥ 0.6× raw TransactWriteItems throughput: ${load.targets.createThroughput.ratio.toFixed(2)}× — ${load.targets.createThroughput.pass ? 'PASS' : 'FAIL'}`);
    console.log(`Target dashboard@32 p99 ≤ 3× raw Query p99: ${load.targets.dashboardP99.ratio.toFixed(2)}× — ${load.targets.dashboardP99.pass ? 'PASS' : 'FAIL'}`);
    console.log(`Beside its own minimum (raw Get → Query → audit Put), dashboard@32 p99: ${load.targets.dashboardP99OverMinimum.ratio.toFixed(2)}× (≤ 3×: ${load.targets.dashboardP99OverMinimum.pass ? 'PASS' : 'FAIL'})`);
    const loadMachine = { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg(), node: process.version, at: new Date().toISOString() };
    writeSections(resultsFile, { callsPerRequest: calls, load, loadMachine });
    console.log('\nSeeding the casework scales (batched writes through the adapters’ own items) …');
    const casework = await measureCaseworkScale(stack.facts);
    printCaseworkScale(casework);
    writeSections(resultsFile, { caseworkScale: { measuredAt: new Date().toISOString(), loadAverage: loadavg(), ...casework } });
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
