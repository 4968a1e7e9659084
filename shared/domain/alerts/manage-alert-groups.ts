import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { AlertGroup } from './alert';
import type { AlertGroupChange, NewAlertGroup } from '../../schemas/staff-admin';
import { UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, foundAbout, refusingAbout, type AuditSubject, type RequestOrigin } from '../audit/audit-context';
import { assertMayChangeAlertGroup, sharesIncidents } from '../permissions';

/**
 * Alert groups ("the 'SLT' button", seed 003). Administrators set them up; who is in one,
 * and so who reads what a teacher sends to it, is an elevated DSL's decision
 * (`assertMayChangeAlertGroup`). Every change is audited with members before and after.
 */
/** What managing alert groups touches. */
type AlertGroupAdminDeps = Pick<Deps, 'alertGroups' | 'staff' | 'clock' | 'ids'>;

export async function createAlertGroup(deps: AlertGroupAdminDeps, caller: StaffCaller, input: NewAlertGroup, origin: RequestOrigin) {
  const group: AlertGroup = { id: deps.ids.next().toLowerCase(), name: input.name, description: input.description, memberIds: [...new Set(input.memberIds)] };
  const subject = { action: 'alert-group.create', recordType: 'alert-group', recordId: group.id, detail: shapeChange(undefined, group) } satisfies AuditSubject;
  // Who may decide comes first: a refused attempt is a refusal whatever else is wrong with it.
  refusingAbout(subject, () => assertMayChangeAlertGroup(caller, { after: group }));
  await assertAlertable(deps, group.memberIds);
  await deps.alertGroups.save(group, auditEvent(deps, caller, origin, subject));
  return group;
}

export async function changeAlertGroup(deps: AlertGroupAdminDeps, caller: StaffCaller, groupId: string, change: AlertGroupChange, origin: RequestOrigin) {
  const current = await existingGroup(deps, groupId, 'alert-group.update');
  const updated: AlertGroup = {
    ...current,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.memberIds !== undefined ? { memberIds: [...new Set(change.memberIds)] } : {}),
  };
  const subject = { action: 'alert-group.update', recordType: 'alert-group', recordId: groupId, detail: shapeChange(current, updated) } satisfies AuditSubject;
  refusingAbout(subject, () => assertMayChangeAlertGroup(caller, { before: current, after: updated }));
  if (change.memberIds !== undefined) await assertAlertable(deps, updated.memberIds);
  await deps.alertGroups.save(updated, auditEvent(deps, caller, origin, subject));
  return updated;
}

export async function removeAlertGroup(deps: Pick<Deps, 'alertGroups' | 'clock' | 'ids'>, caller: StaffCaller, groupId: string, origin: RequestOrigin) {
  const current = await existingGroup(deps, groupId, 'alert-group.delete');
  const subject = { action: 'alert-group.delete', recordType: 'alert-group', recordId: groupId, detail: shapeChange(current, undefined) } satisfies AuditSubject;
  refusingAbout(subject, () => assertMayChangeAlertGroup(caller, { before: current }));
  await deps.alertGroups.remove(groupId, auditEvent(deps, caller, origin, subject));
}

async function existingGroup(deps: Pick<Deps, 'alertGroups'>, groupId: string, action: string): Promise<AlertGroup> {
  const current = (await deps.alertGroups.list()).find((group) => group.id === groupId);
  return foundAbout({ action, recordType: 'alert-group', recordId: groupId }, current, 'No such alert group.');
}

/** Before and after, for the audit trail: members always, name and description when they change. */
function shapeChange(before: AlertGroup | undefined, after: AlertGroup | undefined): Record<string, string> {
  return {
    membersBefore: (before?.memberIds ?? []).join(','),
    membersAfter: (after?.memberIds ?? []).join(','),
    ...(before && after && before.name !== after.name ? { nameBefore: before.name, nameAfter: after.name } : {}),
    ...(before && after && before.description !== after.description ? { descriptionBefore: before.description, descriptionAfter: after.description } : {}),
  };
}

/** Members must be staff: an account without the `staff` group is never sent incidents. */
async function assertAlertable(deps: Pick<Deps, 'staff'>, memberIds: readonly string[]): Promise<void> {
  const found = await deps.staff.getMany(memberIds);
  memberIds.forEach((staffId, index) => {
    const member = found.get(staffId);
    if (!member) throw new UnprocessableError('There is no such member of staff.', `memberIds.${index}`);
    if (!sharesIncidents(member)) throw new UnprocessableError('This account is not in the staff group, so it cannot be alerted.', `memberIds.${index}`);
  });
}
