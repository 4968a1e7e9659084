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
}

export function fullName(student: Pick<Student, 'givenName' | 'familyName'>): string {
  return `${student.givenName} ${student.familyName}`;
}
