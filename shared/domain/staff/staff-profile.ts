import type { Group } from '../identity/groups';

export type AccountStatus = 'active' | 'disabled';

/** A member of staff: the Cognito user (id = `sub`) plus the school's profile of them. */
export interface StaffProfile {
  readonly id: string;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  /** Authoritative groups: read on every request, so a change applies at once. */
  readonly groups: readonly Group[];
  readonly status: AccountStatus;
  /** When the member proved an authenticator to the server; absent until then. */
  readonly mfaEnrolledAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function displayName(profile: Pick<StaffProfile, 'givenName' | 'familyName'>): string {
  return `${profile.givenName} ${profile.familyName}`;
}

/** How a member of staff is shown beside a record: id and name ("Former member of staff" once gone from the directory). */
export function staffRef(staffId: string, profile: Pick<StaffProfile, 'givenName' | 'familyName'> | undefined) {
  return { id: staffId, name: profile ? displayName(profile) : 'Former member of staff' };
}
