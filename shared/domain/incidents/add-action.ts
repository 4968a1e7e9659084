import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { NewAction } from '../../schemas/incidents';
import type { IncidentAction } from './incident';
import { UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { buildAlerts, recipientsOf } from '../alerts/alerts-for';
import { displayName } from '../staff/staff-profile';
import { actionAdded, alertRaised } from '../events';
import { loadReadableIncident } from './read-incident';
import { actionView } from './incident-view';
import { mayBeSentIncidents } from '../permissions';
import { attachableFiles } from '../files/attach-files';
import { attachedFileOf } from '../files/stored-file';

/**
 * The action's one transaction holds the incident check, the action, a tag item and an alert
 * per tagged person, the audit event, the outbox item and an attach per file: 2n + 4 + 5
 * items of DynamoDB's 100 at most.
 */
export const MAX_TAGGED = 45;

/**
 * Appends an action (seed 003 step 10: "add action ... Again, alert the relevant staff").
 * Actions are never edited. Anyone who may read the incident may add one; tagged staff
 * are alerted and may read the incident from then on.
 */
export async function addAction(deps: Pick<Deps, 'incidents' | 'categories' | 'audit' | 'clock' | 'ids' | 'students' | 'staff' | 'alertGroups' | 'logger' | 'fileRecords' | 'files'>, caller: StaffCaller, incidentId: string, input: NewAction, origin: RequestOrigin) {
  // The staff directory is needed whatever the incident holds: read it alongside the access
  // check (it shows no pupil, so reading it for a refused caller reveals nothing).
  const staffRead = deps.staff.list();
  staffRead.catch(() => undefined); // awaited below; only its rejection when the check fails first is dropped
  const { stored, catalogue } = await loadReadableIncident(deps, caller, incidentId, 'action.create', 'actions.create');
  const staff = await staffRead;
  // Only active accounts in the staff group may be tagged (permissions: recordingGroup).
  const activeStaff = new Map(staff.filter(mayBeSentIncidents).map((member) => [member.id, member]));
  const tagged = [...new Set(input.taggedStaffIds)];
  if (tagged.length > MAX_TAGGED) throw new UnprocessableError(`Tag at most ${MAX_TAGGED} people; they can pass it on.`, 'taggedStaffIds');
  tagged.forEach((staffId, index) => {
    if (!activeStaff.has(staffId)) throw new UnprocessableError('There is no such member of staff, or their account is disabled or not in the staff group.', `taggedStaffIds.${index}`);
  });
  const recipients = recipientsOf(caller.staffId, { staffIds: tagged, groupIds: [] }, [], activeStaff);
  const files = await attachableFiles(deps, caller, input.fileIds, 'fileIds');

  const now = deps.clock.now().toISOString();
  const action: IncidentAction = {
    id: deps.ids.next(),
    incidentId,
    text: input.text,
    authorId: caller.staffId,
    taggedStaffIds: tagged,
    ...(input.requestedStatus ? { requestedStatus: input.requestedStatus } : {}),
    ...(files.length > 0 ? { files: files.map(attachedFileOf) } : {}),
    createdAt: now,
  };
  const categoryNames = stored.incident.categories.map(
    (choice) => catalogue.find((category) => category.id === choice.categoryId)?.name ?? choice.categoryId,
  );
  const alerts = buildAlerts(deps.ids, recipients, {
    incidentId,
    actionId: action.id,
    kind: 'action',
    authorId: caller.staffId,
    authorName: displayName(caller.profile),
    categoryNames,
    studentId: stored.incident.studentId,
    createdAt: now,
  });
  await deps.incidents.appendAction({
    action,
    newlyTaggedStaffIds: tagged.filter((staffId) => !stored.taggedStaffIds.has(staffId)),
    attachFiles: files.map((file) => file.id),
    alerts,
    audit: auditEvent(deps, caller, origin, {
      action: 'action.create',
      recordType: 'action',
      recordId: incidentId,
      studentIds: [stored.incident.studentId],
      detail: { actionId: action.id },
    }),
    // In the action's transaction: its alerts' emails go out if and only if it is saved.
    events: [actionAdded(deps.ids, action), ...alerts.map((alert) => alertRaised(deps.ids, alert))],
  });
  // The caller wrote it, so sees it; every name it needs was read with the staff list.
  const scans = new Map(files.map((file) => [file.id, file.scan]));
  return actionView(action, new Map(staff.map((member) => [member.id, member])), (fileId) => scans.get(fileId) ?? 'pending');
}
