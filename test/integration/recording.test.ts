import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { eventsSettled, localFacts } from './support/local-facts';
import { emailsTo, sentEmails } from './support/sent-emails';
import { signInDemoUser } from './support/sign-in';
import type { LocalDemoUser } from '../../local/local-facts';

/**
 * Issue 4's story on the real local stand-ins: a teacher records an incident with two
 * linked pupils, alerting a colleague and a group; the colleague reads, acknowledges and
 * adds an action tagging a third colleague; an unrelated teacher sees nothing; each
 * recipient gets exactly one email that names no pupil and quotes nothing.
 */
interface Person {
  readonly user: LocalDemoUser;
  readonly token: string;
}

const DESCRIPTION =
  'During lunchtime play, Isla Pemberton approached me crying. She said "Leo pushed me off the climbing frame". I am Hannah Price, Year 3 teacher. I cleaned the graze and told her mum at pick-up.';

let author: Person;
let colleague: Person;
let groupMember: Person;
let tagged: Person;
let unrelated: Person;
let documents: DynamoDBDocumentClient;

const person = (email: string): Promise<Person> => signInDemoUser(email);

async function pupilId(query: string, token: string): Promise<{ id: string; name: string }> {
  const response = await callApi<{ students: { id: string; name: string }[] }>(`/v1/students?query=${encodeURIComponent(query)}`, { token });
  const pupil = response.body.students[0];
  if (!pupil) throw new Error(`No pupil for ${query}`);
  return pupil;
}

