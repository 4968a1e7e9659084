import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { claimsOf, keyIdOf, signWithCognitoLocalPublishedKey, signWithLocalStackKey, signWithStrangerKey, tamper, withEditedClaims } from './support/forge-token';
import { demoUser, localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';

const UNAUTHORIZED = { message: 'Unauthorized' };

async function accessTokenOf(group: 'staff' | 'dsl'): Promise<string> {
  const user = demoUser(group, { withAuthenticator: group === 'dsl' });
  return (await signIn(user.email, user.password, user.totpSecret)).accessToken;
}

describe('local stack health', () => {
  it('answers /health with 200 once every local service is ready', async () => {
    // Act
    const response = await callApi('/health');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
  });

  it('writes local.json facts a script can use: API URL, pool ids and demo users in every role', async () => {
    // Prepare
    const facts = localFacts();

    // Assess
    expect(facts.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(facts.cognito.issuer).toBe(`${facts.cognito.endpoint}/${facts.cognito.userPoolId}`);
    const groups = new Set(facts.users.flatMap((user) => user.groups));
    expect([...groups].sort()).toEqual(['admin', 'dsl', 'slt', 'staff']);
    expect(facts.users.filter((user) => user.totpSecret).map((user) => user.groups.find((group) => group !== 'staff')).sort()).toEqual(['dsl', 'slt']);
  });
});

describe('local HTTP gateway', () => {
  it('answers an unknown route, and a known path with another method, with API Gateway\'s 404', async () => {
    // Act
    const unknown = await callApi('/v1/no-such-thing');
    const wrongMethod = await callApi('/v1/me', { method: 'DELETE' });

    // Assess
    expect(unknown).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect(wrongMethod).toMatchObject({ status: 404, body: { message: 'Not Found' } });
  });

  it('refuses /v1/me without a token with 401 {"message":"Unauthorized"}', async () => {
    // Act
    const response = await callApi('/v1/me');

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('refuses a token with a changed signature, a changed payload or an edited claim', async () => {
    // Prepare
    const token = await accessTokenOf('staff');
    const forgeries = [tamper(token, 2), tamper(token, 1), withEditedClaims(token, (claims) => ({ ...claims, 'cognito:groups': ['staff', 'dsl'] }))];

    // Act
    const responses = await Promise.all(forgeries.map((forged) => callApi('/v1/me', { token: forged })));

    // Assess
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401]);
    expect(responses.map((response) => response.body)).toEqual([UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED]);
  });

  it('refuses a token with the right claims and key id signed by another key', async () => {
    // Prepare
    const token = await accessTokenOf('staff');
    const forged = await signWithStrangerKey(claimsOf(token));
    expect(keyIdOf(forged)).toBe(keyIdOf(token));

    // Act
    const response = await callApi('/v1/me', { token: forged });

    // Assess
    expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it('refuses a DSL token signed with the private key cognito-local publishes, at the gateway and at the user pool', async () => {
    // Prepare: anyone can read that key in node_modules; the stack signs with a key of its own.
    const facts = localFacts();
    const genuine = await accessTokenOf('dsl');
    const forged = await signWithCognitoLocalPublishedKey(claimsOf(genuine));
    const userPool = new CognitoIdentityProviderClient({ region: facts.region, endpoint: facts.cognito.endpoint, credentials: { ...facts.credentials } });
    const jwks = (await (await fetch(facts.cognito.jwksUrl)).json()) as { keys: { kid: string }[] };

    // Act
    const atGateway = await callApi('/v1/me', { token: forged });
    const atUserPool = await userPool.send(new GetUserCommand({ AccessToken: forged })).then(() => 'accepted', (error: { name?: string }) => error.name);
    const genuineAtUserPool = await userPool.send(new GetUserCommand({ AccessToken: genuine }));
    userPool.destroy();

    // Assess
    expect(atGateway).toMatchObject({ status: 401, body: UNAUTHORIZED });
    expect(atUserPool).toBe('NotAuthorizedException');
    expect(genuineAtUserPool.Username).toBeTruthy();
    expect(jwks.keys.map((key) => key.kid)).toEqual([keyIdOf(genuine)]);
    expect(keyIdOf(genuine)).not.toBe('CognitoLocal');
  });

  it('refuses correctly signed tokens that are expired, for another app client, from another issuer, or ID tokens', async () => {
    // Prepare
    const facts = localFacts();
    const user = demoUser('staff', { withAuthenticator: false });
    const tokens = await signIn(user.email, user.password);
    const claims = claimsOf(tokens.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      await signWithLocalStackKey({ ...claims, iat: now - 7200, exp: now - 3600 }),
      await signWithLocalStackKey({ ...claims, client_id: 'another-app-client' }),
      await signWithLocalStackKey({ ...claims, iss: `${facts.cognito.endpoint}/local_SomeOtherPool` }),
      tokens.idToken,
    ];
    const control = await signWithLocalStackKey(claims);

    // Act
    const responses = await Promise.all(refused.map((token) => callApi('/v1/me', { token })));
    const accepted = await callApi('/v1/me', { token: control });

    // Assess
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(accepted.status).toBe(200);
  });

  it('calls the /v1/me handler with the verified claims of a valid access token', async () => {
    // Prepare
    const dsl = demoUser('dsl', { withAuthenticator: true });
    const tokens = await signIn(dsl.email, dsl.password, dsl.totpSecret);

    // Act
    const response = await callApi<{ id: string; email: string; groups: string[] }>('/v1/me', { token: tokens.accessToken });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(dsl.id);
    expect(response.body.email).toBe(dsl.email);
    expect([...response.body.groups].sort()).toEqual([...dsl.groups].sort());
  });

  it('serves the public routes without a token', async () => {
    // Act
    const [config, openapi] = await Promise.all([callApi('/v1/config'), callApi('/v1/openapi.json')]);

    // Assess
    expect(config.status).toBe(200);
    expect(openapi.status).toBe(200);
    expect(openapi.body).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });
  });
});
