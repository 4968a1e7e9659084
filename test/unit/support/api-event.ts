import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';

export type JwtClaims = Record<string, string | number | boolean | string[]>;

export interface ApiEventOptions {
  readonly method: string;
  readonly path: string;
  /** Verified token claims; absent for an anonymous request (public routes have no authorizer). */
  readonly claims?: JwtClaims;
  /** An object is sent as JSON (with a JSON content type unless `headers` says otherwise); a string as is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly requestId?: string;
  readonly isBase64Encoded?: boolean;
}

/**
 * An HTTP API (payload 2.0) event as API Gateway delivers it to a Lambda behind the JWT
 * authorizer.
 */
export function apiEvent(options: ApiEventOptions): APIGatewayProxyEventV2WithJWTAuthorizer {
  const requestId = options.requestId ?? 'Kx3vYhQmLPEEMVw=';
  const query = options.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    host: 'api.lantern.castlemead.example.sch.uk',
    'user-agent': 'Mozilla/5.0 (Lantern unit test)',
    'x-forwarded-for': '203.0.113.24',
    'x-forwarded-proto': 'https',
    ...(options.claims ? { authorization: 'Bearer eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl' } : {}),
    ...(body !== undefined && typeof options.body !== 'string' ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const now = new Date('2025-01-15T10:00:00.000Z');
  const event = {
    version: '2.0',
    routeKey: `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString,
    headers,
    ...(rawQueryString ? { queryStringParameters: { ...query } } : {}),
    ...(options.pathParameters ? { pathParameters: { ...options.pathParameters } } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'api.lantern.castlemead.example.sch.uk',
      domainPrefix: 'api',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.24',
        userAgent: 'Mozilla/5.0 (Lantern unit test)',
      },
      requestId,
      routeKey: `${options.method} ${options.path}`,
      stage: '$default',
      time: '15/Jan/2025:10:00:00 +0000',
      timeEpoch: now.getTime(),
      ...(options.claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: options.claims, scopes: null } } } : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
  // Public routes have no authorizer, so `authorizer` is really absent on them.
  return event as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** The sign-in every test token comes from (`event_id`). */
export const TOKEN_EVENT_ID = '9c2d8e4f-0a1b-4c3d-8e5f-6a7b8c9d0e1f';

export interface AccessTokenFacts {
  readonly sub: string;
  readonly groups?: readonly string[];
  /** When the member signed in; becomes `auth_time` in whole seconds. */
  readonly authTime?: Date;
  readonly clientId?: string;
}

/**
 * A Cognito access token's claims as API Gateway hands them over: every value a string,
 * arrays flattened to "[dsl staff]".
 */
export function cognitoAccessClaims(facts: AccessTokenFacts): JwtClaims {
  const authSeconds = Math.floor((facts.authTime ?? new Date('2025-01-15T09:45:00.000Z')).getTime() / 1000);
  return {
    sub: facts.sub,
    ...(facts.groups ? { 'cognito:groups': `[${facts.groups.join(' ')}]` } : {}),
    iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEf123',
    version: '2',
    client_id: facts.clientId ?? '4l8q2n7c0ajk1example',
    origin_jti: '5b1f0c2e-6f1a-4d58-9c55-1d2f3b4a5c6d',
    event_id: TOKEN_EVENT_ID,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: String(authSeconds),
    exp: String(authSeconds + 3600),
    iat: String(authSeconds),
    jti: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    username: facts.sub,
  };
}

/** The Lambda context; only the request id matters to Lantern. */
export function lambdaContext(awsRequestId = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'lantern-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:lantern-api',
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: '/aws/lambda/lantern-api',
    logStreamName: '2025/01/15/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What API Gateway hands a handler for a partner's client-credentials token: the client is its own subject. */
export function partnerAccessClaims(facts: { readonly clientId: string; readonly scopes: readonly string[]; readonly issuedAt?: Date }): JwtClaims {
  const issued = Math.floor((facts.issuedAt ?? new Date('2025-01-15T09:45:00.000Z')).getTime() / 1000);
  return {
    sub: facts.clientId,
    iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEf123',
    version: '2',
    client_id: facts.clientId,
    token_use: 'access',
    scope: facts.scopes.join(' '),
    auth_time: String(issued),
    exp: String(issued + 3600),
    iat: String(issued),
    jti: '7c2d1e0f-6a5b-4c3d-9e8f-1a2b3c4d5e6f',
  };
}
