import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generate } from 'otplib';
import type { LocalFacts } from './local-facts';

export interface Tokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken?: string;
}

/**
 * Signs in as a browser would: USER_PASSWORD_AUTH, then the SOFTWARE_TOKEN_MFA challenge
 * answered with a code from the authenticator secret when the user has enrolled one.
 */
export async function signIn(
  email: string,
  password: string,
  totpSecret: string | undefined,
  facts: Pick<LocalFacts, 'region' | 'cognito' | 'credentials'>,
): Promise<Tokens> {
  const client = new CognitoIdentityProviderClient({ region: facts.region, endpoint: facts.cognito.endpoint, credentials: { ...facts.credentials } });
  try {
    const started = await client.send(
      new InitiateAuthCommand({ ClientId: facts.cognito.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    let result = started.AuthenticationResult;
    if (started.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
      if (!totpSecret) throw new Error(`${email} has an authenticator: pass its TOTP secret to signIn`);
      const answered = await client.send(
        new RespondToAuthChallengeCommand({
          ClientId: facts.cognito.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: started.Session,
          ChallengeResponses: { USERNAME: started.ChallengeParameters?.USER_ID_FOR_SRP ?? email, SOFTWARE_TOKEN_MFA_CODE: await generate({ secret: totpSecret }) },
        }),
      );
      result = answered.AuthenticationResult;
    } else if (started.ChallengeName) {
      throw new Error(`Unexpected sign-in challenge ${started.ChallengeName} for ${email}`);
    }
    if (!result?.AccessToken || !result.IdToken) throw new Error(`Sign-in for ${email} returned no tokens`);
    return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken: result.RefreshToken };
  } finally {
    client.destroy();
  }
}
