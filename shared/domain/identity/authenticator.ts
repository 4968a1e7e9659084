import type { Deps } from '../deps';
import type { StaffCaller } from './caller';
import { UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/**
 * Starts enrolling an authenticator app (seed 004: "Elevating your access requires that
 * you install an authentication app"). The secret goes to the caller only.
 */
export async function setUpAuthenticator(deps: Pick<Deps, 'identity' | 'school'>, caller: StaffCaller, accessToken: string) {
  const { secret } = await deps.identity.associateAuthenticator(accessToken);
  const issuer = `Lantern (${deps.school.name})`;
  const label = encodeURIComponent(`${issuer}:${caller.profile.email}`);
  return { secret, otpauthUri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30` };
}

/**
 * Confirms the app with a code. The server records the moment it saw the code verified:
 * elevation trusts that record, never a claim the client could make up. The current
 * session was signed in without a code, so elevation starts at the next sign-in.
 */
export async function confirmAuthenticator(deps: Pick<Deps, 'identity' | 'staff' | 'clock' | 'ids'>, caller: StaffCaller, accessToken: string, code: string, origin: RequestOrigin) {
  const confirmed = await deps.identity.confirmAuthenticator(accessToken, code);
  if (!confirmed) throw new UnprocessableError('That code did not match. Check the time on your device and try the newest code.', 'code');
  const now = deps.clock.now().toISOString();
  // Conditional on the profile this request read: an administrator's change made meanwhile
  // (say, disabling the account) must not be overwritten.
  await deps.staff.save(
    { ...caller.profile, mfaEnrolledAt: now, updatedAt: now },
    auditEvent(deps, caller, origin, { action: 'staff.mfa.enrol', recordType: 'staff', recordId: caller.staffId }),
    { expectedUpdatedAt: caller.profile.updatedAt },
  );
  return { mfaEnrolled: true as const, message: 'Authenticator confirmed. Sign out and sign in again with a code to elevate your access.' };
}
