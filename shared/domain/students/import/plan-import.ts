import type { IdGenerator } from '../../ports';
import type { Student } from '../student';
import type { ImportedPupil } from './read-roll-file';

/** One pupil to write: the pupil as they will be, and as the roll holds them now (none when new). */
export interface PupilWrite {
  readonly student: Student;
  readonly previous?: Student;
}

/** What an import did, or (while writing) will have done, row by row. */
export interface ImportCounts {
  /** Pupil rows in the file (the header not counted). */
  readonly rows: number;
  /** Rows that passed every check: all of them, or none is imported. */
  readonly accepted: number;
  readonly created: number;
  /** On the roll already, something changed (a restored leaver too). */
  readonly changed: number;
  /** Newly marked off roll (or, with `archiveMissing`, missing from the file): archived, never deleted. */
  readonly archived: number;
  readonly unchanged: number;
  /** Leavers in the file Lantern never held: nothing to archive, nothing written. */
  readonly skipped: number;
  readonly rejected: number;
  /** Pupils on roll in Lantern and absent from the file (left alone unless `archiveMissing`). */
  readonly notInFile: number;
}

export const noCounts: ImportCounts = { rows: 0, accepted: 0, created: 0, changed: 0, archived: 0, unchanged: 0, skipped: 0, rejected: 0, notInFile: 0 };

const compared = ['upn', 'givenName', 'familyName', 'legalGivenName', 'legalFamilyName', 'dateOfBirth', 'gender', 'yearGroup', 'className', 'status', 'leavingDate'] as const;

export function samePupil(left: Student, right: Student): boolean {
  return compared.every((field) => (left[field] ?? '') === (right[field] ?? ''));
}

/**
 * The writes that bring the roll in line with the file, and their counts. Pure: given the
 * same file and roll it plans the same writes, and a roll the file was already applied to
 * plans none (so a re-import, or a resumed one, changes nothing already done).
 */
export function planImport(pupils: readonly ImportedPupil[], roll: readonly Student[], options: { readonly archiveMissing: boolean; readonly ids: IdGenerator }): { writes: PupilWrite[]; counts: ImportCounts } {
  const byUpn = new Map(roll.map((student) => [student.upn, student]));
  const inFile = new Set(pupils.map((pupil) => pupil.upn));
  const writes: PupilWrite[] = [];
  const counts = { ...noCounts, rows: pupils.length, accepted: pupils.length };
  for (const pupil of pupils) {
    const previous = byUpn.get(pupil.upn);
    if (!previous && !pupil.onRoll) {
      counts.skipped += 1;
      continue;
    }
    const student: Student = {
      id: previous?.id ?? options.ids.next(),
      upn: pupil.upn,
      givenName: pupil.givenName,
      familyName: pupil.familyName,
      legalGivenName: pupil.legalGivenName,
      legalFamilyName: pupil.legalFamilyName,
      dateOfBirth: pupil.dateOfBirth,
      gender: pupil.gender,
      yearGroup: pupil.yearGroup,
      className: pupil.className,
      status: pupil.onRoll ? 'on_roll' : 'archived',
      ...(pupil.leavingDate ? { leavingDate: pupil.leavingDate } : {}),
    };
    if (!previous) {
      counts.created += 1;
      writes.push({ student });
    } else if (samePupil(student, previous)) {
      counts.unchanged += 1;
    } else {
      if (student.status === 'archived' && previous.status !== 'archived') counts.archived += 1;
      else counts.changed += 1;
      writes.push({ student, previous });
    }
  }
  for (const student of roll) {
    if (inFile.has(student.upn) || student.status === 'archived') continue;
    counts.notInFile += 1;
    if (options.archiveMissing) {
      counts.archived += 1;
      writes.push({ student: { ...student, status: 'archived' }, previous: student });
    }
  }
  return { writes, counts };
}
