import { randomUUID } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, type ApiResponse } from './support/call-api';
import { claimsOf } from './support/forge-token';
import { demoUser, localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';
import { challengeAtSignIn, signInFirstTime, turnOffAuthenticator } from './support/user-pool';

/**
 * Issue 8, item 1 on the local stack: elevation rests on the user pool's record that the
 * sign-in behind the token answered the authenticator challenge, with the authenticator
 * enrolled through Lantern. The attacks are the ones the issue reproduced, each against a
 * DSL invited here for it (the demo DSL and SLT are only used).
 */
interface Me {
  readonly id: string;
  readonly mfaEnrolled: boolean;
  readonly elevated: boolean;
}

interface ErrorBody {
  readonly error: string;
  readonly message: string;
}

/** Meets the pool's policy: 8+ characters with upper, lower, digit and symbol. */
const PASSWORD = 'Lantern!Deputy2026';

let userPool: CognitoIdentityProviderClient;
let amara: string;

function me(token: string): Promise<ApiResponse<Me & ErrorBody>> {
  return callApi<Me & ErrorBody>('/v1/me', { token });
}

function auditOf(staffId: string, token: string): Promise<ApiResponse<ErrorBody>> {
  return callApi<ErrorBody>(`/v1/audit?staffId=${staffId}`, { token });
}

/** Waits for the clock's next whole second: auth_time is whole seconds. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1020 - (Date.now() % 1000)));
}

interface InvitedMember {
  readonly id: string;
  readonly email: string;
}

async function invite(groups: string[]): Promise<InvitedMember> {
  const response = await callApi<InvitedMember>('/v1/staff', {
    method: 'POST',
    token: amara,
    body: { email: `deputy.${randomUUID().slice(0, 8)}@oakfield.example`, givenName: 'Morgan', familyName: 'Ellery', jobTitle: 'Deputy DSL', groups },
  });
  if (response.status !== 201) throw new Error(`Inviting answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Enrols an authenticator through Lantern's own routes from the given session; returns its secret. */
async function enrolThroughLantern(token: string): Promise<string> {
  const setup = await callApi<{ secret: string }>('/v1/me/mfa/setup', { method: 'POST', token });
  const verified = await callApi('/v1/me/mfa/verify', { method: 'POST', token, body: { code: await generate({ secret: setup.body.secret }) } });
  if (verified.status !== 200) throw new Error(`Enrolling answered ${verified.status}: ${JSON.stringify(verified.body)}`);
  return setup.body.secret;
}

/** A deputy DSL invited, with a password of their own and an authenticator enrolled through Lantern. */
async function enrolledDeputy(): Promise<InvitedMember & { secret: string }> {
  const member = await invite(['staff', 'dsl']);
  const firstSession = await signInFirstTime(member.email, PASSWORD);
  await nextSecond();
  const secret = await enrolThroughLantern(firstSession.accessToken);
  await nextSecond();
  return { ...member, secret };
}

beforeAll(async () => {
  const facts = localFacts();
  userPool = new CognitoIdentityProviderClient({ region: facts.region, endpoint: facts.cognito.endpoint, credentials: { ...facts.credentials } });
  const lead = demoUser('dsl', { withAuthenticator: true });
  amara = (await signIn(lead.email, lead.password, lead.totpSecret)).accessToken;
});

afterAll(() => userPool.destroy());

describe('elevation needs a sign-in that answered a code from the authenticator enrolled through Lantern', () => {
  it('elevates a fresh sign-in with a code after enrolling through Lantern (the front end\'s step-up)', async () => {
    // Prepare
    const deputy = await enrolledDeputy();

    // Act
    const withCode = (await signIn(deputy.email, PASSWORD, deputy.secret)).accessToken;
    const profile = await me(withCode);
    const trail = await auditOf(deputy.id, withCode);

    // Assess
    expect(claimsOf(withCode).event_id).toEqual(expect.any(String));
    expect(profile.body).toMatchObject({ id: deputy.id, mfaEnrolled: true, elevated: true });
    expect(trail.status).toBe(200);
  });

  it('keeps the sign-in\'s event_id and auth_time across a refresh, as Cognito does, so a refreshed token stays elevated', async () => {
    // Prepare
    const deputy = await enrolledDeputy();
    const tokens = await signIn(deputy.email, PASSWORD, deputy.secret);
    await nextSecond();

    // Act
    const refreshed = await userPool.send(
      new InitiateAuthCommand({ ClientId: localFacts().cognito.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.refreshToken! } }),
    );
    const accessToken = refreshed.AuthenticationResult!.AccessToken!;
    const profile = await me(accessToken);

    // Assess
    expect(claimsOf(accessToken)).toMatchObject({ event_id: claimsOf(tokens.accessToken).event_id, auth_time: claimsOf(tokens.accessToken).auth_time });
    expect(profile.body.elevated).toBe(true);
  });

  it('does not elevate a password-only sign-in that switched TOTP back on itself (issue 8, item 1)', async () => {
    // Prepare: token A signed in with a code; TOTP switched off with it.
    const deputy = await enrolledDeputy();
    const tokenA = (await signIn(deputy.email, PASSWORD, deputy.secret)).accessToken;
    const elevatedA = await me(tokenA);
    await turnOffAuthenticator(tokenA);
    // Someone with the password signs in with no challenge: token B.
    const tokenB = (await signIn(deputy.email, PASSWORD)).accessToken;
    const beforeReEnabling = await me(tokenB);

    // Act: token B switches TOTP on again; Cognito asks for no code.
    await userPool.send(new SetUserMFAPreferenceCommand({ AccessToken: tokenB, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const profile = await me(tokenB);
    const attempt = await auditOf(deputy.id, tokenB);
    const challenge = await challengeAtSignIn(deputy.email, PASSWORD);

    // Assess
    expect(elevatedA.body.elevated).toBe(true);
    expect(beforeReEnabling.body.elevated).toBe(false);
    expect(challenge).toBe('SOFTWARE_TOKEN_MFA');
    expect(profile).toMatchObject({ status: 200, body: { elevated: false } });
    expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
  });

  it('after a password-only sign-in, not even a later code sign-in elevates until the authenticator is enrolled again through Lantern', async () => {
    // Prepare
    const deputy = await enrolledDeputy();
    const tokenA = (await signIn(deputy.email, PASSWORD, deputy.secret)).accessToken;
    await turnOffAuthenticator(tokenA);
    const tokenB = (await signIn(deputy.email, PASSWORD)).accessToken;
    await userPool.send(new SetUserMFAPreferenceCommand({ AccessToken: tokenB, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    await nextSecond();

    // Act
    const withOriginalCode = (await signIn(deputy.email, PASSWORD, deputy.secret)).accessToken;
    const stillRefused = await auditOf(deputy.id, withOriginalCode);
    const newSecret = await enrolThroughLantern(withOriginalCode);
    await nextSecond();
    const afterReEnrolling = (await signIn(deputy.email, PASSWORD, newSecret)).accessToken;
    const profile = await me(afterReEnrolling);
    const trail = await auditOf(deputy.id, afterReEnrolling);

    // Assess
    expect(stillRefused).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
    expect(profile.body.elevated).toBe(true);
    expect(trail.status).toBe(200);
  });

  it('does not elevate a code sign-in with an authenticator associated outside Lantern from a password-only session', async () => {
    // Prepare: TOTP off, a password-only session, and the attacker's own authenticator
    // associated and verified directly against the user pool (never through Lantern).
    const deputy = await enrolledDeputy();
    const tokenA = (await signIn(deputy.email, PASSWORD, deputy.secret)).accessToken;
    await turnOffAuthenticator(tokenA);
    const tokenB = (await signIn(deputy.email, PASSWORD)).accessToken;
    const associated = await userPool.send(new AssociateSoftwareTokenCommand({ AccessToken: tokenB }));
    const attackersSecret = associated.SecretCode!;
    const verified = await userPool.send(new VerifySoftwareTokenCommand({ AccessToken: tokenB, UserCode: await generate({ secret: attackersSecret }) }));
    await userPool.send(new SetUserMFAPreferenceCommand({ AccessToken: tokenB, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    await nextSecond();

    // Act: a real TOTP challenge, passed with the attacker's authenticator.
    const tokenC = (await signIn(deputy.email, PASSWORD, attackersSecret)).accessToken;
    const profile = await me(tokenC);
    const attempt = await auditOf(deputy.id, tokenC);

    // Assess
    expect(verified.Status).toBe('SUCCESS');
    expect(await challengeAtSignIn(deputy.email, PASSWORD)).toBe('SOFTWARE_TOKEN_MFA');
    expect(profile).toMatchObject({ status: 200, body: { mfaEnrolled: true, elevated: false } });
    expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
  });
});

describe('confirming an authenticator before setting one up (issue 8, item 12)', () => {
  it('answers 409 out_of_order saying to start enrolment first, and records no enrolment', async () => {
    // Prepare
    const member = await invite(['staff']);
    const { accessToken } = await signInFirstTime(member.email, PASSWORD);

    // Act
    const response = await callApi<ErrorBody>('/v1/me/mfa/verify', { method: 'POST', token: accessToken, body: { code: '123456' } });
    const profile = await me(accessToken);

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('out_of_order');
    expect(response.body.message).toContain('/v1/me/mfa/setup');
    expect(profile.body.mfaEnrolled).toBe(false);
  });
});
