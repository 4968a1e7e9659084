import { describe, expect, it } from 'vitest';
import { buildHttpApiEvent, flattenClaims, type GatewayRequest } from '../../../local/gateway/build-http-api-event';
import type { RouteDefinition } from '../../../shared/api/routes';

const incidentRoute: RouteDefinition = {
  id: 'incidents.read',
  method: 'GET',
  path: '/v1/incidents/{id}',
  entry: 'functions/api/incidents/get.ts',
  public: false,
  summary: 'An incident',
  uses: [],
};

const request = (overrides: Partial<GatewayRequest> = {}): GatewayRequest => ({
  method: 'GET',
  url: '/v1/incidents/inc-1?include=actions&include=alerts&q=Ada%20L',
  rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'vitest', 'X-Custom', 'one', 'x-custom', 'two', 'Cookie', 'a=1', 'Cookie', 'b=2'],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  ...overrides,
});

const now = new Date('2026-03-02T09:05:07.123Z');

describe('buildHttpApiEvent', () => {
  it('builds the payload 2.0 event API Gateway sends, with the authorizer claims', () => {
    // Prepare
    const claims = { sub: 'staff-1', 'cognito:groups': '[dsl staff]' };

    // Act
    const event = buildHttpApiEvent({
      request: request(),
      route: incidentRoute,
      pathParameters: { id: 'inc-1' },
      authorization: { claims, scopes: null },
      requestId: 'req-1',
      apiId: 'local',
      now,
    });

    // Assess
    expect(event).toEqual({
      version: '2.0',
      routeKey: 'GET /v1/incidents/{id}',
      rawPath: '/v1/incidents/inc-1',
      rawQueryString: 'include=actions&include=alerts&q=Ada%20L',
      cookies: ['a=1', 'b=2'],
      headers: { host: '127.0.0.1:3000', 'user-agent': 'vitest', 'x-custom': 'one,two' },
      queryStringParameters: { include: 'actions,alerts', q: 'Ada L' },
      pathParameters: { id: 'inc-1' },
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: '127.0.0.1:3000',
        domainPrefix: '127',
        http: { method: 'GET', path: '/v1/incidents/inc-1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
        requestId: 'req-1',
        routeKey: 'GET /v1/incidents/{id}',
        stage: '$default',
        time: '02/Mar/2026:09:05:07 +0000',
        timeEpoch: now.getTime(),
        authorizer: { jwt: { claims, scopes: null } },
      },
    });
  });

  it('leaves out the authorizer, query and path parameters and body when there are none, as AWS does', () => {
    // Prepare
    const publicRoute: RouteDefinition = { ...incidentRoute, id: 'health.read', path: '/health', public: true };

    // Act
    const event = buildHttpApiEvent({ request: request({ url: '/health', rawHeaders: ['Host', 'h'] }), route: publicRoute, requestId: 'r', apiId: 'local', now });

    // Assess
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('cookies');
    expect(event.rawQueryString).toBe('');
  });

  it('passes a JSON body as text and a binary body base64-encoded', () => {
    // Prepare
    const json = request({ method: 'POST', rawHeaders: ['Content-Type', 'application/json; charset=utf-8'], body: Buffer.from('{"a":"é"}') });
    const binary = request({ method: 'POST', rawHeaders: ['Content-Type', 'application/pdf'], body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]) });

    // Act
    const jsonEvent = buildHttpApiEvent({ request: json, route: incidentRoute, requestId: 'r', apiId: 'local', now });
    const binaryEvent = buildHttpApiEvent({ request: binary, route: incidentRoute, requestId: 'r', apiId: 'local', now });

    // Assess
    expect(jsonEvent).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false });
    expect(binaryEvent).toMatchObject({ body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]).toString('base64'), isBase64Encoded: true });
  });
});

describe('flattenClaims', () => {
  it('turns claims into strings the way the JWT authorizer does: arrays as [a b], numbers as digits, nulls dropped', () => {
    // Prepare
    const payload = {
      sub: 'staff-1',
      'cognito:groups': ['dsl', 'staff'],
      auth_time: 1772442307,
      email_verified: true,
      nickname: null,
      address: { locality: 'Leeds' },
    };

    // Act
    const claims = flattenClaims(payload);

    // Assess
    expect(claims).toEqual({
      sub: 'staff-1',
      'cognito:groups': '[dsl staff]',
      auth_time: '1772442307',
      email_verified: 'true',
      address: '{"locality":"Leeds"}',
    });
  });
});
