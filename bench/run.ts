import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFunctions } from './bundle-functions';
import { importArgs, timeNode } from './import-time';
import { benchLocalStack } from './local-stack-bench';

/**
 * `npm run bench`: for every Lambda bundle, its minified size and the time a fresh Node
 * process takes to import it (cold start: module evaluation, config, SDK clients),
 * relative to a bare `node -e ''` measured in the same run. Ratios, not timed
 * assertions: the absolute numbers move with the machine's load.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);

// Handlers read their configuration at import; these values are well-formed and unused.
const handlerEnvironment: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  SCHOOL_ID: 'bench-school',
  SCHOOL_NAME: 'Bench School',
  SCHOOL_TIMEZONE: 'Europe/London',
  APP_BASE_URL: 'https://bench.example',
  RECORDS_TABLE: 'records',
  AUDIT_TABLE: 'audit',
  FILES_BUCKET: 'files',
  EVENT_BUS_NAME: 'bus',
  EVENT_BUS_ARN: 'arn:aws:events:eu-west-2:111111111111:event-bus/bus',
  REMINDER_SCHEDULE_GROUP: 'reminders',
  REMINDER_ROLE_ARN: 'arn:aws:iam::111111111111:role/reminders',
  REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:111111111111:reminders-dlq',
  USER_POOL_ID: 'eu-west-2_bench',
  USER_POOL_CLIENT_ID: 'bench',
  SENDER_EMAIL: 'lantern@bench.example',
  LOG_LEVEL: 'error',
};

async function main() {
  console.log(`Bundling ${root} …`);
  const bundles = await bundleFunctions(root, path.join(root, '.bench', 'bundles'));
  const baseline = timeNode(['-e', ''], handlerEnvironment, runs);
  const rows = bundles.map((bundle) => {
    const importMs = timeNode(importArgs(bundle.file), handlerEnvironment, runs);
    return { ...bundle, importMs, ratio: importMs / baseline };
  });

  const header = ['function', 'minified KiB', 'gzip KiB', 'import ms', '× bare node'];
  const table = rows.map((row) => [row.id, (row.bytes / 1024).toFixed(1), (row.gzipBytes / 1024).toFixed(1), row.importMs.toFixed(1), row.ratio.toFixed(2)]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\nBare \`node -e ''\`: ${baseline.toFixed(1)} ms (median of ${runs})\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  const largest = rows.reduce((best, row) => (row.bytes > best.bytes ? row : best));
  const slowest = rows.reduce((best, row) => (row.ratio > best.ratio ? row : best));
  console.log(`\nLargest bundle: ${largest.id} (${(largest.bytes / 1024).toFixed(1)} KiB). Slowest import: ${slowest.id} (${slowest.ratio.toFixed(2)}× bare node).`);

  if (process.env.BENCH_LOCAL_STACK !== 'skip') await benchLocalStack(path.join(root, 'bench', 'results.json'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
