import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const WEB_DIR = join(import.meta.dirname, '..', 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

/** The newest modification time under the app's sources (and its build configuration). */
async function newestSource(): Promise<number> {
  let newest = 0;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const path of [join(WEB_DIR, 'src'), join(WEB_DIR, 'public'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')]) await visit(path);
  return newest;
}

async function webBuildIsStale(): Promise<boolean> {
  const built = await stat(join(WEB_DIST, 'index.html')).catch(() => undefined);
  if (!built) return true;
  return (await newestSource()) > built.mtimeMs;
}

/** Builds web/dist with Vite when it is missing or older than web/src; answers whether it built. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  if (!(await webBuildIsStale())) return false;
  log('Building the staff app (web/dist)…');
  // A child process with NODE_ENV=production: under vitest NODE_ENV is "test", which would
  // give React's development build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 10 * 1024 * 1024,
  });
  return true;
}
