import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { dataDirLayout } from '../../../local/data-dir';
import { AuthEventLog, authEventLogFile } from '../../../local/services/auth-event-log';
import type { Tokens } from './sign-in';
import { localFacts } from './local-facts';

/**
 * What a browser meets at the user pool beyond an ordinary sign-in: the first sign-in of
 * an invited member of staff, and whether a sign-in stops at a challenge.
 */
function userPoolClient(): CognitoIdentityProviderClient {
  const facts = localFacts();
  return new CognitoIdentityProviderClient({ region: facts.region, endpoint: facts.cognito.endpoint, credentials: { ...facts.credentials } });
}

/**
 * The first sign-in of an invited account: the temporary password from the invitation
 * email, then NEW_PASSWORD_REQUIRED answered with the person's own password. cognito-local
 * does not check the temporary password (TOOLCHAIN.md), so any will do here; it throws
 * if the pool does not ask for a new password.
 */
export async function signInFirstTime(email: string, newPassword: string, temporaryPassword = 'from-the-invitation'): Promise<Tokens> {
  const client = userPoolClient();
  const { clientId } = localFacts().cognito;
  try {
    const started = await client.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: temporaryPassword } }),
    );
    if (started.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
      throw new Error(`Expected NEW_PASSWORD_REQUIRED at the first sign-in of ${email}, got ${started.ChallengeName ?? 'tokens'}`);
    }
    const answered = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: started.Session,
        ChallengeResponses: { USERNAME: started.ChallengeParameters?.USER_ID_FOR_SRP ?? email, NEW_PASSWORD: newPassword },
      }),
    );
    const result = answered.AuthenticationResult;
    if (!result?.AccessToken || !result.IdToken) throw new Error(`Setting a password for ${email} returned no tokens`);
    return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken: result.RefreshToken };
  } finally {
    client.destroy();
  }
}

/** The challenge a password sign-in stops at, or undefined when it returns tokens at once. */
export async function challengeAtSignIn(email: string, password: string): Promise<string | undefined> {
  const client = userPoolClient();
  try {
    const started = await client.send(
      new InitiateAuthCommand({ ClientId: localFacts().cognito.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    return started.ChallengeName;
  } finally {
    client.destroy();
  }
}

/** Turns the authenticator off again (the person's own call), so a shared demo user is left as found. */
export async function turnOffAuthenticator(accessToken: string): Promise<void> {
  const client = userPoolClient();
  try {
    await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } }));
  } finally {
    client.destroy();
  }
}

/**
 * Moves a user's recorded sign-ins `ms` into the past, as if all of them happened that much
 * earlier: for tests that also move the enrolment back, so the sign-ins before it stay before it.
 */
export function backdateSignIns(staffId: string, ms: number): void {
  authEventLog().shift(staffId, -ms);
}

/**
 * Records in the user pool's sign-in history the same sign-in as `eventId` (the same
 * challenges passed) but at `at`, and returns the new event's id: the history behind a
 * token forged to have signed in then.
 */
export function recordSameSignInAt(staffId: string, eventId: string, at: Date): string {
  const copy = authEventLog().copyAt(staffId, eventId, at.getTime());
  if (!copy) throw new Error(`No sign-in ${eventId} recorded for ${staffId}`);
  return copy;
}

function authEventLog(): AuthEventLog {
  return new AuthEventLog(authEventLogFile(dataDirLayout(localFacts().dataDir).cognito));
}
