import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import type { StudentStatus } from './student';

/**
 * Leavers: a DSL archives a pupil (kept with every record, still found by elevated DSLs by
 * id and through their chronology links, gone from the recording search) or restores them.
 */
export async function changePupilStatus(
  deps: Pick<Deps, 'students' | 'pupilFiles' | 'audit' | 'clock' | 'ids'>,
  caller: StaffCaller,
  studentId: string,
  input: { readonly status: StudentStatus; readonly reason: string },
  origin: RequestOrigin,
) {
  const subject = { action: 'student.status.update', recordType: 'student' as const, recordId: studentId, studentIds: [studentId] };
  const found = foundAbout(subject, await deps.students.get(studentId), 'No such pupil.');
  const updated = { ...found, status: input.status };
  await deps.pupilFiles.saveStudent(updated, auditEvent(deps, caller, origin, { ...subject, detail: { before: found.status, after: input.status } }), found);
  return { student: { id: updated.id, upn: updated.upn, givenName: updated.givenName, familyName: updated.familyName, dateOfBirth: updated.dateOfBirth, yearGroup: updated.yearGroup, className: updated.className, status: updated.status } };
}
