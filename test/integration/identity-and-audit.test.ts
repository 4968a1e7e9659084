import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, PostAuthenticationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDemoUser } from '../../local/local-facts';
import { staffProfileKey } from '../../shared/adapters/dynamo/keys';
import type { AuditEvent } from '../../shared/domain/audit/audit-event';
import { callApi, type ApiResponse } from './support/call-api';
import { claimsOf, signWithLocalStackKey } from './support/forge-token';
import { localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';
import { backdateSignIns, challengeAtSignIn, recordSameSignInAt, signInFirstTime, turnOffAuthenticator } from './support/user-pool';

/**
 * Issue 5 on the local stack: a deputy DSL enrols an authenticator and elevates; the
 * elevation window runs from the token's auth_time; an administrator's changes to an
 * account apply on its very next request; a scripted session leaves exactly one audit
 * event per read and write, refusals included; the sign-in triggers write to the same trail.
 *
 * The stack is shared with the other files: demo teachers, Amara and Tom are only used,
 * never changed. Accounts that are disabled or regrouped are invited here; Chloe's
 * authenticator is turned off again at the end.
 */
interface Me {
  readonly id: string;
  readonly groups: string[];
  readonly mfaEnrolled: boolean;
  readonly elevated: boolean;
  readonly elevatedUntil?: string;
}

interface ErrorBody {
  readonly error: string;
}

interface AuditPage {
  readonly events: AuditEvent[];
}

interface StaffAccount {
  readonly id: string;
  readonly email: string;
  readonly groups: string[];
  readonly status: string;
  readonly mfaEnrolled: boolean;
}

const WINDOW_SECONDS = 30 * 60;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Meets the pool's policy: 8+ characters with upper, lower, digit and symbol. */
const NEW_PASSWORD = 'Lantern!Supply2026';

let documents: DynamoDBDocumentClient;
let admin: string;

function demo(email: string): LocalDemoUser {
  const user = localFacts().users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

async function tokenOf(user: LocalDemoUser): Promise<string> {
  return (await signIn(user.email, user.password, user.totpSecret)).accessToken;
}

function audit(query: Record<string, string>, token: string): Promise<ApiResponse<AuditPage & ErrorBody>> {
  return callApi<AuditPage & ErrorBody>(`/v1/audit?${new URLSearchParams(query).toString()}`, { token });
}

function me(token: string): Promise<ApiResponse<Me & ErrorBody>> {
  return callApi<Me & ErrorBody>('/v1/me', { token });
}

/**
 * An accepted token for the same session, as if its sign-in was `minutesAgo` ago (cognito-local
 * stamps auth_time = now): the user pool's history gets the same sign-in at that time, which
 * the token names as its `event_id`.
 */
async function signedInMinutesAgo(token: string, minutesAgo: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = claimsOf(token);
  const authTime = now - minutesAgo * 60;
  const eventId = recordSameSignInAt(String(claims.sub), String(claims.event_id), new Date(authTime * 1000 - 5_000));
  return signWithLocalStackKey({ ...claims, event_id: eventId, auth_time: authTime, iat: now - 60, exp: now + 3540 });
}

function authTimeOf(token: string): number {
  const authTime = claimsOf(token).auth_time;
  if (typeof authTime !== 'number') throw new Error('The token has no auth_time');
  return authTime;
}

/** Waits for the clock's next whole second after `epochSeconds`. */
async function afterSecond(epochSeconds: number): Promise<void> {
  const wait = (epochSeconds + 1) * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 20));
}

