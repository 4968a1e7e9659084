import type { StaffCaller } from '../../../shared/domain/identity/caller';
import type { Group } from '../../../shared/domain/identity/groups';
import { staffProfile } from './staff-profiles';

/** A signed-in member of staff as `resolveCaller` would produce them. */
export function staffCaller(options: { groups?: readonly Group[]; elevated?: boolean; staffId?: string } = {}): StaffCaller {
  const groups = options.groups ?? ['staff'];
  const profile = staffProfile({ groups, ...(options.staffId ? { id: options.staffId } : {}) });
  const authTime = new Date('2025-01-15T09:45:00.000Z');
  return {
    kind: 'staff',
    staffId: profile.id,
    groups,
    profile,
    authTime,
    elevation: options.elevated ? { elevated: true, until: new Date('2025-01-15T10:15:00.000Z') } : { elevated: false },
  };
}

export const teacher = () => staffCaller({ groups: ['staff'] });
export const safeguardingLead = (elevated = false) => staffCaller({ groups: ['staff', 'dsl'], elevated });
export const seniorLeader = (elevated = false) => staffCaller({ groups: ['staff', 'slt'], elevated });
