import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { chromiumLaunchOptions } from './support/chromium-launch';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/local-stack';
import { ensureWebBuild, WEB_DIST } from '../../local/web-build';

/**
 * The browser tests' world: the staff app built if web/dist is missing or stale, and one
 * local stack (fresh data, any free port) serving it from the API's port, as `npm start` does.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const chromium = chromiumLaunchOptions().executablePath ?? '';
  if (!existsSync(chromium)) throw new Error(`No Chromium at ${chromium}: run \`bash scripts/install-system-deps.sh\` as root (it installs Debian's chromium).`);
  await ensureWebBuild((line) => console.log(`[e2e] ${line}`));
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-e2e-'));
  const stack = await startLocalStack({ dataDir, port: 0, quiet: true, webRoot: WEB_DIST });
  project.provide('lantern', stack.facts);
  console.log(`[e2e] local stack ready in ${stack.startupSeconds} s at ${stack.facts.apiUrl}`);
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
