import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { STUDENT_SEARCH_LIMIT } from '../directory/search-students';
import { fullName } from './student';

/**
 * The DSLs' search for a pupil's file: by forename or surname prefix, like the recording
 * search, and with `includeArchived` the leavers too (DESIGN: archived pupils are kept and
 * found by elevated DSLs, and never offered to record against). Each result says whether
 * the pupil is on roll, left or archived; which pupils it showed is audited.
 */
export async function findStudents(
  deps: Pick<Deps, 'students' | 'audit' | 'clock' | 'ids'>,
  caller: StaffCaller,
  query: { readonly query: string; readonly includeArchived: boolean },
  origin: RequestOrigin,
) {
  const prefix = query.query.trim().toLowerCase();
  const matches = await deps.students.searchWithStatus(prefix, STUDENT_SEARCH_LIMIT, { includeArchived: query.includeArchived });
  await deps.audit.record(
    auditEvent(deps, caller, origin, {
      action: 'student.find',
      recordType: 'student',
      recordId: 'find',
      studentIds: matches.map((student) => student.id),
      detail: { query: prefix, includeArchived: String(query.includeArchived), results: String(matches.length) },
    }),
  );
  return { students: matches.map((student) => ({ id: student.id, name: fullName(student), givenName: student.givenName, familyName: student.familyName, yearGroup: student.yearGroup, className: student.className, status: student.status })) };
}
