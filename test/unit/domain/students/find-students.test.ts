import { describe, expect, it } from 'vitest';
import { findStudents } from '../../../../shared/domain/students/find-students';
import { searchStudents } from '../../../../shared/domain/directory/search-students';
import { changePupilStatus } from '../../../../shared/domain/students/change-pupil-status';
import { fakeDeps, InMemoryStudentDirectory } from '../../support/fake-deps';
import { everyPupil, pupilsOf, requestOrigin } from '../../support/school-cast';
import { safeguardingLead, teacher } from '../../support/callers';

const school = () => fakeDeps({ students: new InMemoryStudentDirectory([...everyPupil]) });

describe("the DSLs' search for a pupil's file", () => {
  it('finds a leaver, with their status, only when asked to include archived pupils', async () => {
    // Prepare
    const deps = school();

    // Act
    const withLeavers = await findStudents(deps, safeguardingLead(true), { query: 'Noah', includeArchived: true }, requestOrigin);
    const withoutLeavers = await findStudents(deps, safeguardingLead(true), { query: 'Noah', includeArchived: false }, requestOrigin);

    // Assess
    expect(withLeavers.students).toEqual([{ id: pupilsOf.archived.id, name: 'Noah Clarke', givenName: 'Noah', familyName: 'Clarke', yearGroup: pupilsOf.archived.yearGroup, className: pupilsOf.archived.className, status: 'archived' }]);
    expect(withoutLeavers.students).toEqual([]);
  });

  it('audits which pupils it showed, against each of them', async () => {
    // Prepare
    const deps = school();

    // Act
    await findStudents(deps, safeguardingLead(true), { query: 'Noah', includeArchived: true }, requestOrigin);

    // Assess
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'student.find', recordType: 'student', studentIds: [pupilsOf.archived.id], detail: { includeArchived: 'true', results: '1' } });
  });

  it('keeps a pupil archived by a DSL out of the recording search and in the DSLs’ search, and back on restoring', async () => {
    // Prepare
    const deps = school();
    await changePupilStatus(deps, safeguardingLead(true), pupilsOf.subject.id, { status: 'archived', reason: 'Left for Riverside Academy' }, requestOrigin);

    // Act
    const recording = await searchStudents(deps, teacher(), 'Amara', requestOrigin);
    const casework = await findStudents(deps, safeguardingLead(true), { query: 'Amara', includeArchived: true }, requestOrigin);
    await changePupilStatus(deps, safeguardingLead(true), pupilsOf.subject.id, { status: 'on_roll', reason: 'Came back in the spring' }, requestOrigin);
    const recordingAfterRestore = await searchStudents(deps, teacher(), 'Amara', requestOrigin);

    // Assess
    expect(recording.students).toEqual([]);
    expect(casework.students.map((student) => [student.id, student.status])).toEqual([[pupilsOf.subject.id, 'archived']]);
    expect(recordingAfterRestore.students.map((student) => student.id)).toEqual([pupilsOf.subject.id]);
  });
});
