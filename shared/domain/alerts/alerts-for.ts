import type { Alert, AlertGroup } from './alert';
import type { StaffProfile } from '../staff/staff-profile';
import type { IdGenerator } from '../ports';
import { mayBeSentIncidents } from '../permissions';

/**
 * Everyone an entry alerts: named staff plus the members of named groups as they are
 * now (expanded at send time), without the author, disabled accounts, or accounts outside
 * the staff group (a group may still list one whose staff group was taken away since).
 */
export function recipientsOf(
  authorId: string,
  choice: { readonly staffIds: readonly string[]; readonly groupIds: readonly string[] },
  groups: readonly AlertGroup[],
  activeStaff: ReadonlyMap<string, StaffProfile>,
): string[] {
  const chosenGroups = groups.filter((group) => choice.groupIds.includes(group.id));
  const everyone = new Set([...choice.staffIds, ...chosenGroups.flatMap((group) => group.memberIds)]);
  everyone.delete(authorId);
  return [...everyone].filter((staffId) => {
    const member = activeStaff.get(staffId);
    return member !== undefined && mayBeSentIncidents(member);
  });
}

export function buildAlerts(
  ids: IdGenerator,
  recipients: readonly string[],
  facts: Omit<Alert, 'id' | 'recipientId' | 'readAt' | 'acknowledgedAt'>,
): Alert[] {
  return recipients.map((recipientId) => ({ ...facts, id: ids.next(), recipientId }));
}
