import os from 'node:os';
import path from 'node:path';
import { allFunctions } from '../shared/deps/function-catalogue';
import { bundleFunction, bundleReference, referenceKey, type Bundle } from './bundle-functions';
import { importArgs, timeNode } from './import-time';

/** Targets from issue 10, checked here (never by timed tests). */
export const bundleTargets = {
  /** Public routes a browser calls before sign-in. */
  smallRoutes: { ids: ['health.read', 'config.read'], maxKiB: 150 },
  maxSizeRatio: 1.3,
  maxImportRatio: 1.3,
} as const;

// Handlers read their configuration at import; these values are well-formed and unused.
export const benchEnvironment: NodeJS.ProcessEnv = {
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
  CURSOR_KEY: 'bench-cursor-key-0123456789abcdef0123456789',
  LOG_LEVEL: 'error',
};

interface Measured {
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly importMs: number;
}

export interface FunctionFigures extends Measured {
  readonly id: string;
  readonly uses: readonly string[];
  readonly importVsBareNode: number;
  /** The SDK-only bundle of the same AWS services; absent for a function that uses none. */
  readonly reference?: Measured & { readonly services: string };
  readonly sizeRatio?: number;
  readonly importRatio?: number;
}

export interface TargetCheck {
  readonly target: string;
  readonly pass: boolean;
  readonly detail: string;
}

export interface BundleResults {
  readonly machine: { readonly cpus: string; readonly cores: number; readonly node: string; readonly platform: string };
  readonly runs: number;
  readonly bareNodeMs: number;
  readonly functions: readonly FunctionFigures[];
  readonly targets: readonly TargetCheck[];
}

const kib = (bytes: number) => bytes / 1024;
const measure = (bundle: Bundle, runs: number): Measured => ({
  bytes: bundle.bytes,
  gzipBytes: bundle.gzipBytes,
  importMs: timeNode(importArgs(bundle.file), benchEnvironment, runs),
});

/**
 * Every function bundled as the stack bundles it, beside a reference bundle of just the SDK
 * clients it uses, both built and imported in fresh Node processes in this same run: the
 * ratios, not the absolute numbers, are what carries between machines.
 */
export async function runBundleBench(root: string, runs: number): Promise<BundleResults> {
  const outDir = path.join(root, '.bench', 'bundles');
  const bareNodeMs = timeNode(['-e', ''], benchEnvironment, runs);
  const references = new Map<string, Measured>();
  const functions: FunctionFigures[] = [];
  for (const fn of allFunctions) {
    const measured = measure(await bundleFunction(root, outDir, fn), runs);
    const key = referenceKey(fn.uses);
    if (key && !references.has(key)) references.set(key, measure(await bundleReference(root, outDir, key), runs));
    const reference = key ? { services: key, ...references.get(key)! } : undefined;
    functions.push({
      id: fn.id,
      uses: [...fn.uses],
      ...measured,
      importVsBareNode: measured.importMs / bareNodeMs,
      ...(reference ? { reference, sizeRatio: measured.bytes / reference.bytes, importRatio: measured.importMs / reference.importMs } : {}),
    });
  }
  return {
    machine: { cpus: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
    runs,
    bareNodeMs,
    functions,
    targets: checkTargets(functions),
  };
}

export function checkTargets(functions: readonly FunctionFigures[]): TargetCheck[] {
  const { smallRoutes, maxSizeRatio, maxImportRatio } = bundleTargets;
  const checks: TargetCheck[] = smallRoutes.ids.map((id) => {
    const fn = functions.find((candidate) => candidate.id === id)!;
    return { target: `${id} ≤ ${smallRoutes.maxKiB} KiB`, pass: kib(fn.bytes) <= smallRoutes.maxKiB, detail: `${kib(fn.bytes).toFixed(1)} KiB` };
  });
  for (const fn of functions) {
    if (fn.sizeRatio === undefined || fn.importRatio === undefined) continue;
    checks.push({ target: `${fn.id} size ≤ ${maxSizeRatio}× SDK-only`, pass: fn.sizeRatio <= maxSizeRatio, detail: `${fn.sizeRatio.toFixed(2)}×` });
    checks.push({ target: `${fn.id} import ≤ ${maxImportRatio}× SDK-only`, pass: fn.importRatio <= maxImportRatio, detail: `${fn.importRatio.toFixed(2)}×` });
  }
  return checks;
}

export function printBundleResults(results: BundleResults): void {
  const header = ['function', 'min KiB', 'gzip KiB', 'import ms', '× node', 'SDK ref', 'ref KiB', 'ref ms', 'size ×ref', 'import ×ref'];
  const table = results.functions.map((fn) => [
    fn.id,
    kib(fn.bytes).toFixed(1),
    kib(fn.gzipBytes).toFixed(1),
    fn.importMs.toFixed(1),
    fn.importVsBareNode.toFixed(2),
    fn.reference?.services ?? '—',
    fn.reference ? kib(fn.reference.bytes).toFixed(1) : '—',
    fn.reference ? fn.reference.importMs.toFixed(1) : '—',
    fn.sizeRatio?.toFixed(2) ?? '—',
    fn.importRatio?.toFixed(2) ?? '—',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 5 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\nBundles (${results.machine.cpus}, ${results.machine.cores} cores, Node ${results.machine.node}); bare \`node -e ''\`: ${results.bareNodeMs.toFixed(1)} ms, median of ${results.runs}\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  const failed = results.targets.filter((check) => !check.pass);
  console.log(`\nTargets: ${results.targets.length - failed.length} of ${results.targets.length} pass`);
  for (const check of results.targets) if (!check.pass || check.target.includes('KiB')) console.log(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.detail}`);
}
