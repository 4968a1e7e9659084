import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoIncidentCasework } from '../../shared/adapters/dynamo/incident-casework-store';
import { DynamoStudentRecords } from '../../shared/adapters/dynamo/student-records';
import { DynamoStaffDirectory } from '../../shared/adapters/dynamo/staff-directory';
import { DynamoCategoryStore } from '../../shared/adapters/dynamo/category-store';
import { DynamoAuditTrail } from '../../shared/adapters/dynamo/audit-trail';
import { DynamoSchoolProfileSource } from '../../shared/adapters/dynamo/school-profile-source';
import { CursorCodec } from '../../shared/adapters/dynamo/pagination';
import { listIncidents } from '../../shared/domain/casework/list-incidents';
import { defaultSchoolProfile } from '../../shared/domain/school/school-profile';
import { staffCaller } from '../unit/support/callers';
import { callApi } from './support/call-api';
import { eventsSettled, localFacts } from './support/local-facts';
import { sentEmails } from './support/sent-emails';
import { signInDemoUser } from './support/sign-in';

/**
 * DSL casework on the real stand-ins: a change and its version, triage and review, the
 * incident lists kept by their consumer off the bus, a referral whose response is overdue
 * alerting the DSLs through the local Scheduler, and DynamoDB calls per list page counted
 * at the client.
 */
