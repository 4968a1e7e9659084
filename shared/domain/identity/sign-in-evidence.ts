/**
 * A sign-in as the user pool recorded it (Cognito's user authentication events, Plus tier):
 * which challenges it passed and how it ended.
 */
export interface SignInRecord {
  /** The event's id; Cognito also stamps it into the tokens it issues as `event_id`. */
  readonly id: string;
  readonly at: Date;
  readonly outcome: 'pass' | 'fail' | 'in-progress';
  readonly passedPassword: boolean;
  readonly passedAuthenticatorCode: boolean;
}

export interface SignInQuestion {
  /** The sign-ins of the account since `since` (see `sinceFor`), newest first or in any order. */
  readonly signIns: readonly SignInRecord[];
  /** `event_id` of the token, when it carries one. */
  readonly eventId?: string;
  readonly authTime: Date;
  /** When Lantern saw the authenticator confirmed through its own enrolment route. */
  readonly enrolledAt: Date;
}

/**
 * - `answered-code`: the sign-in behind the token passed the password and the authenticator challenge;
 * - `no-code`: it did not (or it cannot be found), so it proves nothing;
 * - `authenticator-bypassed`: since Lantern's enrolment a sign-in succeeded on the password
 *   alone, so TOTP was off at some point and whoever had the password could have switched it
 *   back on or associated their own authenticator outside Lantern: enrol again through Lantern.
 */
export type SignInEvidence = 'answered-code' | 'no-code' | 'authenticator-bypassed';

/** How far a token's `auth_time` may trail the start of its sign-in (time to type a code). */
export const SIGN_IN_MATCH_MINUTES = 10;
/** auth_time is whole seconds and clocks differ slightly: a sign-in may be stamped a little after. */
const SIGN_IN_MATCH_SLACK_MS = 5_000;

/** The earliest sign-in that matters to a question: the enrolment, or the token's own sign-in. */
export function sinceFor(enrolledAt: Date, authTime: Date): Date {
  const earliestOwnSignIn = authTime.getTime() - SIGN_IN_MATCH_MINUTES * 60_000;
  return new Date(Math.min(enrolledAt.getTime(), earliestOwnSignIn));
}

export function judgeSignIn(question: SignInQuestion): SignInEvidence {
  const passwordOnlySinceEnrolment = question.signIns.some(
    (signIn) => signIn.outcome === 'pass' && signIn.passedPassword && !signIn.passedAuthenticatorCode && signIn.at.getTime() > question.enrolledAt.getTime(),
  );
  if (passwordOnlySinceEnrolment) return 'authenticator-bypassed';
  const own = ownSignIn(question);
  return own && own.outcome === 'pass' && own.passedPassword && own.passedAuthenticatorCode ? 'answered-code' : 'no-code';
}

/**
 * The token's own sign-in: the event its `event_id` names; failing that (the id is not one
 * of the events), the latest successful sign-in that started shortly before `auth_time`.
 */
function ownSignIn(question: SignInQuestion): SignInRecord | undefined {
  const byId = question.eventId ? question.signIns.find((signIn) => signIn.id === question.eventId) : undefined;
  if (byId) return byId;
  const latestStart = question.authTime.getTime() + SIGN_IN_MATCH_SLACK_MS;
  const earliestStart = question.authTime.getTime() - SIGN_IN_MATCH_MINUTES * 60_000;
  return question.signIns
    .filter((signIn) => signIn.outcome === 'pass' && signIn.at.getTime() <= latestStart && signIn.at.getTime() >= earliestStart)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
}
