import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalDemoUser } from '../../local/local-facts';
import type { AuditEvent } from '../../shared/domain/audit/audit-event';
import { callApi, type ApiResponse } from './support/call-api';
import { localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';
import { signInFirstTime } from './support/user-pool';

/**
 * Issue 8 items 2, 5, 6 and 7 on the local stack: an administrator cannot read safeguarding
 * incidents through an account they invent; refusals decided in the domain are audited;
 * the staff and category lists are audited reads; and a pupil's audit trail finds every
 * read that showed the pupil, however it showed them. Demo users are only used, never
 * changed: every refused change leaves them as they were.
 */
interface ErrorBody {
  readonly error: string;
}

interface AuditPage {
  readonly events: AuditEvent[];
  readonly nextCursor?: string;
}

interface AlertGroup {
  readonly id: string;
  readonly memberCount: number;
}

const NEW_PASSWORD = 'Lantern!Helper2026';
const tokens = new Map<string, string>();

function demo(email: string): LocalDemoUser {
  const user = localFacts().users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

const olivia = () => demo('olivia.bennett@oakfield.example');
const amara = () => demo('amara.okafor@oakfield.example');
const hannah = () => demo('hannah.price@oakfield.example');
const daniel = () => demo('daniel.osei@oakfield.example');
const token = (user: LocalDemoUser) => tokens.get(user.id)!;
const requestIdOf = (response: ApiResponse<unknown>) => response.headers.get('apigw-requestid') ?? 'missing';

/** Every page of an audit query, following the cursor with a small page size. */
async function wholeTrail(query: Record<string, string>): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await callApi<AuditPage>(`/v1/audit?${new URLSearchParams({ ...query, limit: '2', ...(cursor ? { cursor } : {}) }).toString()}`, { token: token(amara()) });
    if (page.status !== 200) throw new Error(`The audit answered ${page.status}: ${JSON.stringify(page.body)}`);
    events.push(...page.body.events);
    cursor = page.body.nextCursor;
  } while (cursor);
  return events;
}

async function pupil(query: string): Promise<string> {
  const found = await callApi<{ students: { id: string }[] }>(`/v1/students?query=${query}`, { token: token(hannah()) });
  return found.body.students[0]!.id;
}

beforeAll(async () => {
  for (const user of [olivia(), amara(), hannah(), daniel()]) tokens.set(user.id, (await signIn(user.email, user.password, user.totpSecret)).accessToken);
});

describe('an administrator cannot read safeguarding incidents through an account they invent (item 2)', () => {
  it('invites the account, is refused adding it to the Safeguarding team, and the next safeguarding incident stays out of its reach', async () => {
    // Prepare
    const email = `helper.${randomUUID().slice(0, 8)}@oakfield.example`;
    const invited = await callApi<{ id: string }>('/v1/staff', {
      method: 'POST',
      token: token(olivia()),
      body: { email, givenName: 'Robin', familyName: 'Helper', jobTitle: 'Office helper', groups: ['staff'] },
    });
    const groupsBefore = await callApi<{ alertGroups: AlertGroup[] }>('/v1/alert-groups', { token: token(hannah()) });
    const team = groupsBefore.body.alertGroups.find((group) => group.id === 'safeguarding-team')!;

    // Act
    const joined = await callApi<ErrorBody>('/v1/alert-groups/safeguarding-team', {
      method: 'PATCH',
      token: token(olivia()),
      body: { memberIds: [amara().id, demo('chloe.evans@oakfield.example').id, invited.body.id] },
    });
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: token(hannah()),
      body: { studentId: await pupil('sienna'), description: 'Sienna said "I do not want to go home". I am Hannah Price.', categories: [{ categoryId: 'safeguarding' }], alert: { groupIds: ['safeguarding-team'] } },
    });
    const helper = (await signInFirstTime(email, NEW_PASSWORD)).accessToken;
    const read = await callApi<ErrorBody>(`/v1/incidents/${recorded.body.id}`, { token: helper });
    const alerts = await callApi<{ alerts: unknown[] }>('/v1/alerts', { token: helper });
    const groupsAfter = await callApi<{ alertGroups: AlertGroup[] }>('/v1/alert-groups', { token: token(hannah()) });
    const trail = await wholeTrail({ recordId: 'safeguarding-team' });

    // Assess
    expect(invited.status).toBe(201);
    expect(joined).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(recorded.status).toBe(201);
    expect(read).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(alerts.body.alerts).toEqual([]);
    expect(groupsAfter.body.alertGroups.find((group) => group.id === 'safeguarding-team')!.memberCount).toBe(team.memberCount);
    expect(trail.filter((event) => event.requestId === requestIdOf(joined))).toEqual([
      expect.objectContaining({ action: 'alert-group.update', outcome: 'refused', reason: 'forbidden', staffId: olivia().id, detail: expect.objectContaining({ membersAfter: expect.stringContaining(invited.body.id) }) }),
    ]);
  });
});

