import { mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { routes } from '../shared/api/routes';
import { eventRules } from '../shared/events/rules';
import { OUTBOX_RELAY_ENTRY } from '../infra/constructs/outbox-relay';
import { cognitoTriggers } from '../shared/triggers/cognito-triggers';

export interface FunctionBundle {
  readonly id: string;
  readonly entry: string;
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Every Lambda entry the stack deploys, from the same catalogues the stack reads. */
export function functionEntries(): { id: string; entry: string }[] {
  return [
    ...routes.map((route) => ({ id: route.id, entry: route.entry })),
    ...eventRules.map((rule) => ({ id: `event:${rule.id}`, entry: rule.entry })),
    ...cognitoTriggers.map((trigger) => ({ id: `cognito:${trigger.id}`, entry: trigger.entry })),
    { id: 'stream:outbox-relay', entry: OUTBOX_RELAY_ENTRY },
  ];
}

/** Bundles each entry the way infra/constructs/lantern-function.ts asks esbuild to. */
export async function bundleFunctions(root: string, outDir: string): Promise<FunctionBundle[]> {
  await mkdir(outDir, { recursive: true });
  const bundles: FunctionBundle[] = [];
  for (const { id, entry } of functionEntries()) {
    const file = path.join(outDir, `${id.replace(/[^a-z0-9.-]/gi, '_')}.mjs`);
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      minify: true,
      mainFields: ['module', 'main'],
      banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const code = await readFile(file);
    bundles.push({ id, entry, file, bytes: code.length, gzipBytes: gzipSync(code).length });
  }
  return bundles;
}
