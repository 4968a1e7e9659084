import type { StaffProfile } from '../staff/staff-profile';
import { staffRef } from '../staff/staff-profile';
import type { IncidentVersion } from './incident-version';

/** A version as the history shows it: who made it by name. */
export function versionView(version: IncidentVersion, staff: ReadonlyMap<string, StaffProfile>) {
  return {
    version: version.version,
    changedBy: staffRef(version.changedBy, staff.get(version.changedBy)),
    at: version.at,
    reason: version.reason,
    changes: version.changes.map((change) => ({ field: change.field, before: change.before, after: change.after })),
  };
}
