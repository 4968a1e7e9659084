import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../../../local/check-chromium';

/**
 * Headless Debian Chromium as root on a closed network: no sandbox (root), no GPU, and no
 * background traffic (QUIC, component updates, sync, first-run pings), which would otherwise
 * flood the network with refused connections. See TOOLCHAIN.md.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumLaunchOptions {
  executablePath: string;
  headless: boolean;
  args: string[];
}

/**
 * Options for playwright-core's `chromium.launch(chromiumLaunchOptions())`. No
 * `--user-data-dir` here: `launch()` already gives every browser a fresh temporary profile and
 * refuses that argument. For `launchPersistentContext`, pass `freshUserDataDir()` as its first
 * argument; to spawn Chromium directly, use `chromiumCommandLine()`.
 */
export function chromiumLaunchOptions(): ChromiumLaunchOptions {
  return { executablePath: CHROMIUM_PATH, headless: true, args: [...chromiumArgs] };
}

/** A new, empty profile directory under the system temp dir. */
export function freshUserDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'lantern-chromium-'));
}

/** The full command line for launching Chromium without Playwright: the flags plus a fresh profile. */
export function chromiumCommandLine(): { executablePath: string; args: string[] } {
  return { executablePath: CHROMIUM_PATH, args: ['--headless', ...chromiumArgs, `--user-data-dir=${freshUserDataDir()}`] };
}
