import { actionsCreateRoute, meReadRoute } from '../../../shared/api/routes';
import { describe, expect, it, vi } from 'vitest';
import { apiRoute, type RouteInput } from '../../../shared/http/api-route';
import { ok, type RouteResult } from '../../../shared/http/responses';
import { describeMe } from '../../../shared/domain/staff/get-me';
import { requireStaff } from '../../../shared/domain/identity/require-staff';
import { NotFoundError } from '../../../shared/errors/lantern-error';
import { INTERNAL_ERROR_MESSAGE } from '../../../shared/http/error-response';
import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';
import { fakeDeps, InMemoryStaffDirectory } from '../support/fake-deps';
import { apiEvent, cognitoAccessClaims, lambdaContext } from '../support/api-event';
import { designatedSafeguardingLead, staffProfile } from '../support/staff-profiles';
import { testConfig } from '../support/test-config';
import { meReadContract } from '../../../shared/api/contracts/me';
import { actionsCreateContract } from '../../../shared/api/contracts/incidents';
import { alertGroupDirectory, auditTrail, categoryStore, dynamoPorts, fileRecordStore, incidentStore, staffDirectory, studentRecords } from '../../../shared/deps/dynamo-ports';
import { identityPorts } from '../../../shared/deps/identity';
import { filePorts } from '../../../shared/deps/files';

/** What functions/api/me/get.ts hands its route; the tests replace the context it would build. */
const meWiring = { contract: meReadContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory }), cognito: identityPorts } } as const;

/** The wiring of functions/api/me/get.ts, bound to fake deps instead of production's. */
function meRoute(profiles: StaffProfile[], domain?: (input: RouteInput<'me.read', 'staff' | 'audit'>) => Promise<RouteResult>) {
  const deps = fakeDeps({ staff: new InMemoryStaffDirectory(profiles) });
  const config = testConfig();
  const handler = apiRoute(meReadRoute, { ...meWiring, context: () => ({ config, deps }) }).handle(
    domain ?? (async ({ caller, deps: routeDeps }) => ok(describeMe(routeDeps, requireStaff(caller)))),
  );
  return { handler, deps, config };
}

function meRequest(profile?: StaffProfile, extra: { requestId?: string; headers?: Record<string, string>; authTime?: Date } = {}) {
  return apiEvent({
    method: 'GET',
    path: '/v1/me',
    requestId: extra.requestId,
    headers: extra.headers,
    claims: profile ? cognitoAccessClaims({ sub: profile.id, groups: [...profile.groups], authTime: extra.authTime }) : undefined,
  });
}

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? '') as Record<string, unknown>;