describe('refusals decided in the domain are audited, once each (item 5)', () => {
  it('audits an administrator inviting a DSL, granting DSL, changing their own groups, joining a group; a DSL changing their own groups; an unknown account', async () => {
    // Prepare
    const refusedAccount = (groups: string[]) => ({ email: `refused.${randomUUID().slice(0, 8)}@oakfield.example`, givenName: 'Kit', familyName: 'Refused', jobTitle: 'Nobody', groups });

    // Act
    const attempts = [
      await callApi<ErrorBody>('/v1/staff', { method: 'POST', token: token(olivia()), body: refusedAccount(['staff', 'dsl']) }),
      await callApi<ErrorBody>(`/v1/staff/${hannah().id}`, { method: 'PATCH', token: token(olivia()), body: { groups: ['staff', 'dsl'] } }),
      await callApi<ErrorBody>(`/v1/staff/${hannah().id}`, { method: 'PATCH', token: token(olivia()), body: { groups: ['staff', 'slt'] } }),
      await callApi<ErrorBody>(`/v1/staff/${olivia().id}`, { method: 'PATCH', token: token(olivia()), body: { groups: ['admin', 'staff'] } }),
      await callApi<ErrorBody>('/v1/alert-groups/slt', { method: 'PATCH', token: token(olivia()), body: { memberIds: [olivia().id] } }),
      await callApi<ErrorBody>(`/v1/staff/${randomUUID()}`, { method: 'PATCH', token: token(olivia()), body: { jobTitle: 'Nobody' } }),
    ];
    const lead = await callApi<ErrorBody>(`/v1/staff/${amara().id}`, { method: 'PATCH', token: token(amara()), body: { groups: ['staff', 'dsl', 'admin'] } });
    const byOlivia = await wholeTrail({ staffId: olivia().id });
    const byAmara = await wholeTrail({ staffId: amara().id });

    // Assess
    expect(attempts.map((attempt) => attempt.status)).toEqual([403, 403, 403, 403, 403, 404]);
    expect(lead.status).toBe(403);
    for (const attempt of attempts) {
      expect(byOlivia.filter((event) => event.requestId === requestIdOf(attempt)), JSON.stringify(attempt.body)).toEqual([
        expect.objectContaining({ outcome: 'refused', reason: attempt.body.error, staffId: olivia().id }),
      ]);
    }
    expect(byAmara.filter((event) => event.requestId === requestIdOf(lead))).toEqual([
      expect.objectContaining({ action: 'staff.update', outcome: 'refused', reason: 'forbidden', recordId: amara().id, elevated: true }),
    ]);
  });
});

