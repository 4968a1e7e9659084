import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printBundleResults, runBundleBench } from './bundles';
import { benchLocalStack } from './local-stack-bench';
import { printQualityResults, runQualityBench } from './quality-checker';
import { printExportResults, runExportBench } from './exports';
import { writeSections } from './results-file';

/**
 * `npm run bench` (`npm run bench:bundles` for the bundles section alone): figures for bench/README.md, written to bench/results.json (each
 * section under its own key, so separate benches can add theirs). Ratios against
 * references measured in the same run, never timed assertions: absolute numbers move with
 * the machine's load.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const resultsFile = path.join(root, 'bench', 'results.json');

async function main() {
  console.log(`Bundling every function in ${root} …`);
  const bundles = await runBundleBench(root, runs);
  printBundleResults(bundles);
  writeSections(resultsFile, { bundles: { measuredAt: new Date().toISOString(), ...bundles } });
  // `npm run bench:bundles` (BENCH_ONLY=bundles): sizes and import times alone, a few minutes.
  if (process.env.BENCH_ONLY === 'bundles') return;
  const quality = runQualityBench(Number(process.env.BENCH_QUALITY_RUNS ?? 1_000));
  printQualityResults(quality);
  writeSections(resultsFile, { qualityChecker: { measuredAt: new Date().toISOString(), ...quality } });
  const exports = await runExportBench();
  printExportResults(exports);
  writeSections(resultsFile, { chronologyExport: { measuredAt: new Date().toISOString(), ...exports } });
  // Calls per request and load on a fresh local stack: `BENCH_LOCAL_STACK=skip` leaves them out.
  if (process.env.BENCH_LOCAL_STACK !== 'skip') await benchLocalStack(resultsFile);
  console.log(`\nWrote ${path.relative(root, resultsFile)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