describe('apiRoute', () => {
  it('answers an anonymous caller on a signed-in route with a 401 and never runs the domain', async () => {
    // Prepare
    const domain = vi.fn(async () => ok({}));
    const { handler } = meRoute([], domain);

    // Act
    const response = await handler(meRequest(undefined, { requestId: 'anon-request-1' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(bodyOf(response)).toEqual({ error: 'unauthorized', message: 'Sign in to use Lantern.', requestId: 'anon-request-1' });
    expect(domain).not.toHaveBeenCalled();
  });

  it('answers a signed-in member of staff with their profile', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler } = meRoute([teacher]);

    // Act
    const response = await handler(meRequest(teacher), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      id: teacher.id,
      email: 'r.ahmed@castlemead.example.sch.uk',
      givenName: 'Rukhsana',
      familyName: 'Ahmed',
      displayName: 'Rukhsana Ahmed',
      jobTitle: 'Class teacher, Year 4',
      groups: ['staff'],
      mfaEnrolled: false,
      elevated: false,
    });
  });

  it('reports a DSL’s elevation from their recent authenticator sign-in', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const { handler, deps } = meRoute([lead]);
    deps.clock.set('2025-01-15T10:00:00.000Z');

    // Act
    const response = await handler(meRequest(lead, { authTime: new Date('2025-01-15T09:50:00.000Z') }), lambdaContext());

    // Assess
    expect(bodyOf(response)).toMatchObject({ groups: ['staff', 'dsl'], mfaEnrolled: true, elevated: true, elevatedUntil: '2025-01-15T10:20:00.000Z' });
  });

  it('takes groups from the profile even when the token still says dsl', async () => {
    // Prepare
    const demoted = staffProfile({ groups: ['staff'] });
    const { handler } = meRoute([demoted]);
    const event = apiEvent({ method: 'GET', path: '/v1/me', claims: cognitoAccessClaims({ sub: demoted.id, groups: ['dsl', 'staff'] }) });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(bodyOf(response).groups).toEqual(['staff']);
  });

  it('refuses a disabled account with 403 account_disabled', async () => {
    // Prepare
    const leaver = staffProfile({ status: 'disabled' });
    const { handler, deps } = meRoute([leaver]);

    // Act
    const response = await handler(meRequest(leaver), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(bodyOf(response)).toMatchObject({ error: 'account_disabled' });
    // A disabled account's attempt is audited as refused, against the token's subject.
    expect(deps.audit.events).toEqual([expect.objectContaining({ staffId: leaver.id, outcome: 'refused', reason: 'account_disabled', action: 'me.read', groups: [] })]);
  });

  it('refuses a token with no staff profile with 403 forbidden', async () => {
    // Prepare
    const stranger = staffProfile({ id: 'not-in-the-directory' });
    const { handler } = meRoute([]);

    // Act
    const response = await handler(meRequest(stranger), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(bodyOf(response)).toMatchObject({ error: 'forbidden' });
  });

  it('answers a domain NotFoundError with a 404', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler } = meRoute([teacher], async () => {
      throw new NotFoundError('No such record.');
    });

    // Act
    const response = await handler(meRequest(teacher, { requestId: 'req-404' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({ error: 'not_found', message: 'No such record.', requestId: 'req-404' });
  });

  it('answers an unexpected failure with a generic 500 quoting API Gateway’s request id', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler, deps } = meRoute([teacher], async () => {
      throw new Error('Cannot read pupil Amelia Hart');
    });
    const event = meRequest(teacher, { requestId: 'Kx3vYhQmLPEEMVw=' });

    // Act
    const response = await handler(event, lambdaContext('lambda-request-id'));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({ error: 'internal_error', message: INTERNAL_ERROR_MESSAGE, requestId: event.requestContext.requestId });
    expect(response.body).not.toContain('Amelia');
    expect(deps.logLines.join('\n')).not.toContain('Amelia');
  });

  it('sends JSON, no-store, nosniff and the request id on every response', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler } = meRoute([teacher]);

    // Act
    const responses = await Promise.all([
      handler(meRequest(teacher, { requestId: 'req-ok' }), lambdaContext()),
      handler(meRequest(undefined, { requestId: 'req-anon' }), lambdaContext()),
    ]);

    // Assess
    expect(responses.map((response) => response.headers)).toEqual([
      { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': 'req-ok' },
      { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': 'req-anon' },
    ]);
  });

  it('adds the headers and status a domain answers', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler } = meRoute([teacher], async () => ({ status: 201, body: { id: 'new' }, headers: { location: '/v1/things/new' } }));

    // Act
    const response = await handler(meRequest(teacher), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(201);
    expect(response.headers).toMatchObject({ location: '/v1/things/new', 'cache-control': 'no-store' });
  });

  it('hands the domain the caller, request id, source address and lower-cased headers', async () => {
    // Prepare
    const teacher = staffProfile();
    const seen: RouteInput<'me.read', 'staff' | 'audit'>[] = [];
    const { handler, deps, config } = meRoute([teacher], async (input) => {
      seen.push(input);
      return ok({});
    });

    // Act
    await handler(meRequest(teacher, { requestId: 'req-input', headers: { 'X-Lantern-Client': 'web-1.4.0' } }), lambdaContext());

    // Assess
    const [input] = seen;
    expect(input).toMatchObject({ requestId: 'req-input', sourceIp: '203.0.113.24', caller: { kind: 'staff', staffId: teacher.id }, body: undefined });
    expect(input!.headers['x-lantern-client']).toBe('web-1.4.0');
    expect(input!.deps).toBe(deps);
    expect(input!.config).toBe(config);
  });

  it('falls back to the Lambda request id when API Gateway gives none', async () => {
    // Prepare
    const { handler } = meRoute([]);
    const event = meRequest(undefined);
    const withoutRequestId = { ...event, requestContext: { ...event.requestContext, requestId: undefined as unknown as string } };

    // Act
    const response = await handler(withoutRequestId, lambdaContext('lambda-request-id'));

    // Assess
    expect(response.headers).toMatchObject({ 'x-request-id': 'lambda-request-id' });
    expect(bodyOf(response).requestId).toBe('lambda-request-id');
  });

  it('logs each request’s outcome with the route, request id and staff id, never the body', async () => {
    // Prepare
    const teacher = staffProfile();
    const { handler, deps } = meRoute([teacher]);

    // Act
    await handler(meRequest(teacher, { requestId: 'req-log' }), lambdaContext());

    // Assess
    const entries = deps.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ message: 'request completed', status: 200, route: 'me.read', requestId: 'req-log' }));
    expect(deps.logLines.join('\n')).not.toContain('r.ahmed@castlemead');
  });

  it('builds config and deps once, when the route is built, not on each request', async () => {
    // Prepare
    const teacher = staffProfile();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });
    const context = vi.fn(() => ({ config: testConfig(), deps }));

    // Act
    const handler = apiRoute(meReadRoute, { ...meWiring, context }).handle(async () => ok({}));
    await handler(meRequest(teacher), lambdaContext());
    await handler(meRequest(teacher), lambdaContext());

    // Assess
    expect(context).toHaveBeenCalledTimes(1);
  });
});