describe('the staff directory and the category tree are audited reads (item 6)', () => {
  it('audits an administrator listing accounts and a teacher reading the categories', async () => {
    // Act
    const staff = await callApi('/v1/staff', { token: token(olivia()) });
    const categories = await callApi('/v1/categories', { token: token(hannah()) });
    const byOlivia = await wholeTrail({ staffId: olivia().id });
    const byHannah = await wholeTrail({ staffId: hannah().id });

    // Assess
    expect(byOlivia.filter((event) => event.requestId === requestIdOf(staff))).toEqual([
      expect.objectContaining({ action: 'staff.list', outcome: 'allowed', detail: expect.objectContaining({ accountDetails: 'shown' }) }),
    ]);
    expect(byHannah.filter((event) => event.requestId === requestIdOf(categories))).toEqual([expect.objectContaining({ action: 'category.list', outcome: 'allowed' })]);
  });
});

describe("who has looked at this child: the pupil's audit trail is complete (item 7)", () => {
  it('finds, page by page, each of nine reads that showed the pupil, however they showed them', async () => {
    // Prepare
    const zain = await pupil('moorcroft');
    const sienna = await pupil('sienna');
    const idempotencyKey = randomUUID();
    const linkedIncident = {
      studentId: sienna,
      description: 'Sienna said "Zain took my lunch again". I am Hannah Price.',
      categories: [{ categoryId: 'bullying' }],
      linkedStudents: [{ studentId: zain, role: 'alleged_perpetrator' }],
    };

    // Act: nine responses that name Zain.
    const search = await callApi('/v1/students?query=moorc', { token: token(hannah()) });
    const created = await callApi<{ id: string; linkedStudents: { name: string }[] }>('/v1/incidents', { method: 'POST', token: token(hannah()), headers: { 'idempotency-key': idempotencyKey }, body: linkedIncident });
    const replayed = await callApi('/v1/incidents', { method: 'POST', token: token(hannah()), headers: { 'idempotency-key': idempotencyKey }, body: linkedIncident });
    const authorRead = await callApi(`/v1/incidents/${created.body.id}`, { token: token(hannah()) });
    const leadRead = await callApi(`/v1/incidents/${created.body.id}`, { token: token(amara()) });
    const aboutZain = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: token(hannah()),
      body: { studentId: zain, description: 'Zain told me "I am hungry". I am Hannah Price.', categories: [{ categoryId: 'well-being' }], alert: { staffIds: [daniel().id] } },
    });
    const dashboard = await callApi<{ alerts: { id: string; incidentId: string }[] }>('/v1/alerts?unread=true', { token: token(daniel()) });
    const alertId = dashboard.body.alerts.find((alert) => alert.incidentId === aboutZain.body.id)!.id;
    const markedRead = await callApi(`/v1/alerts/${alertId}/read`, { method: 'POST', token: token(daniel()) });
    const acknowledged = await callApi(`/v1/alerts/${alertId}/acknowledge`, { method: 'POST', token: token(daniel()) });
    const reads = [search, created, replayed, authorRead, leadRead, aboutZain, dashboard, markedRead, acknowledged];
    const trail = await wholeTrail({ studentId: zain });

    // Assess
    expect(reads.map((response) => response.status)).toEqual([200, 201, 200, 200, 200, 201, 200, 200, 200]);
    expect(JSON.stringify(reads.map((response) => response.body))).not.toContain('"error"');
    const found = reads.map((response) => trail.filter((event) => event.requestId === requestIdOf(response)).map((event) => event.action));
    expect(found).toEqual([
      ['student.search'],
      ['incident.create'],
      ['incident.create.replayed'],
      ['incident.read'],
      ['incident.read'],
      ['incident.create'],
      ['alert.list'],
      ['alert.read'],
      ['alert.acknowledge'],
    ]);
    // Paging met every event once, oldest first.
    expect(new Set(trail.map((event) => event.id)).size).toBe(trail.length);
    expect(trail.map((event) => event.at)).toEqual(trail.map((event) => event.at).sort());
    expect(trail.every((event) => event.studentIds?.includes(zain))).toBe(true);
  });
});