async function recordItemCount(): Promise<number> {
  // Consumers write too (the notifier's sent-ledger): count only once they are done.
  await eventsSettled();
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    // A Scan is fine in a test: it counts every item to prove nothing was written.
    const page = await documents.send(new ScanCommand({ TableName: localFacts().dynamodb.recordsTable, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

beforeAll(async () => {
  const facts = localFacts();
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
  [author, colleague, groupMember, tagged, unrelated] = await Promise.all([
    person('hannah.price@oakfield.example'),
    person('daniel.osei@oakfield.example'),
    person('grace.lindqvist@oakfield.example'),
    person('sam.carter@oakfield.example'),
    person('ben.hughes@oakfield.example'),
  ]);
});

afterAll(() => documents.destroy());

describe('recording an incident on the local stack', () => {
  let incidentId: string;
  let subject: { id: string; name: string };
  let linked: { id: string; name: string }[];
  const idempotencyKey = randomUUID();
  let requestBody: Record<string, unknown>;

  it('finds pupils by forename or surname prefix and never offers an archived pupil', async () => {
    // Act
    const byForename = await callApi<{ students: { name: string; className: string }[] }>('/v1/students?query=isl', { token: author.token });
    const bySurname = await callApi<{ students: { name: string }[] }>('/v1/students?query=PEMB', { token: author.token });
    const archived = await callApi<{ students: unknown[] }>('/v1/students?query=kilbride', { token: author.token });

    // Assess
    expect(byForename.status).toBe(200);
    expect(byForename.body.students.map((student) => student.name)).toContain('Isla Pemberton');
    expect(byForename.body.students[0]?.className).toBeTruthy();
    expect(bySurname.body.students.map((student) => student.name)).toEqual(['Isla Pemberton']);
    expect(archived.body.students).toEqual([]);
  });

  it('records the incident with two linked pupils and alerts to a colleague and a group', async () => {
    // Prepare
    subject = await pupilId('isla', author.token);
    linked = [await pupilId('leo', author.token), await pupilId('theo', author.token)];
    requestBody = {
      studentId: subject.id,
      occurredAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      description: DESCRIPTION,
      categories: [
        { categoryId: 'first-aid' },
        { categoryId: 'behaviour', subCategoryIds: ['physical-harm-pupil'], fields: { outcomes: ['Someone suffered physical harm'] } },
      ],
      linkedStudents: [
        { studentId: linked[0]!.id, role: 'alleged_perpetrator' },
        { studentId: linked[1]!.id, role: 'witness' },
      ],
      location: 'Playground',
      bodyMap: [{ side: 'front', x: 0.3, y: 0.6, description: 'Graze about 2 cm on the left knee' }],
      alert: { staffIds: [colleague.user.id], groupIds: ['year-3-team'] },
    };

    // Act
    const response = await callApi<{ id: string; student: { id: string }; session: string; dayOfWeek: string; bodyMap: { number: number }[]; linkedStudents: unknown[] }>(
      '/v1/incidents',
      { method: 'POST', token: author.token, body: requestBody, headers: { 'idempotency-key': idempotencyKey } },
    );

    // Assess
    expect(response.status).toBe(201);
    incidentId = response.body.id;
    expect(response.headers.get('location')).toBe(`/v1/incidents/${incidentId}`);
    expect(response.body.student.id).toBe(subject.id);
    expect(response.body.bodyMap).toEqual([expect.objectContaining({ number: 1, side: 'front' })]);
    expect(response.body.linkedStudents).toHaveLength(2);
    expect(['before_school', 'am', 'lunch', 'pm', 'after_school']).toContain(response.body.session);
    expect(response.body.dayOfWeek).toMatch(/day$/);
  });

  it('puts the incident on the record of the pupil and of each linked pupil, with categories only on the subject', async () => {
    // Act
    const timelines = await Promise.all(
      [subject, ...linked].map((pupil) =>
        documents.send(
          new QueryCommand({
            TableName: localFacts().dynamodb.recordsTable,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': `STUDENT#${pupil.id}`, ':prefix': 'TIMELINE#' },
          }),
        ),
      ),
    );

    // Assess
    const entries = timelines.map((page) => page.Items?.find((item) => item.incidentId === incidentId));
    expect(entries.map((entry) => entry?.role)).toEqual(['subject', 'alleged_perpetrator', 'witness']);
    expect(entries[0]?.categoryIds).toEqual(['first-aid', 'behaviour']);
    expect(entries[1]?.categoryIds).toEqual([]);
  });

  it('returns the same incident for a retry with the same Idempotency-Key and writes nothing new', async () => {
    // Prepare
    const itemsBefore = await recordItemCount();

    // Act
    const retry = await callApi<{ id: string }>('/v1/incidents', { method: 'POST', token: author.token, body: requestBody, headers: { 'idempotency-key': idempotencyKey } });

    // Assess
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(incidentId);
    expect(await recordItemCount()).toBe(itemsBefore);
  });

  it('shows the alert on the colleague\'s dashboard; they read it, acknowledge it and keep access', async () => {
    // Act
    const dashboard = await callApi<{ alerts: { id: string; incidentId: string; readAt?: string; author: { name: string } }[] }>('/v1/alerts?unread=true', { token: colleague.token });
    const alert = dashboard.body.alerts.find((candidate) => candidate.incidentId === incidentId);
    const read = await callApi<{ readAt?: string }>(`/v1/alerts/${alert?.id}/read`, { method: 'POST', token: colleague.token });
    const acknowledged = await callApi<{ readAt?: string; acknowledgedAt?: string }>(`/v1/alerts/${alert?.id}/acknowledge`, { method: 'POST', token: colleague.token });
    const unreadAfter = await callApi<{ alerts: { incidentId: string }[] }>('/v1/alerts?unread=true', { token: colleague.token });
    const incident = await callApi<{ description: string }>(`/v1/incidents/${incidentId}`, { token: colleague.token });

    // Assess
    expect(alert).toMatchObject({ author: { name: 'Hannah Price' } });
    expect(read.status).toBe(200);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.readAt).toBe(read.body.readAt);
    expect(acknowledged.body.acknowledgedAt).toBeTruthy();
    expect(unreadAfter.body.alerts.some((candidate) => candidate.incidentId === incidentId)).toBe(false);
    expect(incident.status).toBe(200);
    expect(incident.body.description).toBe(DESCRIPTION);
  });

  it('lets the colleague add an action tagging a third colleague, who is alerted and sees only that action', async () => {
    // Act
    const action = await callApi<{ id: string; taggedStaff: { id: string }[] }>(`/v1/incidents/${incidentId}/actions`, {
      method: 'POST',
      token: colleague.token,
      body: { text: 'Spoke to Leo with his class teacher. Sam Carter to watch the climbing frame at lunch this week.', taggedStaffIds: [tagged.user.id] },
    });
    const privateNote = await callApi(`/v1/incidents/${incidentId}/actions`, {
      method: 'POST',
      token: author.token,
      body: { text: 'Told Isla\'s mum at pick-up; she will keep an eye on the graze.' },
    });
    const taggedAlerts = await callApi<{ alerts: { incidentId: string; kind: string }[] }>('/v1/alerts', { token: tagged.token });
    const taggedView = await callApi<{ actions: { id: string }[] }>(`/v1/incidents/${incidentId}`, { token: tagged.token });
    const authorView = await callApi<{ actions: { id: string }[] }>(`/v1/incidents/${incidentId}`, { token: author.token });

    // Assess
    expect(action.status).toBe(201);
    expect(privateNote.status).toBe(201);
    expect(taggedAlerts.body.alerts).toEqual(expect.arrayContaining([expect.objectContaining({ incidentId, kind: 'action' })]));
    expect(taggedView.status).toBe(200);
    expect(taggedView.body.actions.map((entry) => entry.id)).toEqual([action.body.id]);
    expect(authorView.body.actions.map((entry) => entry.id)).toEqual([(privateNote.body as { id: string }).id]);
  });

  it('answers an unrelated teacher with 404, as if the incident did not exist', async () => {
    // Act
    const response = await callApi<{ error: string }>(`/v1/incidents/${incidentId}`, { token: unrelated.token });
    const missing = await callApi<{ error: string }>('/v1/incidents/01NOSUCHINCIDENT0000000000', { token: unrelated.token });

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'not_found' });
    expect(missing.body.error).toBe(response.body.error);
  });

  it('emails each recipient exactly once, naming no pupil and quoting nothing', async () => {
    // Prepare
    await eventsSettled();

    // Act: the emails about this incident (other files on the shared stack email these people too)
    const emails = (await sentEmails()).filter((email) => `${email.body.text ?? ''}\n${email.body.html ?? ''}`.includes(`/incidents/${incidentId}`));

    // Assess
    expect(emailsTo(emails, colleague.user.email)).toHaveLength(1);
    expect(emailsTo(emails, groupMember.user.email)).toHaveLength(1);
    expect(emailsTo(emails, tagged.user.email)).toHaveLength(1);
    expect(emailsTo(emails, author.user.email)).toHaveLength(0);
    expect(emailsTo(emails, unrelated.user.email)).toHaveLength(0);
    const relevant = [
      { email: emailsTo(emails, colleague.user.email)[0]!, author: 'Hannah Price' },
      { email: emailsTo(emails, groupMember.user.email)[0]!, author: 'Hannah Price' },
      { email: emailsTo(emails, tagged.user.email)[0]!, author: 'Daniel Osei' },
    ];
    for (const { email, author: authorName } of relevant) {
      const text = `${email.subject}\n${email.body.text ?? ''}\n${email.body.html ?? ''}`;
      expect(text).toContain(authorName);
      expect(text).toContain('Categories: First aid, Behaviour');
      expect(text).toContain(`/incidents/${incidentId}`);
      for (const forbidden of ['Isla', 'Pemberton', 'Leo', 'Theo', 'climbing frame', 'graze', 'pushed']) expect(text).not.toContain(forbidden);
    }
  });
});

describe('planner reminders on the local stack', () => {
  it('emails the author at the reminder time with the link only, never the note they typed', async () => {
    // Prepare
    const pupil = await pupilId('mia', author.token);
    const at = new Date(Date.now() + 2_000).toISOString();

    // Act
    const recorded = await callApi<{ id: string; reminder?: { at: string } }>('/v1/incidents', {
      method: 'POST',
      token: author.token,
      body: {
        studentId: pupil.id,
        description: 'Mia said "I did not have breakfast". I am Hannah Price.',
        categories: [{ categoryId: 'well-being' }],
        reminder: { at, note: 'Ask about breakfast club' },
      },
    });
    const reminder = await waitFor(async () => {
      await eventsSettled();
      return emailsTo(await sentEmails(), author.user.email).find((email) => email.subject === 'Lantern reminder');
    });

    // Assess
    expect(recorded.status).toBe(201);
    expect(recorded.body.reminder?.at).toBe(at);
    expect(reminder?.body.text).toContain(`/incidents/${recorded.body.id}`);
    expect(JSON.stringify(reminder?.body)).not.toContain('breakfast club');
    expect(reminder?.body.text).not.toContain('Mia');
    expect(reminder?.body.text).not.toContain('breakfast".');
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('refusing bad input on the local stack', () => {
  let valid: Record<string, unknown>;

  beforeAll(async () => {
    const pupil = await pupilId('ava', author.token);
    valid = { studentId: pupil.id, description: 'Ava said "I forgot my lunch". I am Hannah Price.', categories: [{ categoryId: 'well-being' }] };
  });

  const badBodies: [string, (body: Record<string, unknown>) => unknown, string][] = [
    ['studentId missing', ({ studentId: _studentId, ...rest }) => rest, 'studentId'],
    ['studentId unknown', (body) => ({ ...body, studentId: 'pupil-nobody' }), 'studentId'],
    ['studentId archived', (body) => ({ ...body, studentId: 'ARCHIVED' }), 'studentId'],
    ['occurredAt not a date', (body) => ({ ...body, occurredAt: 'yesterday' }), 'occurredAt'],
    ['occurredAt in the future', (body) => ({ ...body, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 'occurredAt'],
    ['occurredAt over a year ago', (body) => ({ ...body, occurredAt: '2020-01-01T10:00:00Z' }), 'occurredAt'],
    ['description empty', (body) => ({ ...body, description: '   ' }), 'description'],
    ['no categories', (body) => ({ ...body, categories: [] }), 'categories'],
    ['unknown category', (body) => ({ ...body, categories: [{ categoryId: 'gossip' }] }), 'categories.0.categoryId'],
    ['sub-category of another category', (body) => ({ ...body, categories: [{ categoryId: 'well-being', subCategoryIds: ['neglect'] }] }), 'categories.0.subCategoryIds.0'],
    ['field the category does not ask', (body) => ({ ...body, categories: [{ categoryId: 'well-being', fields: { mood: 'sad' } }] }), 'categories.0.fields.mood'],
    ['field choice not offered', (body) => ({ ...body, categories: [{ categoryId: 'behaviour', fields: { outcomes: ['Made up'] } }] }), 'categories.0.fields.outcomes'],
    ['required field missing', (body) => ({ ...body, categories: [{ categoryId: 'physical-intervention' }] }), 'categories.0.fields.hold-used'],
    ['linked pupil role', (body) => ({ ...body, linkedStudents: [{ studentId: 'x', role: 'friend' }] }), 'linkedStudents.0.role'],
    ['linked pupil is the subject', (body) => ({ ...body, linkedStudents: [{ studentId: body.studentId, role: 'witness' }] }), 'linkedStudents.0.studentId'],
    ['location not the school\'s', (body) => ({ ...body, location: 'Moon' }), 'location'],
    ['body map off the body', (body) => ({ ...body, bodyMap: [{ side: 'front', x: 1.5, y: 0.2, description: 'Bruise' }] }), 'bodyMap.0.x'],
    ['body map below DynamoDB\'s smallest number', (body) => ({ ...body, bodyMap: [{ side: 'front', x: 0.5, y: 1e-200, description: 'Bruise' }] }), 'bodyMap.0.y'],
    ['a minutes answer that is not whole', (body) => ({ ...body, categories: [{ categoryId: 'physical-intervention', fields: { 'hold-used': 'Guide', 'duration-minutes': 1e-200 } }] }), 'categories.0.fields.duration-minutes'],
    ['body map side', (body) => ({ ...body, bodyMap: [{ side: 'left', x: 0.5, y: 0.2, description: 'Bruise' }] }), 'bodyMap.0.side'],
    ['status', (body) => ({ ...body, status: 'pending' }), 'status'],
    ['assigned to nobody known', (body) => ({ ...body, assignedTo: ['nobody'] }), 'assignedTo.0'],
    ['alert group unknown', (body) => ({ ...body, alert: { groupIds: ['nobody'] } }), 'alert.groupIds.0'],
    ['agencies not a list', (body) => ({ ...body, agencies: 'police' }), 'agencies'],
    ['reminder in the past', (body) => ({ ...body, reminder: { at: '2020-01-01T10:00:00Z', note: 'x' } }), 'reminder.at'],
    ['unknown field', (body) => ({ ...body, editedLater: true }), 'editedLater'],
  ];

  it.each(badBodies)('refuses %s with a 4xx naming the field, and writes nothing', async (_label, spoil, field) => {
    // Prepare
    const archived = await archivedPupilId();
    const body = spoil(valid) as Record<string, unknown>;
    if (body.studentId === 'ARCHIVED') body.studentId = archived;
    const itemsBefore = await recordItemCount();

    // Act
    const response = await callApi<{ error: string; message: string; issues?: { field: string }[] }>('/v1/incidents', { method: 'POST', token: author.token, body });

    // Assess
    expect([400, 422]).toContain(response.status);
    expect(response.body.issues?.map((issue) => issue.field)).toContain(field);
    expect(response.body.message).toContain(field);
    expect(await recordItemCount()).toBe(itemsBefore);
  });

  describe('an incident as large as one record holds', () => {
    const questions = Array.from({ length: 10 }, (_, index) => ({ id: `details-${index}`, label: `Details ${index}`, kind: 'text', maxLength: 20_000 }));
    const answers = (text: string) => Object.fromEntries(questions.map((question) => [question.id, text]));

    beforeAll(async () => {
      // A category with ten of the longest text questions; staff may apply it, so an elevated DSL adds it.
      const amara = await person('amara.okafor@oakfield.example');
      const created = await callApi('/v1/categories', {
        method: 'POST',
        token: amara.token,
        body: { id: 'size-test', name: 'Size test', guidance: 'Only for the size test.', fields: questions, appliedBy: ['staff'], visibleTo: ['dsl'] },
      });
      expect(created.status).toBe(201);
    });

    it('records the largest valid incident: every long answer and body-map note at its limit', async () => {
      // Prepare
      const body = {
        ...valid,
        description: 'é'.repeat(20_000),
        categories: [{ categoryId: 'size-test', fields: answers('a'.repeat(20_000)) }],
        bodyMap: Array.from({ length: 50 }, () => ({ side: 'back', x: 0.5, y: 0.5, description: 'b'.repeat(1_000) })),
      };

      // Act
      const response = await callApi<{ id: string }>('/v1/incidents', { method: 'POST', token: author.token, body });

      // Assess
      expect(response.status).toBe(201);
    });

    it('refuses one too large for a record with 413 saying so, and writes nothing', async () => {
      // Prepare
      const body = { ...valid, description: '€'.repeat(20_000), categories: [{ categoryId: 'size-test', fields: answers('€'.repeat(20_000)) }] };
      const itemsBefore = await recordItemCount();

      // Act
      const response = await callApi<{ error: string; message: string }>('/v1/incidents', { method: 'POST', token: author.token, body });

      // Assess
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ error: 'too_large', message: expect.stringContaining('too large to keep as one record') });
      expect(await recordItemCount()).toBe(itemsBefore);
    });
  });

  it('refuses malformed JSON with 400, not 415 or 500', async () => {
    // Act
    const response = await callApi<{ error: string }>('/v1/incidents', { method: 'POST', token: author.token, body: '{"studentId": ', headers: { 'content-type': 'application/json' } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('malformed_request');
  });

  it.each([
    ['not a cursor at all', '', 'not-a-cursor'],
    ['an empty key', '', Buffer.from('{}').toString('base64url')],
    ['another member of staff\'s alerts', '', 'OTHER'],
    ['a key from the unread list, on the full list', '', 'UNREAD'],
    ['a key from the full list, on the unread list', 'unread=true&', 'FULL'],
    ['a key with an empty partition key', '', 'EMPTY_PK'],
    ['an unread key with an empty index sort key', 'unread=true&', 'EMPTY_GSI1SK'],
  ])('refuses a dashboard cursor that is %s with 400, not 500', async (_label, filter, cursor) => {
    // Prepare
    const encode = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const alertKey = { pk: `STAFF#${author.user.id}`, sk: 'ALERT#01JHT0000000000000000000A1' };
    const crafted: Record<string, string> = {
      OTHER: encode({ ...alertKey, pk: `STAFF#${unrelated.user.id}` }),
      UNREAD: encode({ ...alertKey, gsi1pk: `UNREAD#${author.user.id}`, gsi1sk: '01JHT0000000000000000000A1' }),
      FULL: encode(alertKey),
      EMPTY_PK: encode({ ...alertKey, pk: '' }),
      EMPTY_GSI1SK: encode({ ...alertKey, gsi1pk: `UNREAD#${author.user.id}`, gsi1sk: '' }),
    };

    // Act
    const response = await callApi<{ error: string; issues?: { field: string }[] }>(`/v1/alerts?${filter}cursor=${crafted[cursor] ?? cursor}`, { token: author.token });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', issues: [{ field: 'cursor' }] });
  });

  it('refuses Child Protection from a teacher with 403 and writes nothing', async () => {
    // Prepare
    const itemsBefore = await recordItemCount();

    // Act
    const response = await callApi<{ error: string }>('/v1/incidents', { method: 'POST', token: author.token, body: { ...valid, categories: [{ categoryId: 'child-protection' }] } });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('forbidden');
    expect(await recordItemCount()).toBe(itemsBefore);
  });
});

async function archivedPupilId(): Promise<string> {
  // The demo school's archived pupils: on its list, never in search.
  const { demoStudents } = await import('../../local/seed/demo-school');
  const archived = demoStudents.find((student) => student.status === 'archived');
  if (!archived) throw new Error('The demo school has no archived pupil');
  return archived.id;
}
