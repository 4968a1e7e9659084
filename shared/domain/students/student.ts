/** A pupil, from the school's MIS export. */
export type StudentStatus = 'on_roll' | 'left' | 'archived';

export interface Student {
  readonly id: string;
  /** Unique Pupil Number (DfE): 13 characters, a check letter then 12 digits. */
  readonly upn: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly yearGroup: string;
  readonly className: string;
  readonly status: StudentStatus;
  /** From the MIS import (issue 15): legal names where the shown ones are preferred names, gender, leaving date. */
  readonly legalGivenName?: string;
  readonly legalFamilyName?: string;
  readonly gender?: 'F' | 'M' | 'X' | 'U';
  readonly leavingDate?: string;
}

export function fullName(student: Pick<Student, 'givenName' | 'familyName'>): string {
  return `${student.givenName} ${student.familyName}`;
}

/** How a pupil is shown beside a record or finding: id, full name, year and class ("Unknown pupil" when not on file). */
export function pupilRef(studentId: string, pupil: Pick<Student, 'givenName' | 'familyName' | 'yearGroup' | 'className'> | undefined) {
  return { id: studentId, name: pupil ? fullName(pupil) : 'Unknown pupil', yearGroup: pupil?.yearGroup ?? '', className: pupil?.className ?? '' };
}