interface Person {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

interface Summary {
  readonly id: string;
  readonly status: string;
  readonly reviewed: boolean;
  readonly categories: { id: string }[];
  readonly version: number;
}

async function person(email: string): Promise<Person> {
  const { user, token } = await signInDemoUser(email);
  return { id: user.id, email, token };
}

async function until<T>(what: string, read: () => Promise<T | undefined>, seconds = 40): Promise<T> {
  for (let waited = 0; waited < seconds * 4; waited += 1) {
    const found = await read();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

let hannah: Person;
let amara: Person;
let tom: Person;
let documents: DynamoDBDocumentClient;

async function recordConcern(categoryId: string, description: string): Promise<string> {
  const pupils = await callApi<{ students: { id: string }[] }>('/v1/students?query=Isla', { token: hannah.token });
  const recorded = await callApi<{ id: string }>('/v1/incidents', {
    method: 'POST',
    token: hannah.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { studentId: pupils.body.students[0]!.id, description, categories: [{ categoryId }] },
  });
  expect(recorded.status).toBe(201);
  return recorded.body.id;
}

beforeAll(async () => {
  const facts = localFacts();
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  [hannah, amara, tom] = await Promise.all([person('hannah.price@oakfield.example'), person('amara.okafor@oakfield.example'), person('tom.whitfield@oakfield.example')]);
});

afterAll(() => documents.destroy());

describe('managing an incident on the local stack', () => {
  let incidentId: string;

  it('puts a new incident on the DSL triage list, and a review takes it off', async () => {
    // Prepare
    incidentId = await recordConcern('behaviour', 'Isla threw a chair in the classroom after a disagreement over a game. Nobody was hurt. I am Hannah Price.');

    // Act
    const before = await callApi<{ incidents: Summary[] }>('/v1/triage?limit=100', { token: amara.token });
    const reviewed = await callApi<{ version: number; review: { by: { id: string } } }>(`/v1/incidents/${incidentId}/review`, { method: 'POST', token: amara.token, body: { note: 'Read; I will speak to Isla tomorrow.' } });
    const after = await callApi<{ incidents: Summary[] }>('/v1/triage?limit=100', { token: amara.token });
    const teacher = await callApi<{ error: string }>('/v1/triage', { token: hannah.token });

    // Assess
    expect(before.body.incidents.map((incident) => incident.id)).toContain(incidentId);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ version: 2, review: { by: { id: amara.id } } });
    expect(after.body.incidents.map((incident) => incident.id)).not.toContain(incidentId);
    expect(teacher.status).toBe(403);
  });

  it('re-categorises and closes with a reason as a new version; an old version gets 409 with the current one', async () => {
    // Act
    const changed = await callApi<{ incident: { version: number; status: string; outcome: string; description: string }; version: { version: number } }>(`/v1/incidents/${incidentId}`, {
      method: 'PATCH',
      token: amara.token,
      body: {
        expectedVersion: 2,
        reason: 'On reading the class teacher’s account, this was a safeguarding concern.',
        categories: [{ categoryId: 'safeguarding' }],
        status: 'closed',
        outcome: 'Spoke to Isla and her dad; school nurse referral made.',
      },
    });
    const stale = await callApi<{ error: string; currentVersion: number }>(`/v1/incidents/${incidentId}`, {
      method: 'PATCH',
      token: amara.token,
      body: { expectedVersion: 2, reason: 'Reopen.', status: 'active' },
    });
    const rewrite = await callApi<{ issues: { field: string }[] }>(`/v1/incidents/${incidentId}`, {
      method: 'PATCH',
      token: amara.token,
      body: { expectedVersion: 3, reason: 'Tidy the wording.', agencies: [], description: 'Different words' },
    });
    const history = await callApi<{ currentVersion: number; versions: { version: number; changedBy: { id: string }; reason: string; changes: { field: string; before: unknown; after: unknown }[] }[] }>(
      `/v1/incidents/${incidentId}/history`,
      { token: amara.token },
    );
    const audit = await callApi<{ events: { action: string; studentIds?: string[] }[] }>(`/v1/audit?recordId=${incidentId}`, { token: amara.token });

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.body.incident).toMatchObject({ version: 3, status: 'closed', outcome: 'Spoke to Isla and her dad; school nurse referral made.' });
    expect(changed.body.incident.description).toContain('Isla threw a chair');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', currentVersion: 3 });
    expect(rewrite.status).toBe(400);
    expect(rewrite.body.issues.map((issue) => issue.field).join(' ')).toContain('description');
    expect(history.body.currentVersion).toBe(3);
    expect(history.body.versions.map((version) => [version.version, version.changedBy.id])).toEqual([
      [2, amara.id],
      [3, amara.id],
    ]);
    expect(history.body.versions[1]!.changes.map((change) => change.field)).toEqual(['categories', 'status', 'outcome']);
    expect(audit.body.events.filter((event) => event.action === 'incident.update')).toEqual([expect.objectContaining({ studentIds: [expect.any(String)] })]);
  });

  it('lists the incident under its new category and status once the lists consumer has filed it, and hides it from SLT', async () => {
    // Prepare
    await eventsSettled();

    // Act
    const safeguarding = await callApi<{ incidents: Summary[] }>('/v1/incidents?categoryId=safeguarding&limit=100', { token: amara.token });
    const behaviour = await callApi<{ incidents: Summary[] }>('/v1/incidents?categoryId=behaviour&limit=100', { token: amara.token });
    const closed = await callApi<{ incidents: Summary[] }>('/v1/incidents?status=closed&reviewed=true&limit=100', { token: amara.token });
    const forSlt = await callApi<{ incidents: Summary[]; hiddenCount: number }>('/v1/incidents?status=closed&limit=100', { token: tom.token });

    // Assess
    expect(safeguarding.body.incidents.find((incident) => incident.id === incidentId)).toMatchObject({ status: 'closed', reviewed: true, version: 3 });
    expect(behaviour.body.incidents.map((incident) => incident.id)).not.toContain(incidentId);
    expect(closed.body.incidents.map((incident) => incident.id)).toContain(incidentId);
    expect(forSlt.status).toBe(200);
    expect(forSlt.body.incidents.map((incident) => incident.id)).not.toContain(incidentId);
    expect(forSlt.body.hiddenCount).toBeGreaterThanOrEqual(1);
  });
});

