import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { ConflictError, ValidationError } from '../../errors/lantern-error';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import { mayBeSentIncidents } from '../permissions';
import { assertFlagsValid, emptySafeguarding, isNhsNumber, type PupilSafeguarding, type SafeguardingFlag, type SafeguardingVersion } from './safeguarding-flags';

export interface SafeguardingChangeInput {
  readonly reason: string;
  /** The version the DSL was looking at: a change against an older one is a 409. */
  readonly expectedVersion: number;
  readonly flags?: readonly SafeguardingFlag[];
  /** `null` removes the key adult or NHS number. */
  readonly keyAdultStaffId?: string | null;
  readonly nhsNumber?: string | null;
}

const shapeOf = (record: PupilSafeguarding): SafeguardingVersion['before'] => ({
  flags: record.flags,
  ...(record.keyAdultStaffId ? { keyAdultStaffId: record.keyAdultStaffId } : {}),
  ...(record.nhsNumber ? { nhsNumber: record.nhsNumber } : {}),
});

/**
 * A DSL changes a pupil's safeguarding flags, key adult or NHS number. Each change is a new
 * version (who, when, why, before → after) on the pupil's chronology, written in one
 * transaction with its audit event; a change against an older version is refused (409).
 */
export async function changeSafeguarding(
  deps: Pick<Deps, 'students' | 'pupilFiles' | 'staff' | 'audit' | 'clock' | 'ids'>,
  caller: StaffCaller,
  studentId: string,
  input: SafeguardingChangeInput,
  origin: RequestOrigin,
) {
  const subject = { action: 'student.safeguarding.update', recordType: 'student' as const, recordId: studentId, studentIds: [studentId] };
  const [student, stored] = await Promise.all([deps.students.get(studentId), deps.pupilFiles.safeguarding(studentId)]);
  foundAbout(subject, student, 'No such pupil.');
  const current = stored ?? emptySafeguarding(studentId);
  if (current.version !== input.expectedVersion) {
    throw new ConflictError(`This pupil's flags changed since you opened them (now version ${current.version}). Reload and try again.`);
  }
  if (input.flags) assertFlagsValid(input.flags);
  if (input.nhsNumber && !isNhsNumber(input.nhsNumber)) throw ValidationError.forField('nhsNumber', 'is not a valid NHS number (10 digits with a correct check digit)');
  if (input.keyAdultStaffId) {
    const keyAdult = await deps.staff.get(input.keyAdultStaffId);
    if (!keyAdult || !mayBeSentIncidents(keyAdult)) throw ValidationError.forField('keyAdultStaffId', 'is not an active member of staff');
  }
  const now = deps.clock.now().toISOString();
  const keyAdultStaffId = input.keyAdultStaffId === undefined ? current.keyAdultStaffId : (input.keyAdultStaffId ?? undefined);
  const nhsNumber = input.nhsNumber === undefined ? current.nhsNumber : (input.nhsNumber ?? undefined);
  const next: PupilSafeguarding = {
    studentId,
    flags: input.flags ?? current.flags,
    ...(keyAdultStaffId ? { keyAdultStaffId } : {}),
    ...(nhsNumber ? { nhsNumber } : {}),
    version: current.version + 1,
    updatedAt: now,
    updatedBy: caller.staffId,
  };
  const change: SafeguardingVersion = { studentId, version: next.version, at: now, by: caller.staffId, reason: input.reason, before: shapeOf(current), after: shapeOf(next) };
  await deps.pupilFiles.saveSafeguarding(next, change, auditEvent(deps, caller, origin, { ...subject, detail: { version: String(next.version) } }), current.version);
  return { safeguarding: { flags: next.flags, ...(next.keyAdultStaffId ? { keyAdultStaffId: next.keyAdultStaffId } : {}), ...(next.nhsNumber ? { nhsNumber: next.nhsNumber } : {}), version: next.version, updatedAt: now }, change };
}
