import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../fuzz/table-fingerprint';
import { callApi } from './support/call-api';
import { eventsSettled, localFacts } from './support/local-facts';
import { provisionMoreStaff } from './support/more-staff';
import { signIn, signInDemoUser } from './support/sign-in';

/**
 * Issue 18, concurrency: 32 members of staff, each signed in as themselves (provisioned for
 * this file as the local stack provisions its demo school: support/more-staff.ts), record at
 * once, all about the same pupils and alerting the same group and colleague (not anyone
 * recording.test.ts counts emails to: both files share the stack's mail store); a quarter of
 * them sent twice at the same moment with the same Idempotency-Key (a double tap, a client
 * retrying before the first answer). Nothing may be lost or doubled.
 */
const CREATES = 32;
const RETRIED = 8;
const RUN = randomUUID().slice(0, 8);
let recorders: string[] = [];

let documents: DynamoDBDocumentClient;
const tokens = new Map<string, string>();
let colleagueId: string;
let colleagueToken: string;

beforeAll(async () => {
  const facts = localFacts();
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
  const staff = await provisionMoreStaff(facts, `c${RUN}`, CREATES);
  recorders = staff.map((user) => user.email);
  for (const user of staff) tokens.set(user.email, (await signIn(user.email, user.password)).accessToken);
  // Alerted: people recording.test.ts never counts emails to (it shares this stack's mail store).
  const colleague = await signInDemoUser('tom.whitfield@oakfield.example');
  colleagueId = colleague.user.id;
  colleagueToken = colleague.token;
}, 180_000);

afterAll(() => documents?.destroy());

/** Chloe records an incident (first aid, with a fresh Idempotency-Key); `incident` says about whom and what. */
async function chloeRecords(incident: { readonly studentId: string; readonly occurredAt: string; readonly description: string; readonly alert?: unknown }) {
  return callApi<{ id?: string }>('/v1/incidents', {
    method: 'POST',
    token: (await signInDemoUser('chloe.evans@oakfield.example')).token,
    headers: { 'idempotency-key': randomUUID() },
    body: { ...incident, categories: [{ categoryId: 'first-aid' }] },
  });
}

describe('32 staff recording at once about the same pupils', () => {
  it('keeps every incident once, with one timeline entry a pupil and one alert a recipient, and a retried key answers its own incident', async () => {
    // Prepare
    const requests = Array.from({ length: CREATES }, (_, index) => ({
      email: recorders[index]!,
      key: randomUUID(),
      body: {
        studentId: 'pupil-006',
        linkedStudents: [{ studentId: 'pupil-007', role: 'witness' }, { studentId: 'pupil-008', role: 'involved' }],
        occurredAt: new Date(Date.now() - (index + 1) * 60_000).toISOString(),
        description: `Concurrent ${RUN} #${index}: Oscar and Freya were arguing by the gate; Arlo saw it.`,
        categories: [{ categoryId: 'first-aid' }],
        alert: { staffIds: [colleagueId], groupIds: ['safeguarding-team'] },
      },
    }));
    const send = (request: (typeof requests)[number]) =>
      callApi<{ id?: string }>('/v1/incidents', { method: 'POST', token: tokens.get(request.email), body: request.body, headers: { 'idempotency-key': request.key } });

    // Act
    const answers = await Promise.all([...requests.map(send), ...requests.slice(0, RETRIED).map(send)]);
    expect(new Set(requests.map((request) => request.email)).size).toBe(CREATES);
    // A twin that met its first still in flight may be told so (409); sent again now, it must answer the same incident.
    const settledRetries = await Promise.all(requests.slice(0, RETRIED).map(send));
    await eventsSettled();
    const items = [...(await fingerprint(documents, localFacts().dynamodb.recordsTable)).items.values()];

    // Assess
    const firsts = answers.slice(0, CREATES);
    const twins = answers.slice(CREATES);
    expect(firsts.filter((answer) => answer.status !== 201 && answer.status !== 200).map((answer) => JSON.stringify(answer.body)).slice(0, 2)).toEqual([]);
    const ids = firsts.map((answer) => answer.body.id);
    expect(new Set(ids).size).toBe(CREATES);
    twins.forEach((twin, index) => {
      if (twin.status !== 409) expect(twin.body.id).toBe(ids[index]);
    });
    expect(settledRetries.map((answer) => answer.status)).toEqual(Array(RETRIED).fill(200));
    expect(settledRetries.map((answer) => answer.body.id)).toEqual(ids.slice(0, RETRIED));
    const ours = items.filter((item) => item.pk === `INCIDENT#${item.id}` && item.sk === 'INCIDENT' && String(item.description).startsWith(`Concurrent ${RUN} `));
    expect(ours.map((item) => item.id).sort()).toEqual([...ids].sort());
    const recipients = new Set(localFacts().users.filter((user) => ['amara.okafor@oakfield.example', 'chloe.evans@oakfield.example', 'tom.whitfield@oakfield.example'].includes(user.email)).map((user) => user.id));
    for (const id of ids) {
      const timeline = items.filter((item) => String(item.sk).startsWith('TIMELINE#') && item.incidentId === id).map((item) => item.pk).sort();
      expect(timeline, id).toEqual(['STUDENT#pupil-006', 'STUDENT#pupil-007', 'STUDENT#pupil-008']);
      const alerted = items.filter((item) => String(item.sk).startsWith('ALERT#') && item.incidentId === id).map((item) => String(item.recipientId)).sort();
      expect(alerted, id).toEqual([...recipients].sort());
      // Its list entries, each once: the ones `listedUnder` names (filed by the projector).
      const incident = ours.find((item) => item.id === id);
      const listed = (incident?.listedUnder as { partition: string; sk: string }[] | undefined) ?? [];
      const entries = items.filter((item) => item.type === 'IncidentListEntry' && item.incidentId === id);
      expect(listed.length, id).toBeGreaterThan(0);
      expect(entries.map((entry) => `${entry.pk} ${entry.sk}`).sort(), id).toEqual(listed.map((at) => `${at.partition} ${at.sk}`).sort());
      expect(items.filter((item) => String(item.sk).startsWith('AUTHORED#') && String(item.sk).endsWith(`#${id}`)), id).toHaveLength(1);
    }
    const figures = { creates: CREATES, staff: new Set(requests.map((request) => request.email)).size, retriedWithSameKey: RETRIED, incidents: ours.length, duplicates: ours.length - new Set(ours.map((item) => item.description)).size };
    console.log(`[concurrency] ${figures.staff} staff, ${figures.creates} creates and ${RETRIED} retried with the same key: ${figures.incidents} incidents, ${figures.duplicates} duplicated`);
  }, 120_000);
});

