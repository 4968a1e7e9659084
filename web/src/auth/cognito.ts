import type { SignInConfig } from '../api/types';

/**
 * The Cognito user pool's JSON API over plain fetch (no SDK: a few kilobytes instead of
 * hundreds). The endpoint, pool and client come from GET /v1/config, never from the bundle.
 */
export interface CognitoTokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken?: string;
  readonly expiresIn: number;
}

export type SignInStep =
  | { readonly kind: 'signedIn'; readonly tokens: CognitoTokens }
  | { readonly kind: 'newPasswordRequired'; readonly session: string; readonly username: string }
  | { readonly kind: 'totpRequired'; readonly session: string; readonly username: string };

export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function cognitoEndpoint(config: Pick<SignInConfig, 'region' | 'cognitoEndpoint'>): string {
  return config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
}

interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

interface AuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
}

/** A refresh answers without a new refresh token: the caller passes the one it used. */
function tokensFrom(result: AuthenticationResult, refreshToken = result.RefreshToken): CognitoTokens {
  return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken, expiresIn: result.ExpiresIn };
}

async function call<T>(config: SignInConfig, action: string, body: unknown): Promise<T> {
  const response = await fetch(cognitoEndpoint(config), {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = String(payload.__type ?? payload.code ?? 'CognitoError').split('#').pop() ?? 'CognitoError';
    throw new CognitoError(code, friendlyMessage(code, String(payload.message ?? '')));
  }
  return payload as T;
}

function friendlyMessage(code: string, message: string): string {
  switch (code) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
    case 'InvalidPasswordException':
      return /password/i.test(message) && code === 'InvalidPasswordException' && /policy|conform|length|must/i.test(message)
        ? message
        : 'The email address or password is not right.';
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'That code is not right. Use the newest 6-digit code from your authenticator app.';
    case 'ExpiredCodeException':
      return 'That code has expired. Use the newest code from your authenticator app.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Too many attempts. Wait a minute and try again.';
    default:
      return 'Signing in did not work. Try again, or ask your administrator.';
  }
}

function step(response: AuthResponse, username: string): SignInStep {
  if (response.AuthenticationResult) return { kind: 'signedIn', tokens: tokensFrom(response.AuthenticationResult) };
  const user = response.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
  if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED') return { kind: 'newPasswordRequired', session: response.Session ?? '', username: user };
  if (response.ChallengeName === 'SOFTWARE_TOKEN_MFA') return { kind: 'totpRequired', session: response.Session ?? '', username: user };
  throw new CognitoError('UnsupportedChallenge', 'This account needs a sign-in step Lantern does not support. Ask your administrator.');
}

export async function startSignIn(config: SignInConfig, email: string, password: string): Promise<SignInStep> {
  const response = await call<AuthResponse>(config, 'InitiateAuth', {
    ClientId: config.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return step(response, email);
}

export function answerNewPassword(config: SignInConfig, previous: PendingChallenge, newPassword: string): Promise<SignInStep> {
  return answerChallenge(config, previous, 'NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: newPassword });
}

export function answerTotp(config: SignInConfig, previous: PendingChallenge, code: string): Promise<SignInStep> {
  return answerChallenge(config, previous, 'SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code });
}

type PendingChallenge = { readonly session: string; readonly username: string };

/** One answer to the challenge Cognito set: the same call for a new password and a code. */
async function answerChallenge(config: SignInConfig, previous: PendingChallenge, challengeName: string, answer: Record<string, string>): Promise<SignInStep> {
  const response = await call<AuthResponse>(config, 'RespondToAuthChallenge', {
    ClientId: config.clientId,
    ChallengeName: challengeName,
    Session: previous.session,
    ChallengeResponses: { USERNAME: previous.username, ...answer },
  });
  return step(response, previous.username);
}

export async function refreshTokens(config: SignInConfig, refreshToken: string): Promise<CognitoTokens> {
  const response = await call<AuthResponse>(config, 'InitiateAuth', {
    ClientId: config.clientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  const result = response.AuthenticationResult;
  if (!result) throw new CognitoError('RefreshFailed', 'Your session has ended. Sign in again.');
  return tokensFrom(result, refreshToken);
}
