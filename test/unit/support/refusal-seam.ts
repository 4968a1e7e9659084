import type { Deps } from '../../../shared/domain/deps';
import type { Caller } from '../../../shared/domain/identity/caller';
import { recordRefusal } from '../../../shared/domain/audit/audit-context';
import { requestOrigin } from './school-cast';

/**
 * A domain call as a route makes it: a refusal is audited by the route's one refusal seam,
 * against what the domain said the attempt was about (else against the route).
 */
export async function throughRefusalSeam<T>(deps: Pick<Deps, 'clock' | 'ids' | 'audit'>, caller: Caller, attempt: Promise<T>): Promise<T> {
  try {
    return await attempt;
  } catch (error) {
    await recordRefusal(deps, caller, requestOrigin, error, { action: 'route', recordType: 'route', recordId: 'route' });
    throw error;
  }
}
