import { elevatableGroups, type Group } from './groups';
import type { Elevation } from './caller';

export interface ElevationFacts {
  readonly groups: readonly Group[];
  /** When the server saw the member verify an authenticator code; absent if never. */
  readonly mfaEnrolledAt?: string;
  /** `auth_time` of the token: when the member last signed in (not refreshed). */
  readonly authTime: Date;
  readonly now: Date;
  readonly windowMinutes: number;
}

/**
 * Elevated = in dsl/slt, an authenticator enrolled (proven server-side), and a sign-in
 * after that enrolment (so it went through the TOTP challenge) within the window.
 */
export function elevationOf(facts: ElevationFacts): Elevation {
  if (!facts.groups.some((group) => elevatableGroups.includes(group))) return { elevated: false };
  if (!facts.mfaEnrolledAt) return { elevated: false };
  // auth_time is whole seconds, so a sign-in in the enrolment second itself cannot be told
  // apart from the session that enrolled (which had no code): only later seconds count.
  const enrolmentSecond = Math.floor(new Date(facts.mfaEnrolledAt).getTime() / 1000) * 1000;
  if (facts.authTime.getTime() <= enrolmentSecond) return { elevated: false };
  const until = new Date(facts.authTime.getTime() + facts.windowMinutes * 60_000);
  if (facts.now.getTime() >= until.getTime()) return { elevated: false };
  return { elevated: true, until };
}
