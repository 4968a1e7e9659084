import type { Deps } from '../deps';
import type { LogFields } from '../../logging/logger';

/**
 * Runs a step that follows a committed write (publishing its events, scheduling its
 * reminder). The record is saved by then, so a failure here must not answer 500 as if it
 * were not: a client retrying without an Idempotency-Key would record it twice. The
 * failure is logged (ids only) and the caller still gets the saved record.
 */
export async function afterCommit(deps: Pick<Deps, 'logger'>, step: string, ids: LogFields, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    deps.logger.error(`${step} failed after the record was saved`, ids, error);
  }
}
