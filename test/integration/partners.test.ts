import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { localFacts } from './support/local-facts';
import { signInDemoUser } from './support/sign-in';
import { claimsOf, signWithLocalStackKey, signWithStrangerKey } from './support/forge-token';
import { emailsTo, sentEmails } from './support/sent-emails';
import { demoStudents } from '../../local/seed/demo-school';

/**
 * Issue 16 on the local twin: partner systems get client-credentials tokens from the pool's
 * token endpoint, the gateway checks their scopes and throttles them per client as API
 * Gateway does, staff and partner tokens are each refused on the other's routes, and a
 * police Operation Encompass notification is matched, recorded, flagged and alerted.
 */
const partner = (id: string) => {
  const found = localFacts().partners.find((each) => each.id === id);
  if (!found) throw new Error(`No partner ${id}`);
  return found;
};
const police = () => partner('northshire-police');
const council = () => partner('northshire-council');

async function tokenResponse(clientId: string, secret: string, form: Record<string, string> = {}) {
  const response = await fetch(localFacts().cognito.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...form }).toString(),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string; expires_in?: number } };
}

async function partnerToken(client: { clientId: string; clientSecret: string }) {
  const { body } = await tokenResponse(client.clientId, client.clientSecret);
  return body.access_token!;
}

/** A pupil on the demo roll, and a notification about them. */
const ava = demoStudents[0]!;
const notification = (policeReference: string, child: Record<string, string> = { givenName: ava.givenName, familyName: ava.familyName, dateOfBirth: ava.dateOfBirth }) => ({
  policeReference,
  child,
  occurredAt: new Date(Date.now() - 10 * 3_600_000).toISOString(),
  location: 'The family home',
  childPresent: true,
  childVoice: 'Said she hid upstairs with her brother and heard shouting.',
  circumstances: 'Officers attended a verbal argument between the adults; no arrests.',
});
const reference = (tag: string) => `NP/${tag}/${Date.now()}`;

let policeToken: string;
let dslToken: string;
let teacherToken: string;

beforeAll(async () => {
  policeToken = await partnerToken(police());
  dslToken = (await signInDemoUser('amara.okafor@oakfield.example')).token;
  teacherToken = (await signInDemoUser('hannah.price@oakfield.example')).token;
});