async function invite(groups: string[], token = admin): Promise<StaffAccount> {
  const response = await callApi<StaffAccount>('/v1/staff', {
    method: 'POST',
    token,
    body: { email: `supply.${randomUUID().slice(0, 8)}@oakfield.example`, givenName: 'Robin', familyName: 'Ashcroft', jobTitle: 'Supply Teacher', groups },
  });
  if (response.status !== 201) throw new Error(`Inviting a member of staff answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  const facts = localFacts();
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
  admin = await tokenOf(demo('olivia.bennett@oakfield.example'));
});

afterAll(() => documents.destroy());

describe('enrolling an authenticator and elevating (a deputy DSL)', () => {
  const chloe = demo('chloe.evans@oakfield.example');
  let beforeEnrolment: string;
  let secret: string;
  let elevatedToken: string;

  beforeAll(async () => {
    expect(chloe.totpSecret).toBeUndefined();
    beforeEnrolment = await tokenOf(chloe);
  });

  afterAll(async () => {
    // Leave Chloe as the other files expect her: a DSL without an authenticator.
    if (secret) await turnOffAuthenticator((await signIn(chloe.email, chloe.password, secret)).accessToken);
    await documents.send(
      new UpdateCommand({ TableName: localFacts().dynamodb.recordsTable, Key: staffProfileKey(chloe.id), UpdateExpression: 'REMOVE mfaEnrolledAt' }),
    );
  });

  it('is not elevated before enrolling, and the audit asks her to step up', async () => {
    // Act
    const profile = await me(beforeEnrolment);
    const attempt = await audit({ recordId: chloe.id }, beforeEnrolment);

    // Assess
    expect(profile.body).toMatchObject({ id: chloe.id, mfaEnrolled: false, elevated: false });
    expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
  });

  it('starts enrolment with a TOTP secret and an otpauth URI for a QR code', async () => {
    // Act
    const response = await callApi<{ secret: string; otpauthUri: string }>('/v1/me/mfa/setup', { method: 'POST', token: beforeEnrolment });

    // Assess
    expect(response.status).toBe(200);
    secret = response.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const uri = new URL(response.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toContain(chloe.email);
    expect(uri.searchParams.get('secret')).toBe(secret);
  });

  it('refuses a wrong code with 422 and records no enrolment', async () => {
    // Prepare
    const right = await generate({ secret });
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');

    // Act
    const response = await callApi<ErrorBody>('/v1/me/mfa/verify', { method: 'POST', token: beforeEnrolment, body: { code: wrong } });
    const profile = await me(beforeEnrolment);

    // Assess
    expect(response.status).toBe(422);
    expect(profile.body.mfaEnrolled).toBe(false);
    expect(await challengeAtSignIn(chloe.email, chloe.password)).toBeUndefined();
  });

  it('confirms a real code; the session that signed in without a code stays unelevated', async () => {
    // Prepare: a person takes longer than a second to scan the code, so the test does too
    // (auth_time is whole seconds; the enrolment second itself never counts as elevated).
    await afterSecond(authTimeOf(beforeEnrolment));

    // Act
    const response = await callApi<{ mfaEnrolled: boolean }>('/v1/me/mfa/verify', { method: 'POST', token: beforeEnrolment, body: { code: await generate({ secret }) } });
    const profile = await me(beforeEnrolment);
    const attempt = await audit({ recordId: chloe.id }, beforeEnrolment);

    // Assess
    expect(response).toMatchObject({ status: 200, body: { mfaEnrolled: true } });
    expect(profile.body).toMatchObject({ mfaEnrolled: true, elevated: false });
    expect(profile.body.elevatedUntil).toBeUndefined();
    expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
  });

  it('asks for a code at every later sign-in and, signed in with one, is elevated until auth_time + 30 minutes', async () => {
    // Prepare: a sign-in in the enrolment's own second never elevates (auth_time is whole seconds).
    await afterSecond(Math.floor(Date.now() / 1000));

    // Act
    const challenge = await challengeAtSignIn(chloe.email, chloe.password);
    elevatedToken = await tokenOf({ ...chloe, totpSecret: secret });
    const profile = await me(elevatedToken);
    const trail = await audit({ recordId: chloe.id }, elevatedToken);

    // Assess
    expect(challenge).toBe('SOFTWARE_TOKEN_MFA');
    expect(profile.body).toMatchObject({ mfaEnrolled: true, elevated: true });
    expect(profile.body.elevatedUntil).toBe(new Date((authTimeOf(elevatedToken) + WINDOW_SECONDS) * 1000).toISOString());
    expect(trail.status).toBe(200);
    // The enrolment itself is on her record, made from the session without a code.
    expect(trail.body.events.filter((event) => event.action === 'staff.mfa.enrol')).toEqual([
      expect.objectContaining({ outcome: 'allowed', staffId: chloe.id, recordType: 'staff', elevated: false }),
    ]);
  });

  describe('the elevation window, from the token\'s auth_time', () => {
    const TWO_HOURS = 2 * 3_600_000;

    it('does not elevate a sign-in 5 minutes ago that came before the enrolment', async () => {
      // Prepare
      const token = await signedInMinutesAgo(elevatedToken, 5);

      // Act
      const attempt = await audit({ recordId: chloe.id }, token);

      // Assess
      expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
    });

    it.each([
      [5, 200, true],
      [29, 200, true],
      [31, 403, false],
      [90, 403, false],
    ])('a sign-in %i minutes ago, after enrolment, reads the audit with %i (elevated: %s)', async (minutesAgo, status, elevated) => {
      // Prepare: enrolled two hours ago, so only the window can decide; her sign-ins move
      // back with it (those before the enrolment, without a code, stay before it).
      backdateSignIns(chloe.id, TWO_HOURS);
      await documents.send(
        new UpdateCommand({
          TableName: localFacts().dynamodb.recordsTable,
          Key: staffProfileKey(chloe.id),
          UpdateExpression: 'SET mfaEnrolledAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': new Date(Date.now() - TWO_HOURS).toISOString() },
        }),
      );
      const token = await signedInMinutesAgo(elevatedToken, minutesAgo);

      // Act
      const attempt = await audit({ recordId: chloe.id }, token);
      const profile = await me(token);

      // Assess
      expect(attempt.status).toBe(status);
      if (status === 403) expect(attempt.body.error).toBe('elevation_required');
      expect(profile.body.elevated).toBe(elevated);
      expect(profile.body.elevatedUntil).toBe(elevated ? new Date((authTimeOf(token) + WINDOW_SECONDS) * 1000).toISOString() : undefined);
    });
  });

  it('stops elevating once she switches the authenticator off in Cognito (a password alone would then sign her in)', async () => {
    // Prepare: a fresh sign-in with a code (the window tests above rewrote the history of the earlier ones).
    const freshSession = (await signIn(chloe.email, chloe.password, secret)).accessToken;
    const stillElevated = await me(freshSession);

    // Act
    await turnOffAuthenticator(freshSession);
    const profile = await me(freshSession);
    const attempt = await audit({ recordId: chloe.id }, freshSession);

    // Assess
    expect(stillElevated.body.elevated).toBe(true);
    expect(profile.body).toMatchObject({ mfaEnrolled: true, elevated: false });
    expect(attempt).toMatchObject({ status: 403, body: { error: 'elevation_required' } });
    secret = '';
  });
});

describe('an administrator\'s changes apply on the very next request', () => {
  it('lets only an administrator change an account', async () => {
    // Prepare
    const invited = await invite(['staff']);
    const teacher = await tokenOf(demo('hannah.price@oakfield.example'));

    // Act
    const attempt = await callApi<ErrorBody>(`/v1/staff/${invited.id}`, { method: 'PATCH', token: teacher, body: { status: 'disabled' } });
    const inviteAttempt = await callApi<ErrorBody>('/v1/staff', {
      method: 'POST',
      token: teacher,
      body: { email: 'not.invited@oakfield.example', givenName: 'Not', familyName: 'Invited', jobTitle: 'Nobody', groups: ['staff'] },
    });
    const list = await callApi<{ staff: StaffAccount[] }>('/v1/staff', { token: admin });
    const stillActive = list.body.staff.find((member) => member.id === invited.id);

    // Assess
    expect(attempt).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(inviteAttempt).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(stillActive?.status).toBe('active');
    expect(list.body.staff.some((member) => member.email === 'not.invited@oakfield.example')).toBe(false);
  });

  it('refuses an email address over Cognito\'s 128 characters with 400 naming the field, and creates no account', async () => {
    // Prepare
    const email = `${'robin.ashcroft.'.repeat(5).slice(0, 64)}@${'a'.repeat(56)}.example`;
    const before = await callApi<{ staff: StaffAccount[] }>('/v1/staff', { token: admin });

    // Act
    const response = await callApi<ErrorBody & { message: string; issues?: { field: string }[] }>('/v1/staff', {
      method: 'POST',
      token: admin,
      body: { email, givenName: 'Robin', familyName: 'Ashcroft', jobTitle: 'Supply Teacher', groups: ['staff'] },
    });
    const after = await callApi<{ staff: StaffAccount[] }>('/v1/staff', { token: admin });

    // Assess
    expect(email).toHaveLength(129);
    expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed', issues: [{ field: 'email' }] } });
    expect(response.body.message).toContain('128 characters');
    expect(after.body.staff).toHaveLength(before.body.staff.length);
  });

  it('invites a member of staff whose first sign-in sets their own password', async () => {
    // Prepare
    const invited = await invite(['staff']);

    // Act
    const first = await signInFirstTime(invited.email, NEW_PASSWORD);
    const again = await signIn(invited.email, NEW_PASSWORD);
    const profile = await me(first.accessToken);

    // Assess
    expect(invited).toMatchObject({ groups: ['staff'], status: 'active', mfaEnrolled: false });
    expect(profile).toMatchObject({ status: 200, body: { id: invited.id, groups: ['staff'], elevated: false } });
    expect(claimsOf(again.accessToken).sub).toBe(invited.id);
  });

  it('refuses a disabled account on its next request with the same token, and lets it back when re-enabled', async () => {
    // Prepare
    const invited = await invite(['staff']);
    const { accessToken } = await signInFirstTime(invited.email, NEW_PASSWORD);
    const before = await me(accessToken);

    // Act
    const disabled = await callApi<StaffAccount>(`/v1/staff/${invited.id}`, { method: 'PATCH', token: admin, body: { status: 'disabled' } });
    const next = await me(accessToken);
    const search = await callApi<ErrorBody>('/v1/students?query=isl', { token: accessToken });
    const enabled = await callApi<StaffAccount>(`/v1/staff/${invited.id}`, { method: 'PATCH', token: admin, body: { status: 'active' } });
    const afterEnabling = await me(accessToken);

    // Assess
    expect(before.status).toBe(200);
    expect(disabled).toMatchObject({ status: 200, body: { status: 'disabled' } });
    expect(next).toMatchObject({ status: 403, body: { error: 'account_disabled' } });
    expect(search).toMatchObject({ status: 403, body: { error: 'account_disabled' } });
    expect(enabled).toMatchObject({ status: 200, body: { status: 'active' } });
    expect(afterEnabling.status).toBe(200);
    // Each refused attempt of the disabled account is in the audit trail.
    const trail = await audit({ staffId: invited.id }, await tokenOf(demo('amara.okafor@oakfield.example')));
    const refusals = trail.body.events.filter((event) => event.outcome === 'refused');
    expect(refusals.map((event) => [event.action, event.reason])).toEqual([
      ['me.read', 'account_disabled'],
      ['students.search', 'account_disabled'],
    ]);
  });

  it('takes admin away on the next request with the same token', async () => {
    // Prepare
    const invited = await invite(['staff', 'admin']);
    const { accessToken } = await signInFirstTime(invited.email, NEW_PASSWORD);
    const invitedWhileAdmin = await invite(['staff'], accessToken);

    // Act
    const changed = await callApi<StaffAccount>(`/v1/staff/${invited.id}`, { method: 'PATCH', token: admin, body: { groups: ['staff'] } });
    const attempt = await callApi<ErrorBody>('/v1/staff', {
      method: 'POST',
      token: accessToken,
      body: { email: `supply.${randomUUID().slice(0, 8)}@oakfield.example`, givenName: 'Kit', familyName: 'Ellery', jobTitle: 'Supply Teacher', groups: ['staff'] },
    });
    const profile = await me(accessToken);

    // Assess
    expect(invitedWhileAdmin.status).toBe('active');
    expect(changed).toMatchObject({ status: 200, body: { groups: ['staff'] } });
    expect(claimsOf(accessToken)['cognito:groups']).toEqual(expect.arrayContaining(['admin']));
    expect(attempt).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(profile.body.groups).toEqual(['staff']);
  });
});

describe('the audit trail of a scripted session', () => {
  const hannah = demo('hannah.price@oakfield.example');
  const ben = demo('ben.hughes@oakfield.example');
  const olivia = demo('olivia.bennett@oakfield.example');
  const amara = demo('amara.okafor@oakfield.example');
  const tom = demo('tom.whitfield@oakfield.example');
  const tokens = new Map<string, string>();
  const token = (user: LocalDemoUser) => tokens.get(user.id)!;
  let incidentId: string;
  let actionId: string;
  let studentId: string;
  let started: number;
  /** The request id of each scripted call, in order. */
  const requestIds: string[] = [];

  beforeAll(async () => {
    for (const user of [hannah, ben, olivia, amara, tom]) tokens.set(user.id, await tokenOf(user));
    const pupils = await callApi<{ students: { id: string }[] }>('/v1/students?query=oscar', { token: token(hannah) });
    studentId = pupils.body.students[0]!.id;
  });

  it('runs the session: a teacher records, reads and adds an action; an unrelated teacher and the administrator are told it is not there', async () => {
    // Prepare
    started = Date.now();
    const step = async <T>(response: Promise<ApiResponse<T>>) => {
      const answered = await response;
      requestIds.push(answered.headers.get('apigw-requestid') ?? 'missing');
      return answered;
    };

    // Act
    const recorded = await step(
      callApi<{ id: string }>('/v1/incidents', {
        method: 'POST',
        token: token(hannah),
        body: { studentId, description: 'Oscar said "I was sent home with no coat". I am Hannah Price.', categories: [{ categoryId: 'well-being' }] },
      }),
    );
    incidentId = recorded.body.id;
    const read = await step(callApi(`/v1/incidents/${incidentId}`, { token: token(hannah) }));
    const action = await step(
      callApi<{ id: string }>(`/v1/incidents/${incidentId}/actions`, { method: 'POST', token: token(hannah), body: { text: 'Lent Oscar a coat from lost property.' } }),
    );
    actionId = action.body.id;
    const unrelatedRead = await step(callApi<ErrorBody>(`/v1/incidents/${incidentId}`, { token: token(ben) }));
    const unrelatedAction = await step(callApi<ErrorBody>(`/v1/incidents/${incidentId}/actions`, { method: 'POST', token: token(ben), body: { text: 'Me too' } }));
    const adminRead = await step(callApi<ErrorBody>(`/v1/incidents/${incidentId}`, { token: token(olivia) }));

    // Assess
    expect([recorded, read, action, unrelatedRead, unrelatedAction, adminRead].map((response) => response.status)).toEqual([201, 200, 201, 404, 404, 404]);
    expect(adminRead.body).toMatchObject({ error: 'not_found' });
    expect(new Set(requestIds).size).toBe(6);
  });

  it('shows the elevated DSL exactly one event per read and write, oldest first, refusals included', async () => {
    // Act
    const trail = await audit({ recordId: incidentId }, token(amara));

    // Assess
    expect(trail.status).toBe(200);
    expect(trail.body.events.map(({ action, outcome, reason, staffId }) => ({ action, outcome, reason, staffId }))).toEqual([
      { action: 'incident.create', outcome: 'allowed', reason: undefined, staffId: hannah.id },
      { action: 'incident.read', outcome: 'allowed', reason: undefined, staffId: hannah.id },
      { action: 'action.create', outcome: 'allowed', reason: undefined, staffId: hannah.id },
      { action: 'incident.read', outcome: 'refused', reason: 'not_found', staffId: ben.id },
      { action: 'action.create', outcome: 'refused', reason: 'not_found', staffId: ben.id },
      { action: 'incident.read', outcome: 'refused', reason: 'not_found', staffId: olivia.id },
    ]);
    expect(trail.body.events.map((event) => event.requestId)).toEqual(requestIds);
    // The action's audit event names the action among the incident's.
    expect(trail.body.events[2]!.detail).toEqual({ actionId });
    const groupsOf = { [hannah.id]: ['staff'], [ben.id]: ['staff'], [olivia.id]: ['admin'] };
    for (const event of trail.body.events) {
      expect(event).toMatchObject({ recordId: incidentId, studentIds: [studentId], elevated: false, sourceIp: '127.0.0.1', groups: groupsOf[event.staffId!] });
      expect(event.at).toMatch(ISO_UTC);
      expect(Date.parse(event.at)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(event.at)).toBeLessThanOrEqual(Date.now());
    }
    expect(trail.body.events.map((event) => event.at)).toEqual(trail.body.events.map((event) => event.at).sort());
  });

  it('audits reading the audit: the next query shows the first', async () => {
    // Act
    const trail = await audit({ recordId: incidentId }, token(amara));

    // Assess
    expect(trail.body.events).toHaveLength(7);
    expect(trail.body.events.at(-1)).toMatchObject({
      action: 'audit.read.record',
      outcome: 'allowed',
      recordType: 'audit',
      recordId: incidentId,
      staffId: amara.id,
      groups: ['staff', 'dsl'],
      elevated: true,
      sourceIp: '127.0.0.1',
    });
  });

  it('finds the same events by member of staff and by pupil', async () => {
    // Act
    const bens = await audit({ staffId: ben.id }, token(amara));
    const pupils = await audit({ studentId }, token(amara));

    // Assess
    expect(bens.status).toBe(200);
    expect(bens.body.events.filter((event) => event.recordId === incidentId).map(({ action, outcome }) => `${action} ${outcome}`)).toEqual([
      'incident.read refused',
      'action.create refused',
    ]);
    expect(bens.body.events.every((event) => event.staffId === ben.id)).toBe(true);
    expect(pupils.status).toBe(200);
    expect(pupils.body.events.filter((event) => event.recordId === incidentId).map((event) => event.requestId)).toEqual(requestIds);
    expect(pupils.body.events.every((event) => event.studentIds?.includes(studentId))).toBe(true);
  });

  it('records what the teacher searched for and which pupils it showed her', async () => {
    // Act
    const hannahsTrail = await audit({ staffId: hannah.id }, token(amara));

    // Assess
    expect(hannahsTrail.body.events.filter((event) => event.action === 'student.search' && event.detail?.query === 'oscar').at(-1)).toMatchObject({
      recordType: 'student',
      recordId: 'search',
      studentIds: expect.arrayContaining([studentId]),
      detail: { query: 'oscar', results: expect.any(String) },
    });
  });

  it('refuses the audit to an elevated SLT member and to a teacher, and audits both refusals', async () => {
    // Prepare
    const tomsElevation = await me(token(tom));

    // Act
    const slt = await audit({ recordId: incidentId }, token(tom));
    const teacher = await audit({ recordId: incidentId }, token(hannah));
    const tomsTrail = await audit({ staffId: tom.id }, token(amara));
    const hannahsTrail = await audit({ staffId: hannah.id }, token(amara));

    // Assess
    expect(tomsElevation.body.elevated).toBe(true);
    expect(slt).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(teacher).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const refusalOf = (trail: ApiResponse<AuditPage>, response: ApiResponse<unknown>) =>
      trail.body.events.filter((event) => event.requestId === response.headers.get('apigw-requestid'));
    expect(refusalOf(tomsTrail, slt)).toEqual([
      expect.objectContaining({ action: 'audit.read', outcome: 'refused', reason: 'forbidden', recordType: 'route', staffId: tom.id, groups: ['staff', 'slt'], elevated: true }),
    ]);
    expect(refusalOf(hannahsTrail, teacher)).toEqual([
      expect.objectContaining({ action: 'audit.read', outcome: 'refused', reason: 'forbidden', recordType: 'route', staffId: hannah.id, groups: ['staff'], elevated: false }),
    ]);
  });

  it.each([
    ['from after to', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'query.from'],
    ['to past year 9999 once in UTC', { to: '9999-12-31T23:59:59-14:00' }, 'query.to'],
  ])('answers an audit window with %s with 400 naming the field, not 500', async (_case, window, field) => {
    // Act
    const response = await callApi<ErrorBody & { issues?: { field: string }[] }>(`/v1/audit?${new URLSearchParams({ recordId: incidentId, ...window }).toString()}`, { token: token(amara) });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', issues: [{ field }] });
  });

  it.each([
    ['crafted with an empty partition key', () => Buffer.from(JSON.stringify({ pk: '', sk: '2026-01-01T00:00:00.000Z#X' })).toString('base64url')],
    ['crafted for this record, unsigned', () => Buffer.from(JSON.stringify({ pk: `RECORD#${incidentId}`, sk: '2026-01-01T00:00:00.000Z#X' })).toString('base64url')],
  ])('refuses an audit cursor %s with 400 naming the cursor, not 500', async (_case, cursor) => {
    // Act
    const response = await audit({ recordId: incidentId, cursor: cursor() }, token(amara));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', issues: [{ field: 'cursor' }] });
  });

  it('pages the audit with the cursor it gave out, and refuses that cursor on another record', async () => {
    // Act
    const first = await callApi<AuditPage & { nextCursor?: string }>(`/v1/audit?${new URLSearchParams({ recordId: incidentId, limit: '1' })}`, { token: token(amara) });
    const next = await audit({ recordId: incidentId, limit: '1', cursor: first.body.nextCursor ?? '' }, token(amara));
    const elsewhere = await audit({ recordId: ben.id, limit: '1', cursor: first.body.nextCursor ?? '' }, token(amara));

    // Assess
    expect(first.body.nextCursor).toBeDefined();
    expect(next.status).toBe(200);
    expect(next.body.events[0]?.id).not.toBe(first.body.events[0]?.id);
    expect(elsewhere.status).toBe(400);
  });

  it('answers an audit query naming two of recordId, staffId and studentId with 400', async () => {
    // Act
    const response = await audit({ recordId: incidentId, staffId: ben.id }, token(amara));
    const none = await audit({}, token(amara));

    // Assess
    expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    expect(none.status).toBe(400);
  });
});

