import type { Deps } from '../deps';
import type { AuditEvent } from './audit-event';

/**
 * Writes a read's audit event and runs the read together, once the gate has passed.
 *
 * Why the order is safe: the event records that this caller, allowed in, read this record,
 * which is true whether or not the query then succeeds, so it need not wait for the query;
 * and both are awaited to the end (never abandoned when the other fails), so a failing read
 * still leaves its audit event, and a failed audit write fails the request: nothing is
 * shown that the trail does not hold.
 */
export async function auditedRead<T>(deps: Pick<Deps, 'audit'>, event: AuditEvent, read: () => Promise<T>): Promise<T> {
  const [audited, result] = await Promise.allSettled([deps.audit.record(event), read()]);
  if (audited.status === 'rejected') throw audited.reason;
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
