import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { IncidentChange } from '../../schemas/casework';
import type { Incident } from '../incidents/incident';
import { studentsOf } from '../incidents/incident';
import { StaleVersionError } from '../ports';
import { UnprocessableError, VersionConflictError } from '../../errors/lantern-error';
import { auditEvent, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { validateCategoryChoices } from '../categories/validate-choices';
import { buildAlerts } from '../alerts/alerts-for';
import { displayName } from '../staff/staff-profile';
import { mayBeSentIncidents } from '../permissions';
import { alertRaised } from '../events';
import { assertFitsOneRecord } from '../incidents/incident-size';
import { loadIncidentView } from '../incidents/incident-view';
import { loadReadableIncident } from '../incidents/read-incident';
import { changesBetween, managedFieldsOf, type IncidentVersion } from './incident-version';
import { incidentUpdated } from './casework-events';
import { versionView } from './version-view';

type ChangeDeps = Pick<Deps, 'incidents' | 'casework' | 'categories' | 'staff' | 'students' | 'alertGroups' | 'fileRecords' | 'audit' | 'clock' | 'ids'>;

/**
 * A DSL re-categorises, assigns, closes or reopens an incident, or changes its agencies,
 * with a reason (DESIGN section 2). The change is a new version; the incident, the version
 * (who, when, why, before → after), alerts to newly assigned staff, the audit event and the
 * outbox item with its events (IncidentUpdated, AlertRaised) commit in one transaction, only if nobody changed the incident since `expectedVersion`.
 */
export async function changeIncident(deps: ChangeDeps, caller: StaffCaller, incidentId: string, input: IncidentChange, origin: RequestOrigin) {
  const { stored, catalogue } = await loadReadableIncident(deps, caller, incidentId, 'incident.update', 'incidents.update');
  const before = stored.incident;
  if (input.expectedVersion !== before.version) throw new VersionConflictError(before.version);

  const categories = input.categories
    ? refusingAbout({ action: 'incident.update', recordType: 'incident', recordId: incidentId, studentIds: studentsOf(before) }, () => validateCategoryChoices(caller, input.categories!, catalogue))
    : undefined;
  const assignedTo = input.assignedTo ? [...new Set(input.assignedTo)] : before.assignedTo;
  const staff = await deps.staff.list();
  const activeStaff = new Map(staff.filter(mayBeSentIncidents).map((member) => [member.id, member]));
  const newlyAssigned = assignedTo.filter((staffId) => !before.assignedTo.includes(staffId));
  assignedTo.forEach((staffId, index) => {
    if (newlyAssigned.includes(staffId) && !activeStaff.has(staffId)) {
      throw new UnprocessableError('There is no such member of staff, or their account is disabled or not in the staff group.', `assignedTo.${index}`);
    }
  });

  const status = input.status ?? before.status;
  const { outcome: _previousOutcome, ...unchanged } = before;
  const outcome = status === 'closed' ? (input.outcome ?? before.outcome) : undefined;
  const after: Incident = {
    ...unchanged,
    categories: categories ? categories.choices : before.categories,
    status,
    ...(outcome !== undefined ? { outcome } : {}),
    assignedTo,
    agencies: input.agencies ?? before.agencies,
    version: before.version + 1,
  };
  const changes = changesBetween(managedFieldsOf(before), managedFieldsOf(after));
  if (changes.length === 0) throw new UnprocessableError('This would change nothing on the incident.', 'categories');
  assertFitsOneRecord(after);

  const now = deps.clock.now().toISOString();
  const version: IncidentVersion = { incidentId, version: after.version, changedBy: caller.staffId, at: now, reason: input.reason, changes };
  const categoryNames = after.categories.map((choice) => catalogue.find((category) => category.id === choice.categoryId)?.name ?? choice.categoryId);
  const alerts = buildAlerts(
    deps.ids,
    newlyAssigned.filter((staffId) => staffId !== caller.staffId),
    { incidentId, kind: 'incident', authorId: caller.staffId, authorName: displayName(caller.profile), categoryNames, studentId: before.studentId, createdAt: now },
  );
  const audit = auditEvent(deps, caller, origin, {
    action: 'incident.update',
    recordType: 'incident',
    recordId: incidentId,
    studentIds: studentsOf(after),
    detail: { version: String(after.version), fields: changes.map((change) => change.field).join(',') },
  });

  try {
    await deps.casework.change({ incident: after, expectedVersion: before.version, version, alerts, audit, events: [incidentUpdated(deps.ids, before, after, version), ...alerts.map((alert) => alertRaised(deps.ids, alert))] });
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = await deps.incidents.get(incidentId);
    throw new VersionConflictError(current?.incident.version ?? before.version);
  }
  const view = await loadIncidentView(deps, caller, { ...stored, incident: after }, { seesEveryAction: true, catalogue });
  return { incident: view, version: versionView(version, new Map(staff.map((member) => [member.id, member]))) };
}
