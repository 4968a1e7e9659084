import { describe, expect, it } from 'vitest';
import { readChronology } from '../../../../shared/domain/casework/read-chronology';
import { changeSafeguarding } from '../../../../shared/domain/students/change-safeguarding';
import { NotFoundError } from '../../../../shared/errors/lantern-error';
import { type FakeDeps, fakeDeps, InMemoryStudentDirectory } from '../../support/fake-deps';
import { incidentFixture, actionFixture, alertFixture } from '../../support/incident-records';
import { auditEventFixture } from '../../support/audit-events';
import { everyPupil, pupilsOf, requestOrigin } from '../../support/school-cast';
import { safeguardingLead, seniorLeader } from '../../support/callers';
import type { Incident } from '../../../../shared/domain/incidents/incident';

const record = async (deps: FakeDeps, incident: Incident) =>
  deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-${incident.id}`, recordId: incident.id }), events: [] });

const schoolWithPupils = () => fakeDeps({ students: new InMemoryStudentDirectory([...everyPupil]) });
const first = { limit: 50 };

describe('readChronology', () => {
  it('puts a backdated entry where it happened, not where it was recorded', async () => {
    // Prepare
    const deps = schoolWithPupils();
    await record(deps, incidentFixture({ id: 'I-march', occurredAt: '2025-03-10T10:00:00.000Z', recordedAt: '2025-03-10T10:05:00.000Z', linkedStudents: [] }));
    await record(deps, incidentFixture({ id: 'I-may', occurredAt: '2025-05-02T10:00:00.000Z', recordedAt: '2025-05-02T10:05:00.000Z', linkedStudents: [] }));
    await record(deps, incidentFixture({ id: 'I-backdated-april', occurredAt: '2025-04-01T09:00:00.000Z', recordedAt: '2025-05-20T15:00:00.000Z', linkedStudents: [] }));
    // Act
    const page = await readChronology(deps, safeguardingLead(true), pupilsOf.subject.id, first, requestOrigin);
    // Assess
    expect(page.entries.map((entry) => (entry.kind === 'incident' ? entry.incidentId : entry.kind))).toEqual(['I-march', 'I-backdated-april', 'I-may']);
  });

  it("shows an incident linking the pupil with the pupil's own role, and an action after its incident", async () => {
    // Prepare
    const deps = schoolWithPupils();
    const incident = incidentFixture({ id: 'I-1', linkedStudents: [{ studentId: pupilsOf.witness.id, role: 'witness' }] });
    await record(deps, incident);
    await deps.incidents.appendAction({ action: actionFixture({ id: 'A-1', incidentId: 'I-1' }), newlyTaggedStaffIds: [], alerts: [alertFixture()], audit: auditEventFixture({ id: 'audit-a1' }), events: [] });
    // Act
    const page = await readChronology(deps, safeguardingLead(true), pupilsOf.witness.id, first, requestOrigin);
    // Assess
    expect(page.entries.map((entry) => [entry.kind, entry.kind === 'incident' ? entry.role : undefined])).toEqual([
      ['incident', 'witness'],
      ['action', undefined],
    ]);
  });

  it('leaves out and counts entries in categories closed to SLT, and flag changes', async () => {
    // Prepare
    const deps = schoolWithPupils();
    await record(deps, incidentFixture({ id: 'I-behaviour', categories: [{ categoryId: 'behaviour', subCategoryIds: [], fields: {} }] }));
    await record(deps, incidentFixture({ id: 'I-mixed', categories: [{ categoryId: 'behaviour', subCategoryIds: [], fields: {} }, { categoryId: 'safeguarding', subCategoryIds: [], fields: {} }] }));
    await changeSafeguarding(deps, safeguardingLead(true), pupilsOf.subject.id, { reason: 'Plan agreed', expectedVersion: 0, flags: [{ kind: 'early_help', startDate: '2025-01-01', reason: 'Early help assessment' }] }, requestOrigin);
    // Act
    const asSlt = await readChronology(deps, seniorLeader(true), pupilsOf.subject.id, first, requestOrigin);
    const asDsl = await readChronology(deps, safeguardingLead(true), pupilsOf.subject.id, first, requestOrigin);
    // Assess
    expect(asSlt.entries.map((entry) => (entry.kind === 'incident' ? entry.incidentId : entry.kind))).toEqual(['I-behaviour']);
    expect(asSlt.hiddenCount).toBe(2);
    expect(asDsl.entries).toHaveLength(3);
    expect(asDsl.hiddenCount).toBe(0);
  });

  it('filters by category and window', async () => {
    // Prepare
    const deps = schoolWithPupils();
    await record(deps, incidentFixture({ id: 'I-jan', occurredAt: '2025-01-10T10:00:00.000Z', categories: [{ categoryId: 'bullying', subCategoryIds: [], fields: {} }] }));
    await record(deps, incidentFixture({ id: 'I-feb', occurredAt: '2025-02-10T10:00:00.000Z', categories: [{ categoryId: 'behaviour', subCategoryIds: [], fields: {} }] }));
    await record(deps, incidentFixture({ id: 'I-mar', occurredAt: '2025-03-10T10:00:00.000Z', categories: [{ categoryId: 'behaviour', subCategoryIds: [], fields: {} }] }));
    // Act
    const page = await readChronology(deps, safeguardingLead(true), pupilsOf.subject.id, { ...first, from: '2025-01-01', to: '2025-02-28', categoryId: 'behaviour' }, requestOrigin);
    // Assess
    expect(page.entries.map((entry) => (entry.kind === 'incident' ? entry.incidentId : entry.kind))).toEqual(['I-feb']);
  });

  it('audits the read against the pupil and every other pupil on the page', async () => {
    // Prepare
    const deps = schoolWithPupils();
    await record(deps, incidentFixture({ id: 'I-1' }));
    // Act
    await readChronology(deps, safeguardingLead(true), pupilsOf.subject.id, first, requestOrigin);
    // Assess
    const event = deps.audit.events.find((candidate) => candidate.action === 'student.chronology.read');
    expect(event?.studentIds).toEqual([pupilsOf.subject.id, pupilsOf.classmate.id]);
  });

  it('answers 404 for a pupil the school does not hold', async () => {
    // Prepare
    const deps = schoolWithPupils();
    // Act
    const attempt = readChronology(deps, safeguardingLead(true), 'student-nobody', first, requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
