import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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
