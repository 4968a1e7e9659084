import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../local/local-stack';

export interface StackInFreshFolder {
  readonly stack: LocalStack;
  readonly dataDir: string;
  /** Stops the stack and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * A local stack on a data folder of its own (any free API port, quiet): the run's shared
 * stack, or one a file needs to itself. The folder is removed again if the stack fails to start.
 */
export async function startStackInFreshFolder(prefix: string): Promise<StackInFreshFolder> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ dataDir, port: 0, quiet: true });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    stack,
    dataDir,
    stop: async () => {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
