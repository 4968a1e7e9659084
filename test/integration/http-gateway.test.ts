import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpGateway, type HealthReport, type HttpGateway } from '../../local/gateway/http-gateway';
import { createHandlerModules } from '../../local/handler-modules';
import type { RouteDefinition } from '../../shared/api/routes';

/**
 * The gateway alone, with fixture handlers and a fake token check, to pin down what
 * API Gateway does around a handler: the event it builds, the 401 and 404 it answers
 * itself, and how it writes a handler's result back.
 */
const route = (id: string, method: RouteDefinition['method'], path: string, entry: string, isPublic = false): RouteDefinition => ({
  id,
  method,
  path,
  entry: `test/integration/fixtures/${entry}.ts`,
  public: isPublic,
  summary: id,
  uses: [],
});

const routes: RouteDefinition[] = [
  route('health.read', 'GET', '/health', 'plain-object-handler', true),
  route('incidents.read', 'GET', '/v1/incidents/{id}', 'echo-event-handler'),
  route('echo.public', 'POST', '/v1/public/echo', 'echo-event-handler', true),
  route('plain.read', 'GET', '/v1/plain', 'plain-object-handler', true),
  route('files.create', 'POST', '/v1/files', 'cookies-and-binary-handler', true),
  route('broken.read', 'GET', '/v1/broken', 'failing-handler', true),
];

const GOOD_TOKEN = 'good-token';
const claimsOfGoodToken = { sub: 'staff-1', 'cognito:groups': ['dsl', 'staff'], auth_time: 1772442307, token_use: 'access', client_id: 'web' };

describe('local HTTP gateway (fixture handlers)', () => {
  let gateway: HttpGateway;
  const logLines: string[] = [];
  let health: HealthReport = { status: 'ready', services: { dynamodb: true, s3: true, cognito: true, ses: true, eventbridge: true, scheduler: true } };

  beforeAll(async () => {
    gateway = await startHttpGateway({
      port: 0,
      host: '127.0.0.1',
      routes,
      handlers: createHandlerModules(),
      region: 'eu-west-2',
      health: async () => health,
      log: (line) => logLines.push(line),
    });
  });
  afterAll(() => gateway.stop());

  it('answers 503 to everything until the stack opens it', async () => {
    // Act
    const [healthResponse, route] = await Promise.all([fetch(`${gateway.url}/health`), fetch(`${gateway.url}/v1/plain`)]);

    // Assess
    expect(healthResponse.status).toBe(503);
    expect(await healthResponse.json()).toMatchObject({ status: 'starting' });
    expect(route.status).toBe(503);
  });

  describe('once open', () => {
    beforeAll(() => gateway.open(async (header) => (header === `Bearer ${GOOD_TOKEN}` ? claimsOfGoodToken : undefined)));

    it('calls the handler with a payload 2.0 event carrying the claims as strings', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/incidents/inc-7?tab=actions`, { headers: { authorization: `Bearer ${GOOD_TOKEN}`, 'X-Trace': 'abc' } });
      const { event, context } = (await response.json()) as { event: Record<string, any>; context: Record<string, unknown> };

      // Assess
      expect(response.status).toBe(200);
      expect(response.headers.get('x-handler')).toBe('echo');
      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'GET /v1/incidents/{id}',
        rawPath: '/v1/incidents/inc-7',
        rawQueryString: 'tab=actions',
        pathParameters: { id: 'inc-7' },
        queryStringParameters: { tab: 'actions' },
        headers: { 'x-trace': 'abc', authorization: `Bearer ${GOOD_TOKEN}` },
        isBase64Encoded: false,
        requestContext: {
          http: { method: 'GET', path: '/v1/incidents/inc-7', sourceIp: '127.0.0.1' },
          routeKey: 'GET /v1/incidents/{id}',
          stage: '$default',
          authorizer: { jwt: { claims: { sub: 'staff-1', 'cognito:groups': '[dsl staff]', auth_time: '1772442307' }, scopes: null } },
        },
      });
      expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
      expect(context).toMatchObject({ functionName: 'incidents.read' });
      expect(context.remainingMs).toBeGreaterThan(0);
    });

    it('answers 401 {"message":"Unauthorized"} without calling the handler when the token is refused', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/incidents/inc-7`, { headers: { authorization: 'Bearer forged' } });

      // Assess
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('x-handler')).toBeNull();
    });

    it('passes a request body through, and gives a public route no authorizer', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/public/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"note":"Child said: \\"I was scared\\""}' });
      const { event } = (await response.json()) as { event: Record<string, any> };

      // Assess
      expect(event.body).toBe('{"note":"Child said: \\"I was scared\\""}');
      expect(event.requestContext.authorizer).toBeUndefined();
    });

    it('writes back cookies as set-cookie headers and decodes a base64 body', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/files`, { method: 'POST' });

      // Assess
      expect(response.status).toBe(201);
      expect(response.headers.getSetCookie()).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark']);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]));
    });

    it('answers a bare object from a handler as 200 JSON, as API Gateway infers', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/plain`);

      // Assess
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ hello: 'Oakfield' });
    });

    it('turns a handler that throws into a bare 500 that leaks nothing', async () => {
      // Act
      const response = await fetch(`${gateway.url}/v1/broken`);
      const text = await response.text();

      // Assess
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ message: 'Internal Server Error' });
      expect(text).not.toContain('Ada');
    });

    it('answers /health 503 naming the service that is down, and 200 from the handler once all are up', async () => {
      // Prepare
      health = { status: 'unavailable', services: { dynamodb: true, s3: true, cognito: true, ses: false, eventbridge: true, scheduler: true } };

      // Act
      const down = await fetch(`${gateway.url}/health`);
      health = { status: 'ready', services: { dynamodb: true, s3: true, cognito: true, ses: true, eventbridge: true, scheduler: true } };
      const up = await fetch(`${gateway.url}/health`);

      // Assess
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', services: { dynamodb: true, s3: true, cognito: true, ses: false, eventbridge: true, scheduler: true } });
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ hello: 'Oakfield' });
    });
    it('logs the route id and status only: never the path or query string, which can name a pupil', async () => {
      // Prepare
      logLines.length = 0;

      // Act
      const response = await fetch(`${gateway.url}/v1/incidents/louis-rowe?query=louis`, { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
      await response.arrayBuffer();
      const unrouted = await fetch(`${gateway.url}/v1/students-of/louis?query=louis`);
      await unrouted.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 50));

      // Assess
      expect(logLines).toHaveLength(2);
      expect(logLines[0]).toMatch(/^incidents\.read 200 \d+ms$/);
      expect(logLines[1]).toMatch(/^GET \(no route\) 404 \d+ms$/);
      for (const line of logLines) expect(line.toLowerCase()).not.toContain('louis');
    });

    it.each([
      ['headers', { path: '/v1/plain', headers: { 'x-filler': 'a'.repeat(20_000) } }],
      ['URL', { path: `/v1/plain?query=${'a'.repeat(20_000)}`, headers: {} }],
      ['headers past API Gateway\'s 10,240 bytes', { path: '/v1/plain', headers: { 'x-filler': 'a'.repeat(11_000) } }],
    ])('answers too-long %s with a JSON 431 like every other error, not an empty one', async (_case, { path, headers }) => {
      // Act
      const response = await fetch(`${gateway.url}${path}`, { headers });
      const text = await response.text();

      // Assess
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text)).toMatchObject({ error: 'request_too_large', message: expect.stringContaining('10240 bytes'), requestId: expect.any(String) });
    });
  });
});
