import { describe, expect, it } from 'vitest';
import { readPupilFile } from '../../../../shared/domain/students/read-pupil-file';
import { changeSafeguarding } from '../../../../shared/domain/students/change-safeguarding';
import { changePupilStatus } from '../../../../shared/domain/students/change-pupil-status';
import { isNhsNumber } from '../../../../shared/domain/students/safeguarding-flags';
import { ConflictError, ValidationError } from '../../../../shared/errors/lantern-error';
import { type FakeDeps, fakeDeps, InMemoryStaffDirectory, InMemoryStudentDirectory } from '../../support/fake-deps';
import { incidentFixture } from '../../support/incident-records';
import { auditEventFixture } from '../../support/audit-events';
import { everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { safeguardingLead, seniorLeader } from '../../support/callers';
import type { Incident } from '../../../../shared/domain/incidents/incident';

const school = () => fakeDeps({ students: new InMemoryStudentDirectory([...everyPupil]), staff: new InMemoryStaffDirectory([...everyStaffMember]) });
const record = (deps: FakeDeps, incident: Incident) => deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-${incident.id}`, recordId: incident.id }), events: [] });
const childInNeed = { kind: 'child_in_need' as const, startDate: '2025-01-10', reason: 'Section 17 plan agreed' };

describe('the pupil file', () => {
  it('counts by category, lists open incidents and the last one, and the pupils most often linked, for a DSL with flags', async () => {
    // Prepare
    const deps = school();
    await record(deps, incidentFixture({ id: 'I-1', occurredAt: '2025-01-10T10:00:00.000Z', status: 'closed' }));
    await record(deps, incidentFixture({ id: 'I-2', occurredAt: '2025-02-10T10:00:00.000Z', categories: [{ categoryId: 'safeguarding', subCategoryIds: [], fields: {} }] }));
    await changeSafeguarding(deps, safeguardingLead(true), pupilsOf.subject.id, { reason: 'Plan agreed', expectedVersion: 0, flags: [childInNeed], keyAdultStaffId: staffOf.author.id, nhsNumber: '9434765919' }, requestOrigin);
    // Act
    const file = await readPupilFile(deps, safeguardingLead(true), pupilsOf.subject.id, requestOrigin);
    // Assess
    expect(file.countsByCategory.map(({ categoryId, count }) => [categoryId, count])).toEqual([
      ['behaviour', 1],
      ['safeguarding', 1],
    ]);
    expect(file.openIncidents.map((entry) => entry.incidentId)).toEqual(['I-2']);
    expect(file.lastIncident?.incidentId).toBe('I-2');
    expect(file.mostLinkedPupils).toEqual([{ studentId: pupilsOf.classmate.id, name: 'Leo Walsh', count: 2 }]);
    expect(file.safeguarding?.flags).toEqual([childInNeed]);
    expect(file.safeguarding?.nhsNumber).toBe('9434765919');
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'student.read', studentIds: [pupilsOf.subject.id, pupilsOf.classmate.id] });
  });

  it('shows SLT only their categories and no safeguarding flags', async () => {
    // Prepare
    const deps = school();
    await record(deps, incidentFixture({ id: 'I-1' }));
    await record(deps, incidentFixture({ id: 'I-2', categories: [{ categoryId: 'safeguarding', subCategoryIds: [], fields: {} }] }));
    await changeSafeguarding(deps, safeguardingLead(true), pupilsOf.subject.id, { reason: 'Plan agreed', expectedVersion: 0, flags: [childInNeed] }, requestOrigin);
    // Act
    const file = await readPupilFile(deps, seniorLeader(true), pupilsOf.subject.id, requestOrigin);
    // Assess
    expect(file.countsByCategory.map(({ categoryId }) => categoryId)).toEqual(['behaviour']);
    expect(file.hiddenIncidents).toBe(1);
    expect(file).not.toHaveProperty('safeguarding');
  });
});

describe('changing safeguarding flags', () => {
  it('keeps each change as a version with who, when, why, before and after, and refuses a change against an old version', async () => {
    // Prepare
    const deps = school();
    const dsl = safeguardingLead(true);
    await changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'Plan agreed', expectedVersion: 0, flags: [childInNeed] }, requestOrigin);
    // Act
    const second = await changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'Plan ended at review', expectedVersion: 1, flags: [{ ...childInNeed, endDate: '2025-06-30' }] }, requestOrigin);
    const stale = changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'Late edit', expectedVersion: 1, flags: [] }, requestOrigin);
    // Assess
    expect(second.change).toMatchObject({ version: 2, by: dsl.staffId, reason: 'Plan ended at review', before: { flags: [childInNeed] }, after: { flags: [{ ...childInNeed, endDate: '2025-06-30' }] } });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(deps.pupilFiles.flagChanges.map((change) => change.version)).toEqual([1, 2]);
    expect(deps.audit.events.filter((event) => event.action === 'student.safeguarding.update').map((event) => event.studentIds)).toEqual([[pupilsOf.subject.id], [pupilsOf.subject.id]]);
  });

  it('refuses an end before the start, a school flag without a name and a wrong NHS check digit, naming the field', async () => {
    // Prepare
    const deps = school();
    const dsl = safeguardingLead(true);
    // Act
    const backwards = changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'x', expectedVersion: 0, flags: [{ ...childInNeed, endDate: '2024-01-01' }] }, requestOrigin);
    const unnamed = changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'x', expectedVersion: 0, flags: [{ kind: 'school', startDate: '2025-01-01', reason: 'x' }] }, requestOrigin);
    const badNhs = changeSafeguarding(deps, dsl, pupilsOf.subject.id, { reason: 'x', expectedVersion: 0, nhsNumber: '9434765918' }, requestOrigin);
    // Assess
    await expect(backwards).rejects.toMatchObject({ issues: [{ field: 'flags.0.endDate' }] });
    await expect(unnamed).rejects.toMatchObject({ issues: [{ field: 'flags.0.label' }] });
    await expect(badNhs).rejects.toBeInstanceOf(ValidationError);
    expect(deps.pupilFiles.flagChanges).toHaveLength(0);
    expect(isNhsNumber('9434765919')).toBe(true);
  });
});

describe('leavers', () => {
  it('archives a pupil out of the recording search and restores them, keeping their file', async () => {
    // Prepare
    const deps = school();
    await record(deps, incidentFixture({ id: 'I-1' }));
    // Act
    await changePupilStatus(deps, safeguardingLead(true), pupilsOf.subject.id, { status: 'archived', reason: 'Left at Christmas' }, requestOrigin);
    const whileArchived = await deps.students.search('Amara', 10);
    const file = await readPupilFile(deps, safeguardingLead(true), pupilsOf.subject.id, requestOrigin);
    await changePupilStatus(deps, safeguardingLead(true), pupilsOf.subject.id, { status: 'on_roll', reason: 'Came back' }, requestOrigin);
    // Assess
    expect(whileArchived.map((found) => found.id)).not.toContain(pupilsOf.subject.id);
    expect(file.student.status).toBe('archived');
    expect(file.incidentCount).toBe(1);
    expect((await deps.students.search('Amara', 10)).map((found) => found.id)).toContain(pupilsOf.subject.id);
    expect(deps.audit.events.filter((event) => event.action === 'student.status.update').map((event) => event.detail)).toEqual([
      { before: 'on_roll', after: 'archived' },
      { before: 'archived', after: 'on_roll' },
    ]);
  });
});
