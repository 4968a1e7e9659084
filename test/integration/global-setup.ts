import type { TestProject } from 'vitest/node';
import { startStackInFreshFolder } from './support/stack-in-fresh-folder';

/**
 * One local stack for the whole integration run: a fresh data folder, any free API port,
 * quiet. Test files read its facts with `localFacts()` (vitest `provide`/`inject`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { stack, stop } = await startStackInFreshFolder('lantern-integration-');
  project.provide('lantern', stack.facts);
  console.log(`[lantern] local stack for the integration tests ready in ${stack.startupSeconds} s at ${stack.facts.apiUrl}`);
  return stop;
}