describe('apiRoute on a route with path parameters and a JSON body', () => {
  const incidentId = '01JHT0000000000000000000042';

  function actionRoute() {
    const teacher = staffProfile();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });
    const seen: RouteInput<'actions.create', 'audit' | 'staff' | 'students' | 'categories' | 'alertGroups' | 'incidents' | 'fileRecords'>[] = [];
    const handler = apiRoute(actionsCreateRoute, { contract: actionsCreateContract, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, students: studentRecords, categories: categoryStore, alertGroups: alertGroupDirectory, incidents: incidentStore, fileRecords: fileRecordStore }), cognito: identityPorts, s3: filePorts }, context: () => ({ config: testConfig(), deps }) }).handle(async (input) => {
      seen.push(input);
      return { status: 201, body: { ok: true } };
    });
    const request = (options: { body?: unknown; headers?: Record<string, string>; id?: string }) =>
      apiEvent({
        method: 'POST',
        path: `/v1/incidents/${options.id ?? incidentId}/actions`,
        pathParameters: { id: options.id ?? incidentId },
        claims: cognitoAccessClaims({ sub: teacher.id, groups: ['staff'] }),
        body: options.body,
        headers: options.headers,
      });
    return { handler, seen, request };
  }

  it('hands the domain the parsed body and path parameters', async () => {
    // Prepare
    const { handler, seen, request } = actionRoute();

    // Act
    const response = await handler(request({ body: { text: '  Spoke to mum at pick-up.  ' } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(201);
    expect(seen[0]).toMatchObject({ params: { id: incidentId }, body: { text: 'Spoke to mum at pick-up.', taggedStaffIds: [] } });
  });

  it('answers malformed JSON with 400 malformed_request', async () => {
    // Prepare
    const { handler, seen, request } = actionRoute();

    // Act
    const response = await handler(request({ body: '{"text": "Spoke to mum', headers: { 'content-type': 'application/json' } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'malformed_request' });
    expect(seen).toHaveLength(0);
  });

  it('answers a body that is not JSON with 415', async () => {
    // Prepare
    const { handler, request } = actionRoute();

    // Act
    const response = await handler(request({ body: 'text=Spoke+to+mum', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('names each invalid field of the body', async () => {
    // Prepare
    const { handler, request } = actionRoute();

    // Act
    const response = await handler(request({ body: { taggedStaffIds: ['   '] } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({
      error: 'validation_failed',
      issues: expect.arrayContaining([{ field: 'text', message: 'is required' }, { field: 'taggedStaffIds.0', message: 'must not be empty' }]),
    });
  });

  it('answers a missing body with 400 validation_failed, not a crash', async () => {
    // Prepare
    const { handler, request } = actionRoute();

    // Act
    const response = await handler(request({}), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'validation_failed' });
  });

  it('passes a well-formed Idempotency-Key to the domain and refuses a malformed one', async () => {
    // Prepare
    const { handler, seen, request } = actionRoute();
    const body = { text: 'Logged with the DSL.' };

    // Act
    const accepted = await handler(request({ body, headers: { 'Idempotency-Key': '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' } }), lambdaContext());
    const refused = await handler(request({ body, headers: { 'Idempotency-Key': 'key 1' } }), lambdaContext());

    // Assess
    expect(accepted.statusCode).toBe(201);
    expect(seen[0]!.idempotencyKey).toBe('6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f');
    expect(refused.statusCode).toBe(400);
    expect(bodyOf(refused)).toMatchObject({ issues: [{ field: 'Idempotency-Key', message: expect.any(String) }] });
    expect(seen).toHaveLength(1);
  });
});
