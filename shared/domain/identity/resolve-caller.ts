import type { Deps } from '../deps';
import { PARTNER_RESOURCE_SERVER } from './partner-scopes';
import { anonymous, type Caller, type Elevation } from './caller';
import { elevationOf } from './elevation';
import { judgeSignIn, sinceFor } from './sign-in-evidence';
import type { StaffProfile } from '../staff/staff-profile';
import { AccountDisabledError, ForbiddenError } from '../../errors/lantern-error';

export interface TokenFacts {
  readonly subject: string;
  readonly authTime: Date;
  /** `event_id` of the token: the sign-in it came from. */
  readonly eventId?: string;
  /** The app client the token was issued to (`client_id`). */
  readonly clientId?: string;
  readonly scopes?: readonly string[];
}

/** Partner scopes live on the `lantern` resource server: `lantern/<scope>`. */
export const PARTNER_SCOPE_PREFIX = `${PARTNER_RESOURCE_SERVER}/`;

/**
 * A client-credentials token: Cognito makes its subject the app client itself, and it
 * carries resource-server scopes, never a user. Staff tokens have a user as subject.
 */
export function isPartnerToken(token: TokenFacts): boolean {
  return token.clientId !== undefined && token.subject === token.clientId && (token.scopes ?? []).some((scope) => scope.startsWith(PARTNER_SCOPE_PREFIX));
}

/**
 * Turns verified token facts into a caller. Groups and the account's status come from
 * the staff profile on every request, not from the token, so an administrator's change
 * applies to the very next request rather than when the token expires.
 */
export async function resolveCaller(deps: Pick<Deps, 'staff' | 'clock' | 'school'> & Partial<Pick<Deps, 'identity'>>, token: TokenFacts | undefined): Promise<Caller> {
  if (!token) return anonymous;
  // The one place a caller is decided: a partner's system is never looked up as staff.
  if (isPartnerToken(token)) return { kind: 'partner', clientId: token.clientId!, scopes: (token.scopes ?? []).filter((scope) => scope.startsWith(PARTNER_SCOPE_PREFIX)) };
  const profile = await deps.staff.get(token.subject);
  if (!profile) throw new ForbiddenError('This account has no staff profile at this school. Ask your school administrator.');
  if (profile.status !== 'active') throw new AccountDisabledError('This account has been disabled. Ask your school administrator.');
  const byTime = elevationOf({
    groups: profile.groups,
    mfaEnrolledAt: profile.mfaEnrolledAt,
    authTime: token.authTime,
    now: deps.clock.now(),
    windowMinutes: deps.school.elevationWindowMinutes,
  });
  // A function that does not declare `identity` cannot ask the user pool, so it never sees
  // elevation: only routes where elevation decides something declare it (shared/api/routes.ts).
  const { identity } = deps;
  const elevation: Elevation = !byTime.elevated ? byTime : identity ? await confirmedByUserPool({ identity }, profile, token, byTime) : { elevated: false };
  return { kind: 'staff', staffId: profile.id, groups: profile.groups, profile, authTime: token.authTime, elevation };
}

/**
 * The times say the sign-in could have answered a code; the user pool says whether it did.
 * TOTP must be on now (the user can switch it off with SetUserMFAPreference, and then a
 * password alone signs in), the token's own sign-in must have passed the authenticator
 * challenge, and no sign-in since Lantern's enrolment may have passed on the password alone
 * (then TOTP was off meanwhile and could have been re-enabled, or re-associated with someone
 * else's authenticator, outside Lantern: only enrolling again through Lantern restores it).
 */
async function confirmedByUserPool(deps: Pick<Deps, 'identity'>, profile: StaffProfile, token: TokenFacts, byTime: Elevation): Promise<Elevation> {
  const enrolledAt = new Date(profile.mfaEnrolledAt!);
  const [authenticatorOn, signIns] = await Promise.all([
    deps.identity.hasAuthenticator(profile.id),
    deps.identity.signInsSince(profile.id, sinceFor(enrolledAt, token.authTime)),
  ]);
  if (!authenticatorOn) return { elevated: false };
  const evidence = judgeSignIn({ signIns, eventId: token.eventId, authTime: token.authTime, enrolledAt });
  return evidence === 'answered-code' ? byTime : { elevated: false };
}
