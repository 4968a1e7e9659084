import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { Incident } from '../incidents/incident';
import { studentsOf } from '../incidents/incident';
import { StaleVersionError } from '../ports';
import { ConflictError, VersionConflictError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { loadIncidentView } from '../incidents/incident-view';
import { loadReadableIncident } from '../incidents/read-incident';
import { changesBetween, managedFieldsOf, type IncidentVersion } from './incident-version';
import { incidentUpdated } from './casework-events';

type ReviewDeps = Pick<Deps, 'incidents' | 'casework' | 'categories' | 'staff' | 'students' | 'alertGroups' | 'fileRecords' | 'audit' | 'clock' | 'ids'>;

/**
 * A DSL has read a new incident and taken it on (the triage list, oldest first, is a DSL's
 * start of the day): who, when and an optional note, kept as a version like any change.
 */
export async function reviewIncident(deps: ReviewDeps, caller: StaffCaller, incidentId: string, input: { readonly note?: string }, origin: RequestOrigin) {
  const { stored, catalogue } = await loadReadableIncident(deps, caller, incidentId, 'incident.review', 'incidents.review');
  const before = stored.incident;
  if (before.review) throw new ConflictError('This incident has already been reviewed.');
  const now = deps.clock.now().toISOString();
  const after: Incident = { ...before, review: { by: caller.staffId, at: now, ...(input.note ? { note: input.note } : {}) }, version: before.version + 1 };
  const version: IncidentVersion = {
    incidentId,
    version: after.version,
    changedBy: caller.staffId,
    at: now,
    reason: input.note ?? 'Reviewed',
    changes: changesBetween(managedFieldsOf(before), managedFieldsOf(after)),
  };
  const audit = auditEvent(deps, caller, origin, { action: 'incident.review', recordType: 'incident', recordId: incidentId, studentIds: studentsOf(before), detail: { version: String(after.version) } });
  try {
    await deps.casework.change({ incident: after, expectedVersion: before.version, version, alerts: [], audit, events: [incidentUpdated(deps.ids, before, after, version)] });
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = await deps.incidents.get(incidentId);
    throw new VersionConflictError(current?.incident.version ?? before.version);
  }
  return loadIncidentView(deps, caller, { ...stored, incident: after }, { seesEveryAction: true, catalogue });
}
