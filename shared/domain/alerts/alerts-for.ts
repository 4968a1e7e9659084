import type { Alert, AlertGroup } from './alert';
import type { StaffProfile } from '../staff/staff-profile';
import type { IdGenerator } from '../ports';

/**
 * Everyone an entry alerts: named staff plus the members of named groups as they are
 * now (expanded at send time), without the author and without disabled accounts.
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
  return [...everyone].filter((staffId) => activeStaff.get(staffId)?.status === 'active');
}

export function buildAlerts(
  ids: IdGenerator,
  recipients: readonly string[],
  facts: Omit<Alert, 'id' | 'recipientId' | 'readAt' | 'acknowledgedAt'>,
): Alert[] {
  return recipients.map((recipientId) => ({ ...facts, id: ids.next(), recipientId }));
}
