import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { AlertGroup } from './alert';
import type { AlertGroupChange, NewAlertGroup } from '../../schemas/staff-admin';
import { NotFoundError, UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/** Alert groups ("the 'SLT' button", seed 003) are kept by administrators. */
export async function createAlertGroup(deps: Deps, caller: StaffCaller, input: NewAlertGroup, origin: RequestOrigin) {
  const group: AlertGroup = { id: deps.ids.next().toLowerCase(), name: input.name, description: input.description, memberIds: await knownMembers(deps, input.memberIds) };
  await deps.alertGroups.save(group, auditEvent(deps, caller, origin, { action: 'alert-group.create', recordType: 'alert-group', recordId: group.id }));
  return group;
}

export async function changeAlertGroup(deps: Deps, caller: StaffCaller, groupId: string, change: AlertGroupChange, origin: RequestOrigin) {
  const current = (await deps.alertGroups.list()).find((group) => group.id === groupId);
  if (!current) throw new NotFoundError('No such alert group.');
  const updated: AlertGroup = {
    ...current,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.memberIds !== undefined ? { memberIds: await knownMembers(deps, change.memberIds) } : {}),
  };
  await deps.alertGroups.save(updated, auditEvent(deps, caller, origin, { action: 'alert-group.update', recordType: 'alert-group', recordId: groupId }));
  return updated;
}

export async function removeAlertGroup(deps: Deps, caller: StaffCaller, groupId: string, origin: RequestOrigin) {
  const current = (await deps.alertGroups.list()).find((group) => group.id === groupId);
  if (!current) throw new NotFoundError('No such alert group.');
  await deps.alertGroups.remove(groupId, auditEvent(deps, caller, origin, { action: 'alert-group.delete', recordType: 'alert-group', recordId: groupId }));
}

async function knownMembers(deps: Pick<Deps, 'staff'>, memberIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(memberIds)];
  const found = await deps.staff.getMany(unique);
  unique.forEach((staffId, index) => {
    if (!found.has(staffId)) throw new UnprocessableError('There is no such member of staff.', `memberIds.${index}`);
  });
  return unique;
}
