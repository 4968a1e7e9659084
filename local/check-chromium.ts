import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Debian's Chromium, which the browser tests drive (never one Playwright downloads); `CHROMIUM_PATH` points the checks and the browser tests elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ChromiumCheck = { ok: true; executablePath: string; majorVersion: number } | { ok: false; message: string };

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

/** Whether the browser tests can launch Chromium at `executablePath`, and which version it is. */
export function checkChromium(executablePath: string = CHROMIUM_PATH): ChromiumCheck {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    return { ok: false, message: howToInstall(`Chromium was not found at ${executablePath} (or is not executable).`) };
  }
  const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    return { ok: false, message: howToInstall(`\`${executablePath} --version\` failed: ${result.error?.message ?? `exit status ${result.status}`}.`) };
  }
  const majorVersion = parseChromiumVersion(result.stdout);
  if (majorVersion === undefined) return { ok: false, message: howToInstall(`Could not read a version from \`${executablePath} --version\`.`) };
  return { ok: true, executablePath, majorVersion };
}

/** For the browser tests' setup: fails, saying how to install Chromium, before any test runs. */
export function requireChromium(executablePath: string = CHROMIUM_PATH): { executablePath: string; majorVersion: number } {
  const check = checkChromium(executablePath);
  if (!check.ok) throw new ChromiumMissingError(check.message);
  return check;
}

/** `Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)` → 156. */
export function parseChromiumVersion(output: string): number | undefined {
  const match = /Chromium (\d+)\.\d+/.exec(output);
  return match?.[1] ? Number(match[1]) : undefined;
}

function howToInstall(problem: string): string {
  return [
    problem,
    "The browser tests drive Debian's Chromium at /usr/bin/chromium. Install it with:",
    '  bash scripts/install-system-deps.sh        (Debian/Ubuntu, as root; or: npm run setup:machine)',
    'or directly:',
    '  apt-get update && apt-get install -y chromium',
    'Never `npx playwright install`: the tests use the system Chromium.',
  ].join('\n');
}
