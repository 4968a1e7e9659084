import { startLocalStack } from '../../../local/local-stack';

/**
 * The local stack as a process of its own (as `npm start` runs it, without the staff app),
 * for a test to kill with SIGKILL: starts on LANTERN_DATA_DIR and prints READY.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const dataDir = process.env.LANTERN_DATA_DIR;
if (!dataDir) throw new Error('LANTERN_DATA_DIR is not set');
const stack = await startLocalStack({ dataDir, port: 0, quiet: true });
process.stdout.write(`READY ${stack.facts.apiUrl}\n`);
// Runs until killed.
setInterval(() => undefined, 60_000);
