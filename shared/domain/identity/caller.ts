import type { Group } from './groups';
import type { StaffProfile } from '../staff/staff-profile';

export interface Elevation {
  readonly elevated: boolean;
  /** End of the elevation window, when elevated. */
  readonly until?: Date;
}

/** A signed-in member of staff, resolved from the token and their current profile. */
export interface StaffCaller {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly groups: readonly Group[];
  readonly profile: StaffProfile;
  readonly authTime: Date;
  readonly elevation: Elevation;
}

export interface AnonymousCaller {
  readonly kind: 'anonymous';
}

export type Caller = StaffCaller | AnonymousCaller;

export const anonymous: AnonymousCaller = { kind: 'anonymous' };

export function isInGroup(caller: Caller, group: Group): boolean {
  return caller.kind === 'staff' && caller.groups.includes(group);
}
