import type { StaffProfile } from '../staff/staff-profile';
import { displayName } from '../staff/staff-profile';
import type { IncidentVersion } from './incident-version';

/** A version as the history shows it: who made it by name. */
export function versionView(version: IncidentVersion, staff: ReadonlyMap<string, StaffProfile>) {
  const author = staff.get(version.changedBy);
  return {
    version: version.version,
    changedBy: { id: version.changedBy, name: author ? displayName(author) : 'Former member of staff' },
    at: version.at,
    reason: version.reason,
    changes: version.changes.map((change) => ({ field: change.field, before: change.before, after: change.after })),
  };
}
