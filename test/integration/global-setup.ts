import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/local-stack';

/**
 * One local stack for the whole integration run: a fresh data folder, any free API port,
 * quiet. Test files read its facts with `localFacts()` (vitest `provide`/`inject`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-integration-'));
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  project.provide('lantern', stack.facts);
  console.log(`[lantern] local stack for the integration tests ready in ${stack.startupSeconds} s at ${stack.facts.apiUrl}`);
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
