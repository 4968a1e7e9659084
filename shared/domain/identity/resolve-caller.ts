import type { Deps } from '../deps';
import { anonymous, type Caller } from './caller';
import { elevationOf } from './elevation';
import { AccountDisabledError, ForbiddenError } from '../../errors/lantern-error';

export interface TokenFacts {
  readonly subject: string;
  readonly authTime: Date;
}

/**
 * Turns verified token facts into a caller. Groups and the account's status come from
 * the staff profile on every request, not from the token, so an administrator's change
 * applies to the very next request rather than when the token expires.
 */
export async function resolveCaller(deps: Pick<Deps, 'staff' | 'clock' | 'school' | 'identity'>, token: TokenFacts | undefined): Promise<Caller> {
  if (!token) return anonymous;
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
  // The user can switch TOTP off themselves (SetUserMFAPreference); then a password alone
  // signs them in. So an elevated session also needs TOTP to be on now, asked of Cognito.
  const elevation = byTime.elevated && !(await deps.identity.hasAuthenticator(profile.id)) ? { elevated: false } : byTime;
  return { kind: 'staff', staffId: profile.id, groups: profile.groups, profile, authTime: token.authTime, elevation };
}
