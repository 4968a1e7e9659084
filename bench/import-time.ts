import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Wall time of a fresh `node` that imports one bundle, against a fresh `node -e ''` timed
 * in the same run: the ratio is what a cold start adds, whatever this machine's speed.
 */
export function medianMs(samples: number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function timeNode(args: string[], environment: NodeJS.ProcessEnv, runs: number): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 500)}`);
    samples.push(elapsed);
  }
  return medianMs(samples);
}

export function importArgs(file: string): string[] {
  return ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)});`];
}
