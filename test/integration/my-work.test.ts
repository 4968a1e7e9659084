import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';

/**
 * The dashboard's "my recent incidents" and "my reminders" on the real stand-ins: the entries
 * are written in the incident's own transaction and read back by a Query on the author's key.
 */
async function tokenFor(givenName: string): Promise<string> {
  const user = localFacts().users.find((candidate) => candidate.givenName === givenName);
  if (!user) throw new Error(`No demo user ${givenName}`);
  return (await signIn(user.email, user.password, user.totpSecret)).accessToken;
}

describe('GET /v1/me/incidents and /v1/me/reminders', () => {
  it("lists what the caller recorded and the reminders they set, and nobody else's", async () => {
    // Prepare
    const ben = await tokenFor('Ben');
    const grace = await tokenFor('Grace');
    const pupils = await callApi<{ students: { id: string; name: string }[] }>('/v1/students?query=Evie', { token: ben });
    const pupil = pupils.body.students[0]!;
    const remindAt = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const recorded = await callApi<{ id: string }>('/v1/incidents', {
      method: 'POST',
      token: ben,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        studentId: pupil.id,
        description: 'Evie arrived without a coat in the rain and said her mum had left early.',
        categories: [{ categoryId: 'well-being' }],
        reminder: { at: remindAt, note: 'Ask Evie about the coat' },
      },
    });
    expect(recorded.status).toBe(201);

    // Act
    const mine = await callApi<{ incidents: { id: string; student: { name: string }; categoryNames: string[] }[] }>('/v1/me/incidents', { token: ben });
    const reminders = await callApi<{ reminders: { incidentId: string; at: string; note: string; student: { name: string } }[] }>('/v1/me/reminders', { token: ben });
    const othersIncidents = await callApi<{ incidents: { id: string }[] }>('/v1/me/incidents', { token: grace });
    const othersReminders = await callApi<{ reminders: { incidentId: string }[] }>('/v1/me/reminders', { token: grace });
    const badLimit = await callApi<{ issues: { field: string }[] }>('/v1/me/incidents?limit=500', { token: ben });

    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body.incidents[0]).toMatchObject({ id: recorded.body.id, student: { name: pupil.name }, categoryNames: ['Well-being'] });
    expect(reminders.body.reminders).toContainEqual({ incidentId: recorded.body.id, at: remindAt, note: 'Ask Evie about the coat', student: expect.objectContaining({ name: pupil.name }) });
    expect(othersIncidents.body.incidents.map((incident) => incident.id)).not.toContain(recorded.body.id);
    expect(othersReminders.body.reminders.map((reminder) => reminder.incidentId)).not.toContain(recorded.body.id);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.issues[0]!.field).toBe('query.limit');
  });
});