describe("the pool's token endpoint for partner systems", () => {
  it('issues a client-credentials token carrying the client, as its own subject, and its scopes', async () => {
    // Act
    const { status, body } = await tokenResponse(police().clientId, police().clientSecret);

    // Assess
    expect(status).toBe(200);
    expect(body.expires_in).toBe(3600);
    expect(claimsOf(body.access_token!)).toMatchObject({ sub: police().clientId, client_id: police().clientId, token_use: 'access', scope: 'lantern/encompass.write', iss: localFacts().cognito.issuer });
  });

  it('refuses a wrong secret, and a scope the client was not granted', async () => {
    // Act
    const wrongSecret = await tokenResponse(police().clientId, 'not-the-secret');
    const wrongScope = await tokenResponse(police().clientId, police().clientSecret, { scope: 'lantern/la.summary.read' });

    // Assess
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(wrongScope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });
});

describe('partner routes and staff routes refuse each other', () => {
  it('refuses a token without the route’s scope (the local authority’s on the Encompass route)', async () => {
    // Act
    const response = await callApi('/v1/partners/encompass-notifications', { method: 'POST', token: await partnerToken(council()), body: notification(reference('scope')) });

    // Assess
    expect(response).toMatchObject({ status: 403, body: { message: 'Forbidden' } });
  });

  it('refuses a staff token on a partner route, even a DSL’s', async () => {
    // Act
    const response = await callApi('/v1/partners/encompass-notifications', { method: 'POST', token: dslToken, body: notification(reference('staff')) });

    // Assess
    expect(response.status).toBe(403);
  });

  it('refuses a partner token on a staff route (the unit matrix checks the refusal is audited with the client id)', async () => {
    // Act
    const response = await callApi<{ error: string }>('/v1/students?query=ava', { token: policeToken });

    // Assess
    expect(response).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it('refuses an expired partner token, and one from another school’s pool', async () => {
    // Prepare
    const claims = claimsOf(policeToken);
    const expired = await signWithLocalStackKey({ ...claims, iat: Number(claims.iat) - 7200, exp: Number(claims.iat) - 3600 });
    const otherSchool = await signWithLocalStackKey({ ...claims, iss: `${localFacts().cognito.endpoint}/local_OtherSchool` });
    const strangerKey = await signWithStrangerKey(claims);

    // Act
    const answers = await Promise.all([expired, otherSchool, strangerKey].map(async (token) => (await callApi('/v1/partners/encompass-notifications', { method: 'POST', token, body: notification(reference('bad')) })).status));

    // Assess
    expect(answers).toEqual([401, 401, 401]);
  });
});

describe('an Operation Encompass notification', () => {
  it('is matched by UPN, recorded first on triage, flagged, and alerts the DSLs by an email with no pupil content', async () => {
    // Prepare
    const policeReference = reference('upn');

    // Act
    const received = await callApi<{ notificationId: string }>('/v1/partners/encompass-notifications', {
      method: 'POST',
      token: policeToken,
      body: notification(policeReference, { givenName: 'Avah', familyName: 'Thornton', dateOfBirth: ava.dateOfBirth, upn: ava.upn }),
    });

    // Assess
    expect(received.status).toBe(201);
    expect(received.body).not.toHaveProperty('studentId');
    const list = await callApi<{ notifications: { id: string; status: string; studentId?: string; incidentId?: string }[] }>('/v1/encompass-notifications', { token: dslToken });
    const mine = list.body.notifications.find((each) => each.id === received.body.notificationId)!;
    expect(mine).toMatchObject({ status: 'matched', studentId: ava.id });
    const triage = await callApi<{ incidents: { id: string }[] }>('/v1/triage?limit=100', { token: dslToken });
    expect(triage.body.incidents[0]?.id).toBe(mine.incidentId);
    const file = await callApi<{ safeguarding: { flags: { kind: string }[] } }>(`/v1/students/${ava.id}`, { token: dslToken });
    expect(file.body.safeguarding.flags.map((flag) => flag.kind)).toContain('operation_encompass');
    const dsl = localFacts().users.find((user) => user.email === 'amara.okafor@oakfield.example')!;
    let emails: Awaited<ReturnType<typeof sentEmails>> = [];
    for (let attempt = 0; attempt < 40 && !emails.some((email) => email.body.text?.includes(mine.incidentId!)); attempt++) {
      await sleep(250);
      emails = emailsTo(await sentEmails(), dsl.email);
    }
    const email = emails.find((each) => each.body.text?.includes(mine.incidentId!))!;
    expect(email.body.text).toContain('Operation Encompass');
    for (const secret of [ava.givenName, ava.familyName, ava.upn, policeReference, 'hid upstairs', 'family home']) expect(`${email.subject}\n${email.body.text}`).not.toContain(secret);
  });

  it('answers a police reference sent again with the first receipt (200), recording nothing more', async () => {
    // Prepare
    const policeReference = reference('dup');
    const first = await callApi<{ notificationId: string }>('/v1/partners/encompass-notifications', { method: 'POST', token: policeToken, body: notification(policeReference) });

    // Act
    const again = await callApi<{ notificationId: string }>('/v1/partners/encompass-notifications', { method: 'POST', token: policeToken, body: notification(policeReference.toLowerCase()) });

    // Assess
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.notificationId).toBe(first.body.notificationId);
  });

  it('waits unmatched, first in the DSL’s list, until a DSL matches it by hand', async () => {
    // Prepare
    const received = await callApi<{ notificationId: string }>('/v1/partners/encompass-notifications', {
      method: 'POST',
      token: policeToken,
      body: notification(reference('none'), { givenName: 'Ava', familyName: 'Thornton', dateOfBirth: '2001-01-01' }),
    });
    const before = await callApi<{ notifications: { id: string; status: string }[] }>('/v1/encompass-notifications', { token: dslToken });

    // Act
    const byTeacher = await callApi(`/v1/encompass-notifications/${received.body.notificationId}/match`, { method: 'POST', token: teacherToken, body: { studentId: ava.id } });
    const matched = await callApi<{ notification: { status: string; match: string; incidentId: string } }>(`/v1/encompass-notifications/${received.body.notificationId}/match`, {
      method: 'POST',
      token: dslToken,
      body: { studentId: ava.id },
    });

    // Assess
    expect(before.body.notifications[0]).toMatchObject({ id: received.body.notificationId, status: 'unmatched' });
    expect(byTeacher.status).toBe(403);
    expect(matched.status).toBe(200);
    expect(matched.body.notification).toMatchObject({ status: 'matched', match: 'by_hand' });
  });
});

describe('rate limiting per partner client', () => {
  it('answers 429 once the client passes the route’s burst, and lets it in again after a pause', async () => {
    // Prepare: invalid bodies, so nothing is written; the limit comes before the handler.
    const attempts = Array.from({ length: 25 }, () => callApi('/v1/partners/encompass-notifications', { method: 'POST', token: policeToken, body: {} }));

    // Act
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    await sleep(2_500);
    const later = await callApi('/v1/partners/encompass-notifications', { method: 'POST', token: policeToken, body: {} });

    // Assess
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThanOrEqual(10);
    expect(later.status).toBe(400);
  });
});
