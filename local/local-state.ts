import { readFile, rename, writeFile } from 'node:fs/promises';
import { LocalStackError } from './local-stack-error';

/**
 * What the local twin created on earlier runs, so a restart reuses it instead of making a
 * second user pool (cognito-local generates new ids on every create).
 */
export interface LocalState {
  readonly ports: Partial<Record<'dynamodb' | 's3' | 'cognito' | 'ses' | 'eventbridge' | 'scheduler', number>>;
  readonly userPool?: { readonly id: string; readonly clientId: string };
  /** By demo user email: the Cognito sub and the enrolled TOTP secret. */
  readonly users: Readonly<Record<string, { readonly id: string; readonly totpSecret?: string }>>;
}

export const emptyState: LocalState = { ports: {}, users: {} };

export async function readLocalState(file: string): Promise<LocalState> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LocalState>;
    return { ports: parsed.ports ?? {}, userPool: parsed.userPool, users: parsed.users ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState;
    throw new LocalStackError(`Cannot read ${file}: ${(error as Error).message}. Delete it or start with --fresh.`);
  }
}

/** Writes JSON atomically (temp file + rename) so a Ctrl-C mid-write leaves the old file. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
