import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBanner } from './banner';
import { startLocalStack, type LocalStack } from './local-stack';
import { LocalStackError } from './local-stack-error';
import { ensureWebBuild, WEB_DIST } from './web-build';

/**
 * `npm start`: Lantern on this machine with no AWS account. `--fresh` wipes the data
 * folder first; PORT (default 3000) and LANTERN_DATA_DIR (default .lantern) choose where.
 */
async function main(): Promise<void> {
  // The SDK's notice that 2027 releases need Node 22 (see TOOLCHAIN.md) would bury the banner.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log('Usage: npm start [-- --fresh]\n  PORT              API port (default 3000; 0 = any free port)\n  LANTERN_DATA_DIR  data folder (default .lantern)');
    return;
  }
  const port = parsePort(process.env.PORT);
  const dataDir = resolve(process.env.LANTERN_DATA_DIR ?? '.lantern');
  console.log(`Starting Lantern's local twin${values.fresh ? ' from a fresh data folder' : ''}…`);

  let starting: Promise<LocalStack> | undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: stop waiting. The exit hook still kills the DynamoDB Local JVM.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping Lantern…`);
    // Mid-start, let the start finish (or fail and clean up) and then stop what it started.
    await starting?.then((stack) => stack.stop(), () => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let stack: LocalStack;
  try {
    await ensureWebBuild();
    starting = startLocalStack({ dataDir, port, fresh: values.fresh, quiet: false, webRoot: WEB_DIST });
    stack = await starting;
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof LocalStackError ? error.message : `Lantern could not start: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  }
  if (stopping) return;
  console.log(formatBanner(stack.facts, { startupSeconds: stack.startupSeconds }));
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0 for any free port), not "${value}"`);
    process.exit(1);
  }
  return port;
}

await main();