describe('sign-in events from the user pool triggers', () => {
  // cognito-local does not run these triggers; the same handler modules are called as the pool calls them.
  const daniel = demo('daniel.osei@oakfield.example');

  beforeAll(() => {
    const facts = localFacts();
    vi.stubEnv('AWS_REGION', facts.region);
    vi.stubEnv('AUDIT_TABLE', facts.dynamodb.auditTable);
    vi.stubEnv('DYNAMODB_ENDPOINT', facts.dynamodb.endpoint);
    vi.stubEnv('AWS_ACCESS_KEY_ID', facts.credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', facts.credentials.secretAccessKey);
  });

  afterAll(() => vi.unstubAllEnvs());

  it('records the attempt before the password is checked and the success after, on the member of staff', async () => {
    // Prepare
    const facts = localFacts();
    const { handler: preAuthentication } = await import('../../functions/cognito/pre-authentication');
    const { handler: postAuthentication } = await import('../../functions/cognito/post-authentication');
    const common = {
      version: '1',
      region: facts.region,
      userPoolId: facts.cognito.userPoolId,
      userName: daniel.id,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: facts.cognito.clientId },
      response: {},
    };
    const userAttributes = { sub: daniel.id, email: daniel.email, email_verified: 'true', given_name: daniel.givenName, family_name: daniel.familyName };
    const attempt: PreAuthenticationTriggerEvent = {
      ...common,
      triggerSource: 'PreAuthentication_Authentication',
      request: Object.assign({ userAttributes, validationData: {} }, { userContextData: { sourceIp: '203.0.113.7', encodedData: '' } }),
    };
    const success: PostAuthenticationTriggerEvent = { ...common, triggerSource: 'PostAuthentication_Authentication', request: { userAttributes, newDeviceUsed: false } };
    const attemptRequest = randomUUID();
    const successRequest = randomUUID();
    const amara = await tokenOf(demo('amara.okafor@oakfield.example'));

    // Act
    const returnedAttempt = await preAuthentication(attempt, { awsRequestId: attemptRequest } as Context);
    const returnedSuccess = await postAuthentication(success, { awsRequestId: successRequest } as Context);
    const trail = await audit({ staffId: daniel.id }, amara);

    // Assess
    expect(returnedAttempt).toEqual(attempt);
    expect(returnedSuccess).toEqual(success);
    expect(trail.status).toBe(200);
    const signIns = trail.body.events.filter((event) => event.requestId === attemptRequest || event.requestId === successRequest);
    expect(signIns).toEqual([
      expect.objectContaining({ action: 'sign-in.attempt', recordType: 'sign-in', recordId: daniel.id, staffId: daniel.id, outcome: 'allowed', sourceIp: '203.0.113.7', requestId: attemptRequest }),
      expect.objectContaining({ action: 'sign-in.success', recordType: 'sign-in', recordId: daniel.id, staffId: daniel.id, outcome: 'allowed', requestId: successRequest }),
    ]);
    for (const event of signIns) expect(event.at).toMatch(ISO_UTC);
  });
});
