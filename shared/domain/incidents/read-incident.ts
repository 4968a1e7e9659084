import type { Deps } from '../deps';
import type { RouteId } from '../../api/routes';
import type { StaffCaller } from '../identity/caller';
import type { StoredIncident } from '../ports';
import { assertRecordAccess, readsAsElevatedViewer } from '../permissions';
import { NotFoundError } from '../../errors/lantern-error';
import { auditEvent, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { auditedRead } from '../audit/audited-read';
import { incidentFacts } from './relationships';
import { loadIncidentView } from './incident-view';
import type { Category } from '../categories/category';
import { studentsOf } from './incident';

export interface ReadableIncident {
  readonly stored: StoredIncident;
  /** Read through elevation rather than a relationship: every action is shown. */
  readonly asElevatedViewer: boolean;
  /** The school's categories, read to decide access; reused rather than read again. */
  readonly catalogue: readonly Category[];
}

/**
 * Loads an incident the caller may read, act on or manage under the route's record rule, or
 * answers 404 whether it is missing or hidden from them (never reveal that a record exists).
 * A refusal is audited against the incident and its pupils (by the route's refusal seam).
 */
export async function loadReadableIncident(
  deps: Pick<Deps, 'incidents' | 'categories'>,
  caller: StaffCaller,
  incidentId: string,
  action: string,
  routeId: RouteId,
): Promise<ReadableIncident> {
  const [stored, catalogue] = await Promise.all([deps.incidents.get(incidentId), deps.categories.list()]);
  const subject = { action, recordType: 'incident' as const, recordId: incidentId, ...(stored ? { studentIds: studentsOf(stored.incident) } : {}) };
  return refusingAbout(subject, () => {
    if (!stored) throw new NotFoundError('No such incident.');
    const facts = incidentFacts(caller, stored, catalogue);
    assertRecordAccess(routeId, caller, facts);
    return { stored, asElevatedViewer: readsAsElevatedViewer(caller, facts), catalogue };
  });
}

export async function readIncident(deps: Pick<Deps, 'incidents' | 'categories' | 'audit' | 'clock' | 'ids' | 'students' | 'staff' | 'alertGroups' | 'fileRecords'>, caller: StaffCaller, incidentId: string, origin: RequestOrigin) {
  const { stored, asElevatedViewer, catalogue } = await loadReadableIncident(deps, caller, incidentId, 'incident.read', 'incidents.read');
  // The gate and the record's own rule have passed: audit and build the view together. The
  // view names the pupil and every linked pupil: the read is found under each of them.
  return auditedRead(deps, auditEvent(deps, caller, origin, { action: 'incident.read', recordType: 'incident', recordId: incidentId, studentIds: studentsOf(stored.incident) }), () =>
    loadIncidentView(deps, caller, stored, { seesEveryAction: asElevatedViewer, catalogue }),
  );
}
