import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../shared/domain/quality/check-draft';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { recordingQualityReport } from '../../../../shared/domain/quality/recording-quality-report';
import { readIncident } from '../../../../shared/domain/incidents/read-incident';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const lateEmotive = 'Last week Amara was kicking off in class. Leo watched.';

describe('checkDraft (POST /v1/quality-check)', () => {
  it('answers findings with the pupils a name matched, and audits that it showed them', async () => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const result = await checkDraft(deps, author, { description: lateEmotive, studentId: pupilsOf.subject.id, categories: [{ categoryId: 'behaviour' }], linkedStudents: [] }, requestOrigin);
    // Assess
    const unlinked = result.findings.find((finding) => finding.rule === 'unlinked-pupil');
    expect(unlinked).toMatchObject({ span: { start: lateEmotive.indexOf('Leo'), end: lateEmotive.indexOf('Leo') + 3 }, pupils: [{ id: pupilsOf.classmate.id, name: 'Leo Walsh' }] });
    expect(result.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['vague-time', 'emotive-language', 'no-follow-up']));
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'quality.check', recordType: 'draft', studentIds: [pupilsOf.classmate.id], outcome: 'allowed' })]);
  });

  it('writes no audit event and keeps no text when no finding names a pupil', async () => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const result = await checkDraft(deps, author, { description: 'Amara was kicking off.', studentId: pupilsOf.subject.id, categories: [], linkedStudents: [] }, requestOrigin);
    // Assess
    expect(result.findings.length).toBeGreaterThan(0);
    expect(deps.audit.events).toEqual([]);
    expect(deps.logLines.join('\n')).not.toContain('kicking off');
  });
});

describe('recording an incident with findings still present', () => {
  it('answers them, stores them on the incident and counts them for the month, but never shows them to a reader', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ description: 'Amara was kicking off and absolutely wild.', occurredAt: new Date(deps.clock.now().getTime() - 3_600_000).toISOString() });
    // Act
    const result = await recordIncident(deps, author, input, requestOrigin);
    // Assess
    expect(result.qualityFindings.map((finding) => finding.rule)).toEqual(['no-follow-up', 'emotive-language', 'emotive-language']);
    const write = deps.incidents.recorded[0]!;
    expect(write.incident.qualityFindings).toEqual([
      { rule: 'no-follow-up', severity: 'important' },
      { rule: 'emotive-language', severity: 'important', start: 10, end: 21 },
      { rule: 'emotive-language', severity: 'important', start: 26, end: 41 },
    ]);
    expect(write.quality).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/u), counts: { 'emotive-language': 2, 'no-follow-up': 1 } });
    const read = await readIncident(deps, callerFor(staffOf.designatedLead, { elevated: true }), write.incident.id, requestOrigin);
    expect(JSON.stringify(read)).not.toContain('emotive-language');
  });
});

describe('recordingQualityReport', () => {
  it('counts findings and incidents per rule per month, with no author or pupil, and audits the read', async () => {
    // Prepare
    const deps = schoolDeps();
    await recordIncident(deps, author, incidentInput({ description: 'Amara was kicking off.' }), requestOrigin);
    await recordIncident(deps, author, incidentInput({ description: 'Amara was kicking off and wild. I passed this on to the DSL.' }), requestOrigin);
    const month = deps.incidents.recorded[0]!.quality!.month;
    // Act
    const report = await recordingQualityReport(deps, callerFor(staffOf.designatedLead, { elevated: true }), { from: month, to: month }, requestOrigin);
    // Assess
    const byRule = Object.fromEntries(report.months[0]!.byRule.map((entry) => [entry.rule, entry]));
    expect(report.months[0]).toMatchObject({ month, incidentsRecorded: 2 });
    expect(byRule['emotive-language']).toEqual({ rule: 'emotive-language', findings: 3, incidents: 2 });
    expect(byRule['no-follow-up']).toEqual({ rule: 'no-follow-up', findings: 1, incidents: 1 });
    expect(JSON.stringify(report)).not.toContain(staffOf.author.id);
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'report.recordingQuality', recordType: 'report' });
  });

  it('defaults to the twelve months up to this one', async () => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const report = await recordingQualityReport(deps, callerFor(staffOf.designatedLead, { elevated: true }), {}, requestOrigin);
    // Assess
    expect(report.months).toHaveLength(12);
    expect(report.months.at(-1)!.month).toBe(report.to);
  });
});
