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

/**
 * A partner's system (a police force, a local authority) signed in with OAuth client
 * credentials: no staff profile, only its app client and the scopes its token carries.
 */
export interface PartnerCaller {
  readonly kind: 'partner';
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export type Caller = StaffCaller | PartnerCaller | AnonymousCaller;

export const anonymous: AnonymousCaller = { kind: 'anonymous' };

export function isInGroup(caller: Caller, group: Group): boolean {
  return caller.kind === 'staff' && caller.groups.includes(group);
}
