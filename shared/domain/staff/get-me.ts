import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { displayName } from './staff-profile';

/** The caller's own profile, groups and elevation state. */
export function describeMe(_deps: Pick<Deps, 'clock'>, caller: StaffCaller) {
  const { profile, elevation } = caller;
  return {
    id: profile.id,
    email: profile.email,
    givenName: profile.givenName,
    familyName: profile.familyName,
    displayName: displayName(profile),
    jobTitle: profile.jobTitle,
    groups: [...caller.groups],
    mfaEnrolled: Boolean(profile.mfaEnrolledAt),
    elevated: elevation.elevated,
    ...(elevation.until ? { elevatedUntil: elevation.until.toISOString() } : {}),
  };
}
