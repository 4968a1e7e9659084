import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { AuditQuery } from '../../schemas/audit';
import { auditEvent, type RequestOrigin } from './audit-context';

/**
 * The audit trail for a DSL: by record, by member of staff or by pupil, oldest first.
 * Reading it is itself audited, written before the answer goes back.
 */
export async function readAudit(deps: Pick<Deps, 'audit' | 'clock' | 'ids'>, caller: StaffCaller, query: AuditQuery, origin: RequestOrigin) {
  const [by, id] = query.recordId ? (['record', query.recordId] as const) : query.staffId ? (['staff', query.staffId] as const) : (['student', query.studentId!] as const);
  const page = await deps.audit.search({ by, id, from: query.from, to: query.to, limit: query.limit, cursor: query.cursor });
  // Not alongside the search: this event is itself on the trail being read (by record or
  // pupil), and written concurrently it would appear on the page or not at random.
  await deps.audit.record(
    auditEvent(deps, caller, origin, { action: `audit.read.${by}`, recordType: 'audit', recordId: id, ...(by === 'student' ? { studentIds: [id] } : {}) }),
  );
  return page;
}