describe('a referral whose response is overdue on the local stack', () => {
  it('alerts the DSLs when the local Scheduler fires the due check, and lists it as overdue', async () => {
    // Prepare: the school gives police a one-minute timescale, so a referral made five minutes ago is overdue
    const facts = localFacts();
    await new DynamoSchoolProfileSource(documents, facts.dynamodb.recordsTable).put({ ...defaultSchoolProfile, referralTimescales: { police: { minutes: 1 } } });
    const incidentId = await recordConcern('safeguarding', 'Isla said a man she did not know waited for her at the gate and asked her name. I am Hannah Price.');
    const madeAt = new Date(Date.now() - 5 * 60_000).toISOString();

    // Act
    const referral = await callApi<{ id: string; responseDueAt: string; overdue: boolean; state: string }>(`/v1/incidents/${incidentId}/referrals`, {
      method: 'POST',
      token: amara.token,
      body: { agency: 'police', madeAt, reference: 'CAD 4410' },
    });
    const alert = await until('the overdue alert', async () => {
      const alerts = await callApi<{ alerts: { kind: string; incidentId: string; categoryNames: string[] }[] }>('/v1/alerts?unread=true&limit=100', { token: amara.token });
      return alerts.body.alerts.find((candidate) => candidate.kind === 'referral_overdue' && candidate.incidentId === incidentId);
    });
    await eventsSettled();
    const overdue = await callApi<{ referrals: { id: string; overdue: boolean }[] }>('/v1/referrals?status=overdue&limit=100', { token: amara.token });
    const emails = await sentEmails(facts);
    const forIncident = await callApi<{ referrals: { id: string; state: string }[] }>(`/v1/incidents/${incidentId}/referrals`, { token: amara.token });
    const answered = await callApi<{ state: string; overdue: boolean }>(`/v1/incidents/${incidentId}/referrals/${referral.body.id}`, {
      method: 'PATCH',
      token: amara.token,
      body: { state: 'outcome', outcome: 'Police visited the gate at home time; no further action.' },
    });
    const stillOverdue = await callApi<{ referrals: { id: string }[] }>('/v1/referrals?status=overdue&limit=100', { token: amara.token });

    // Assess
    expect(referral.status).toBe(201);
    expect(referral.body).toMatchObject({ state: 'made', overdue: true, responseDueAt: new Date(new Date(madeAt).getTime() + 60_000).toISOString() });
    expect(alert.categoryNames).toEqual(['Police']);
    expect(overdue.body.referrals.find((listed) => listed.id === referral.body.id)).toMatchObject({ overdue: true });
    expect(emails.filter((email) => email.destination.to.includes(amara.email) && email.subject === 'Lantern: a referral response is overdue').length).toBeGreaterThanOrEqual(1);
    expect(forIncident.body.referrals.map((listed) => listed.id)).toEqual([referral.body.id]);
    expect(answered.body).toMatchObject({ state: 'outcome', overdue: false });
    expect(stillOverdue.body.referrals.map((listed) => listed.id)).not.toContain(referral.body.id);
  });
});

describe('DynamoDB calls per incident list page, counted at the client', () => {
  it('is the same for every page however many incidents the school holds: one Query for the page, one for the categories, a BatchGet each for pupils and staff, one audit write', async () => {
    // Prepare: a client that counts every command it sends
    const facts = localFacts();
    const counts = new Map<string, number>();
    const client = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        counts.set(context.commandName as string, (counts.get(context.commandName as string) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    const counted = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const tables = { records: facts.dynamodb.recordsTable, audit: facts.dynamodb.auditTable };
    const cursors = new CursorCodec(randomUUID() + randomUUID());
    const deps = {
      casework: new DynamoIncidentCasework(counted, tables, cursors),
      categories: new DynamoCategoryStore(counted, tables.records, tables.audit),
      students: new DynamoStudentRecords(counted, tables.records),
      staff: new DynamoStaffDirectory(counted, tables.records, tables.audit),
      audit: new DynamoAuditTrail(counted, tables.audit),
      clock: { now: () => new Date() },
      ids: { next: () => randomUUID() },
    };
    for (let index = 0; index < 12; index += 1) await recordConcern('bullying', `Isla was called names at lunch, day ${index + 1}. I am Hannah Price.`);
    await eventsSettled();
    const reader = staffCaller({ groups: ['staff', 'dsl'], elevated: true, staffId: amara.id });
    const pages: { shown: number; calls: Record<string, number> }[] = [];

    // Act: three pages of five
    let cursor: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      counts.clear();
      const result = await listIncidents(deps, reader, { categoryId: 'bullying' }, { limit: 5, ...(cursor ? { cursor } : {}) }, { requestId: `count-${page}`, sourceIp: '127.0.0.1' });
      pages.push({ shown: result.incidents.length, calls: Object.fromEntries(counts) });
      cursor = result.nextCursor;
    }
    counted.destroy();

    // Assess
    expect(pages.map((page) => page.shown)).toEqual([5, 5, expect.any(Number)]);
    for (const page of pages.slice(0, 2)) expect(page.calls).toEqual({ QueryCommand: 2, BatchGetItemCommand: 2, PutItemCommand: 1 });
  });
});
