import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { AlertGroup } from './alert';
import type { AlertGroupChange, NewAlertGroup } from '../../schemas/staff-admin';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/** Alert groups ("the 'SLT' button", seed 003) are kept by administrators. */
/** What managing alert groups touches. */
type AlertGroupAdminDeps = Pick<Deps, 'alertGroups' | 'staff' | 'clock' | 'ids'>;

export async function createAlertGroup(deps: AlertGroupAdminDeps, caller: StaffCaller, input: NewAlertGroup, origin: RequestOrigin) {
  const memberIds = await knownMembers(deps, input.memberIds);
  assertNotJoiningThemselves(caller, [], memberIds);
  const group: AlertGroup = { id: deps.ids.next().toLowerCase(), name: input.name, description: input.description, memberIds };
  await deps.alertGroups.save(
    group,
    auditEvent(deps, caller, origin, { action: 'alert-group.create', recordType: 'alert-group', recordId: group.id, detail: { membersAfter: memberIds.join(',') } }),
  );
  return group;
}

export async function changeAlertGroup(deps: AlertGroupAdminDeps, caller: StaffCaller, groupId: string, change: AlertGroupChange, origin: RequestOrigin) {
  const current = (await deps.alertGroups.list()).find((group) => group.id === groupId);
  if (!current) throw new NotFoundError('No such alert group.');
  const updated: AlertGroup = {
    ...current,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.memberIds !== undefined ? { memberIds: await knownMembers(deps, change.memberIds) } : {}),
  };
  assertNotJoiningThemselves(caller, current.memberIds, updated.memberIds);
  const detail = change.memberIds !== undefined ? { membersBefore: current.memberIds.join(','), membersAfter: updated.memberIds.join(',') } : undefined;
  await deps.alertGroups.save(
    updated,
    auditEvent(deps, caller, origin, { action: 'alert-group.update', recordType: 'alert-group', recordId: groupId, ...(detail ? { detail } : {}) }),
  );
  return updated;
}

export async function removeAlertGroup(deps: Pick<Deps, 'alertGroups' | 'clock' | 'ids'>, caller: StaffCaller, groupId: string, origin: RequestOrigin) {
  const current = (await deps.alertGroups.list()).find((group) => group.id === groupId);
  if (!current) throw new NotFoundError('No such alert group.');
  await deps.alertGroups.remove(groupId, auditEvent(deps, caller, origin, { action: 'alert-group.delete', recordType: 'alert-group', recordId: groupId }));
}

/**
 * Membership of a group brings its alerts, and with them incident content: an
 * administrator may not put themselves in one (every change is audited with before/after).
 */
function assertNotJoiningThemselves(caller: StaffCaller, before: readonly string[], after: readonly string[]) {
  if (after.includes(caller.staffId) && !before.includes(caller.staffId)) {
    throw new ForbiddenError('You cannot add yourself to an alert group; ask another administrator.');
  }
}

async function knownMembers(deps: Pick<Deps, 'staff'>, memberIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(memberIds)];
  const found = await deps.staff.getMany(unique);
  unique.forEach((staffId, index) => {
    if (!found.has(staffId)) throw new UnprocessableError('There is no such member of staff.', `memberIds.${index}`);
  });
  return unique;
}
