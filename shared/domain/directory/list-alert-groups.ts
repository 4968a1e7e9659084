import type { Deps } from '../deps';

/** Alert groups to choose from (seed 003: "ALWAYS click the 'SLT' button for safeguarding concerns"). */
export async function listAlertGroups(deps: Pick<Deps, 'alertGroups'>) {
  const groups = await deps.alertGroups.list();
  return { alertGroups: groups.map((group) => ({ id: group.id, name: group.name, description: group.description, memberCount: group.memberIds.length })) };
}
