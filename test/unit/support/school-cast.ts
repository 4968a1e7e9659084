import type { StaffCaller } from '../../../shared/domain/identity/caller';
import type { AlertGroup } from '../../../shared/domain/alerts/alert';
import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';
import type { Student } from '../../../shared/domain/students/student';
import { designatedSafeguardingLead, staffProfile } from './staff-profiles';

/**
 * The people of a small fictional school, each with their own id, for tests where who
 * stands how to a record matters (author, alerted, assigned, tagged, unrelated).
 */
export const staffOf = {
  /** Class teacher who records most incidents. */
  author: staffProfile(),
  designatedLead: designatedSafeguardingLead(),
  teachingAssistant: staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d003',
    email: 't.hughes@castlemead.example.sch.uk',
    givenName: 'Tom',
    familyName: 'Hughes',
    jobTitle: 'Teaching assistant, Year 4',
  }),
  deputyHead: staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d004',
    email: 'p.shah@castlemead.example.sch.uk',
    givenName: 'Priya',
    familyName: 'Shah',
    jobTitle: 'Deputy Headteacher',
    groups: ['staff', 'slt'],
    mfaEnrolledAt: '2024-09-03T08:00:00.000Z',
  }),
  unrelatedTeacher: staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d005',
    email: 'm.price@castlemead.example.sch.uk',
    givenName: 'Megan',
    familyName: 'Price',
    jobTitle: 'Class teacher, Year 6',
  }),
  leaver: staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d006',
    email: 'j.morris@castlemead.example.sch.uk',
    givenName: 'James',
    familyName: 'Morris',
    jobTitle: 'Midday supervisor',
    status: 'disabled',
  }),
  officeManager: staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d007',
    email: 'k.evans@castlemead.example.sch.uk',
    givenName: 'Karen',
    familyName: 'Evans',
    jobTitle: 'School business manager',
    groups: ['staff', 'admin'],
  }),
} satisfies Record<string, StaffProfile>;

export const everyStaffMember: readonly StaffProfile[] = Object.values(staffOf);

/** A signed-in member of staff as `resolveCaller` would produce them from this profile. */
export function callerFor(profile: StaffProfile, options: { elevated?: boolean } = {}): StaffCaller {
  return {
    kind: 'staff',
    staffId: profile.id,
    groups: profile.groups,
    profile,
    authTime: new Date('2025-01-15T09:45:00.000Z'),
    elevation: options.elevated ? { elevated: true, until: new Date('2025-01-15T10:15:00.000Z') } : { elevated: false },
  };
}

const pupil = (overrides: Partial<Student> & Pick<Student, 'id' | 'givenName' | 'familyName'>): Student => ({
  upn: 'A123456789012',
  dateOfBirth: '2016-05-14',
  yearGroup: 'Year 4',
  className: '4 Oak',
  status: 'on_roll',
  ...overrides,
});

/** Pupils (fictional names) in every state the recording rules care about. */
export const pupilsOf = {
  subject: pupil({ id: 'student-amara', givenName: 'Amara', familyName: 'Osei' }),
  classmate: pupil({ id: 'student-leo', givenName: 'Leo', familyName: 'Walsh', upn: 'B123456789012' }),
  witness: pupil({ id: 'student-isla', givenName: 'Isla', familyName: 'Bennett', upn: 'C123456789012' }),
  archived: pupil({ id: 'student-noah', givenName: 'Noah', familyName: 'Clarke', upn: 'D123456789012', status: 'archived' }),
} satisfies Record<string, Student>;

export const everyPupil: readonly Student[] = Object.values(pupilsOf);

/** Alert groups as an administrator would set them up. */
export const alertGroupsOf = {
  seniorLeadership: {
    id: 'senior-leadership',
    name: 'Senior leadership',
    description: 'The SLT button',
    memberIds: [staffOf.deputyHead.id, staffOf.designatedLead.id],
  },
  yearFourTeam: {
    id: 'year-4-team',
    name: 'Year 4 team',
    description: 'Everyone who works in Year 4',
    memberIds: [staffOf.author.id, staffOf.teachingAssistant.id, staffOf.leaver.id],
  },
} satisfies Record<string, AlertGroup>;

export const everyAlertGroup: readonly AlertGroup[] = Object.values(alertGroupsOf);

/** Where a request came from, for the audit trail. */
export const requestOrigin = { requestId: 'Kx3vYhQmLPEEMVw=', sourceIp: '203.0.113.24' } as const;
