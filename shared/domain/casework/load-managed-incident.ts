import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { StoredIncident } from '../ports';
import type { Category } from '../categories/category';
import type { RouteId } from '../../api/routes';
import { assertRecordAccess } from '../permissions';
import { NotFoundError } from '../../errors/lantern-error';
import { refusingAbout } from '../audit/audit-context';
import { incidentFacts } from '../incidents/relationships';
import { studentsOf } from '../incidents/incident';

/**
 * Loads an incident for a casework route, or answers 404 whether it is missing or closed to
 * the caller's categories. A refusal is audited against the incident and its pupils.
 */
export async function loadManagedIncident(
  deps: Pick<Deps, 'incidents' | 'categories'>,
  caller: StaffCaller,
  incidentId: string,
  action: string,
  routeId: RouteId,
): Promise<{ stored: StoredIncident; catalogue: readonly Category[] }> {
  const [stored, catalogue] = await Promise.all([deps.incidents.get(incidentId), deps.categories.list()]);
  const subject = { action, recordType: 'incident' as const, recordId: incidentId, ...(stored ? { studentIds: studentsOf(stored.incident) } : {}) };
  return refusingAbout(subject, () => {
    if (!stored) throw new NotFoundError('No such incident.');
    assertRecordAccess(routeId, caller, incidentFacts(caller, stored, catalogue));
    return { stored, catalogue };
  });
}
