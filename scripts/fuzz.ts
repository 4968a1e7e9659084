import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../local/local-stack';
import { routes } from '../shared/api/routes';
import { formatFigures, fuzzRoutes } from '../test/fuzz/fuzz-routes';

/**
 * `npm run fuzz -- --runs N [--seed S] [--route id]`: fuzzes every route of the catalogue
 * against a fresh local stack of its own and prints, a route a line, the requests fuzzed,
 * the 5xx count and the writes on 4xx; then each finding with the request that caused it.
 * Exits 1 on any finding.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: String(Date.now() % 2 ** 31) }, route: { type: 'string', multiple: true } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
const chosen = values.route?.length ? routes.filter((route) => values.route?.includes(route.id)) : routes;

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-fuzz-'));
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  const started = Date.now();
  try {
    console.log(`Fuzzing ${chosen.length} routes, ${runs} requests each, seed ${seed} …`);
    const report = await fuzzRoutes(stack.facts, { runs, seed, routes: chosen });
    console.log(formatFigures(report));
    console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const finding of report.findings.slice(0, 40)) console.log(`\n${finding.routeId}: ${finding.property} (${finding.status ?? '-'}) ${finding.detail}\n  ${JSON.stringify(finding.request).slice(0, 600)}`);
    if (report.findings.length) process.exitCode = 1;
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
