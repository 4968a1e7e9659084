import { describe, expect, it } from 'vitest';
import { searchStudents } from '../../../../shared/domain/directory/search-students';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';

describe('searchStudents', () => {
  it('audits what was searched for and which pupils it showed', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const found = await searchStudents(deps, callerFor(staffOf.author), 'Le', requestOrigin);

    // Assess
    expect(found.students.map((student) => student.id)).toEqual([pupilsOf.classmate.id]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'student.search',
        outcome: 'allowed',
        recordType: 'student',
        recordId: 'search',
        staffId: staffOf.author.id,
        // Each pupil shown finds the search in their audit trail.
        studentIds: [pupilsOf.classmate.id],
        detail: { query: 'le', results: '1' },
      }),
    ]);
  });

  it('audits a search that showed nobody, naming no pupil', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await searchStudents(deps, callerFor(staffOf.author), 'zz', requestOrigin);

    // Assess
    expect(deps.audit.events[0]!.detail).toEqual({ query: 'zz', results: '0' });
    expect(deps.audit.events[0]).not.toHaveProperty('studentIds');
  });
});
