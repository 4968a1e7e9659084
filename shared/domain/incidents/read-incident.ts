import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { StoredIncident } from '../ports';
import { assertRecordAccess } from '../permissions';
import { NotFoundError } from '../../errors/lantern-error';
import { auditEvent, auditRefusal, type RequestOrigin } from '../audit/audit-context';
import { relationshipsTo } from './relationships';
import { loadIncidentView } from './incident-view';

/**
 * Loads an incident the caller may read, or answers 404 whether it is missing or hidden
 * from them (never reveal that a record exists). Both outcomes are audited.
 */
export async function loadReadableIncident(
  deps: Deps,
  caller: StaffCaller,
  incidentId: string,
  origin: RequestOrigin,
  action: string,
  routeId: 'incidents.read' | 'actions.create',
): Promise<StoredIncident> {
  const stored = await deps.incidents.get(incidentId);
  const subject = { action, recordType: 'incident' as const, recordId: incidentId, ...(stored ? { studentId: stored.incident.studentId } : {}) };
  return auditRefusal(deps, caller, origin, subject, () => {
    if (!stored) throw new NotFoundError('No such incident.');
    assertRecordAccess(routeId, caller, relationshipsTo(caller, stored));
    return stored;
  });
}

export async function readIncident(deps: Deps, caller: StaffCaller, incidentId: string, origin: RequestOrigin) {
  const stored = await loadReadableIncident(deps, caller, incidentId, origin, 'incident.read', 'incidents.read');
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'incident.read', recordType: 'incident', recordId: incidentId, studentId: stored.incident.studentId }));
  return loadIncidentView(deps, caller, stored);
}