describe('one alert read and acknowledged from several tabs at once', () => {
  it('keeps the first read and acknowledge times, and every answer shows them', async () => {
    // Prepare: Chloe alerts Tom about one incident
    const created = await chloeRecords({
      studentId: 'pupil-009',
      occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      description: `Concurrent ${RUN} alert: Ruby was upset at drop-off and would not say why.`,
      alert: { staffIds: [colleagueId], groupIds: [] },
    });
    const tom = colleagueToken;
    const alerts = await callApi<{ alerts: { id: string; incidentId: string }[] }>('/v1/alerts?unread=true', { token: tom });
    const alertId = alerts.body.alerts.find((alert) => alert.incidentId === created.body.id)?.id;
    expect(alertId).toBeDefined();

    // Act
    const marks = await Promise.all(
      Array.from({ length: 12 }, (_, index) => callApi<{ readAt?: string; acknowledgedAt?: string }>(`/v1/alerts/${alertId}/${index % 2 ? 'acknowledge' : 'read'}`, { method: 'POST', token: tom })),
    );
    const stored = items(await fingerprint(documents, localFacts().dynamodb.recordsTable)).find((item) => String(item.sk).startsWith('ALERT#') && item.id === alertId);

    // Assess
    expect(marks.map((mark) => mark.status)).toEqual(Array(12).fill(200));
    expect(stored?.readAt).toBeDefined();
    expect(stored?.acknowledgedAt).toBeDefined();
    expect(new Set(marks.map((mark) => mark.body.readAt))).toEqual(new Set([stored?.readAt]));
    expect(new Set(marks.filter((mark) => mark.body.acknowledgedAt).map((mark) => mark.body.acknowledgedAt))).toEqual(new Set([stored?.acknowledgedAt]));
    expect(String(stored?.readAt) <= String(stored?.acknowledgedAt)).toBe(true);
  });
});

describe('one incident changed by several PATCHes at once on the same version', () => {
  it('lets exactly one win; the others get 409 with the version that won, and the history has one new version', async () => {
    // Prepare: Chloe records; Amara, elevated, manages it
    const dsl = (await signInDemoUser('amara.okafor@oakfield.example')).token;
    const created = await chloeRecords({
      studentId: 'pupil-010',
      occurredAt: new Date(Date.now() - 40 * 60_000).toISOString(),
      description: `Concurrent ${RUN} patch: Theo said someone at home shouts at him every night.`,
    });
    const current = await callApi<{ version: number }>(`/v1/incidents/${created.body.id}`, { token: dsl });
    const before = await callApi<{ versions: unknown[] }>(`/v1/incidents/${created.body.id}/history`, { token: dsl });

    // Act
    const patches = await Promise.all(
      Array.from({ length: 8 }, (_, tab) =>
        callApi<{ error?: string; currentVersion?: number; incident?: { version: number; outcome?: string } }>(`/v1/incidents/${created.body.id}`, {
          method: 'PATCH',
          token: dsl,
          body: { expectedVersion: current.body.version, reason: `Closed from tab ${tab}.`, status: 'closed', outcome: `Outcome written in tab ${tab}.` },
        }),
      ),
    );
    const after = await callApi<{ versions: unknown[] }>(`/v1/incidents/${created.body.id}/history`, { token: dsl });
    const final = await callApi<{ version: number; outcome?: string }>(`/v1/incidents/${created.body.id}`, { token: dsl });

    // Assess
    expect(current.status).toBe(200);
    const won = patches.filter((patch) => patch.status === 200);
    expect(won).toHaveLength(1);
    expect(patches.filter((patch) => patch.status === 409).map((patch) => patch.body.currentVersion)).toEqual(Array(7).fill(current.body.version + 1));
    expect(final.body).toMatchObject({ version: current.body.version + 1, outcome: won[0]!.body.incident?.outcome });
    expect(after.body.versions.length).toBe(before.body.versions.length + 1);
  });
});

function items(table: Awaited<ReturnType<typeof fingerprint>>) {
  return [...table.items.values()];
}
