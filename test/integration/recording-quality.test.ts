import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { localFacts } from './support/local-facts';
import { signIn } from './support/sign-in';

/**
 * Recording-quality advice on the real stand-ins: the roll lookup (a Query on the
 * recording-search key), the findings stored with the incident in its one transaction, and
 * the month's report read back by a Query on the index kept for it.
 */
async function tokenFor(givenName: string): Promise<string> {
  const user = localFacts().users.find((candidate) => candidate.givenName === givenName);
  if (!user) throw new Error(`No demo user ${givenName}`);
  return (await signIn(user.email, user.password, user.totpSecret)).accessToken;
}

interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly span?: { start: number; end: number };
  readonly pupils?: { id: string; name: string }[];
}
interface Report {
  readonly months: { month: string; incidentsRecorded: number; byRule: { rule: string; findings: number; incidents: number }[] }[];
}

const emotiveIn = (report: Report) => report.months.at(-1)!.byRule.find((entry) => entry.rule === 'emotive-language')!;

describe('recording quality', () => {
  it('advises on a draft, keeps the findings still present at submission, and counts them for the DSL', async () => {
    // Prepare
    const hannah = await tokenFor('Hannah');
    const amara = await tokenFor('Amara');
    const leo = (await callApi<{ students: { id: string }[] }>('/v1/students?query=Leo', { token: hannah })).body.students[0]!;
    const ruby = (await callApi<{ students: { id: string }[] }>('/v1/students?query=Ruby', { token: hannah })).body.students[0]!;
    const description = 'Last week Leo was kicking off and Ruby watched.';
    const before = await callApi<Report>('/v1/reports/recording-quality', { token: amara });

    // Act
    const checked = await callApi<{ findings: Finding[] }>('/v1/quality-check', {
      method: 'POST',
      token: hannah,
      body: { description, studentId: leo.id, categories: [{ categoryId: 'behaviour' }], linkedStudents: [] },
    });
    const recorded = await callApi<{ id: string; qualityFindings: Finding[] }>('/v1/incidents', {
      method: 'POST',
      token: hannah,
      headers: { 'idempotency-key': randomUUID() },
      body: { studentId: leo.id, description, categories: [{ categoryId: 'behaviour' }] },
    });
    const read = await callApi<Record<string, unknown>>(`/v1/incidents/${recorded.body.id}`, { token: hannah });
    const after = await callApi<Report>('/v1/reports/recording-quality', { token: amara });
    const rubyTrail = await callApi<{ events: { action: string }[] }>(`/v1/audit?studentId=${ruby.id}`, { token: amara });
    const refused = await callApi('/v1/reports/recording-quality', { token: hannah });
    const badMonth = await callApi<{ issues: { field: string }[] }>('/v1/reports/recording-quality?from=2026-13', { token: amara });

    // Assess
    expect(checked.status).toBe(200);
    const emotive = checked.body.findings.find((finding) => finding.rule === 'emotive-language')!;
    expect(description.slice(emotive.span!.start, emotive.span!.end)).toBe('kicking off');
    expect(checked.body.findings.find((finding) => finding.rule === 'unlinked-pupil')).toMatchObject({ pupils: [expect.objectContaining({ id: ruby.id })] });
    expect(recorded.status).toBe(201);
    expect(recorded.body.qualityFindings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['vague-time', 'emotive-language', 'no-follow-up', 'unlinked-pupil']));
    expect(recorded.body.qualityFindings.every((finding) => finding.pupils === undefined)).toBe(true);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('qualityFindings');
    expect(after.status).toBe(200);
    expect(after.body.months.at(-1)!.incidentsRecorded).toBe(before.body.months.at(-1)!.incidentsRecorded + 1);
    expect(emotiveIn(after.body).findings).toBe(emotiveIn(before.body).findings + 1);
    expect(rubyTrail.body.events.map((event) => event.action)).toContain('quality.check');
    expect(refused.status).toBe(403);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.issues[0]!.field).toBe('query.from');
  });
});
