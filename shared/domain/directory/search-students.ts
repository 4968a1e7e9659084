import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

export const STUDENT_SEARCH_LIMIT = 20;

/**
 * Typeahead for recording (seed 001: "start typing their first name, then choose the
 * correct name and surname"). Matches a forename or surname prefix; archived pupils
 * never appear. Class and year are shown so staff pick the right child (seed 003).
 */
export async function searchStudents(deps: Pick<Deps, 'students' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, query: string, origin: RequestOrigin) {
  const prefix = query.trim().toLowerCase();
  const matches = await deps.students.search(prefix, STUDENT_SEARCH_LIMIT);
  // Which pupils a search showed, and for what: the result list is a read of their names.
  await deps.audit.record(
    auditEvent(deps, caller, origin, {
      action: 'student.search',
      recordType: 'student',
      recordId: 'search',
      studentIds: matches.map((student) => student.id),
      detail: { query: prefix, results: String(matches.length) },
    }),
  );
  return {
    students: matches.map((student) => ({
      id: student.id,
      name: `${student.givenName} ${student.familyName}`,
      givenName: student.givenName,
      familyName: student.familyName,
      yearGroup: student.yearGroup,
      className: student.className,
    })),
  };
}
