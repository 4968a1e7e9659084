import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { studentsOf } from '../incidents/incident';
import { staffRef } from '../staff/staff-profile';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { loadReadableIncident } from '../incidents/read-incident';
import { versionView } from './version-view';

/** Every version of an incident: its submission, then each change with who, when, why and before → after. */
export async function incidentHistory(deps: Pick<Deps, 'incidents' | 'casework' | 'categories' | 'staff' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, incidentId: string, origin: RequestOrigin) {
  const { stored } = await loadReadableIncident(deps, caller, incidentId, 'incident.history.read', 'incidents.history');
  const versions = await deps.casework.history(incidentId);
  const staff = await deps.staff.getMany([stored.incident.authorId, ...versions.map((version) => version.changedBy)]);
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'incident.history.read', recordType: 'incident', recordId: incidentId, studentIds: studentsOf(stored.incident) }));
  return {
    incidentId,
    currentVersion: stored.incident.version,
    recorded: { by: staffRef(stored.incident.authorId, staff.get(stored.incident.authorId)), at: stored.incident.recordedAt },
    versions: versions.map((version) => versionView(version, staff)),
  };
}
