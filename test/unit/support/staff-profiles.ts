import type { Group } from '../../../shared/domain/identity/groups';
import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';

/** A member of staff as the directory holds them; override what the test is about. */
export function staffProfile(overrides: Partial<StaffProfile> = {}): StaffProfile {
  return {
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d001',
    email: 'r.ahmed@castlemead.example.sch.uk',
    givenName: 'Rukhsana',
    familyName: 'Ahmed',
    jobTitle: 'Class teacher, Year 4',
    groups: ['staff'],
    status: 'active',
    createdAt: '2024-09-02T08:00:00.000Z',
    updatedAt: '2024-09-02T08:00:00.000Z',
    ...overrides,
  };
}

/** A safeguarding lead who enrolled an authenticator at the start of term. */
export function designatedSafeguardingLead(overrides: Partial<StaffProfile> = {}): StaffProfile {
  return staffProfile({
    id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002',
    email: 'd.okafor@castlemead.example.sch.uk',
    givenName: 'Daniel',
    familyName: 'Okafor',
    jobTitle: 'Designated Safeguarding Lead',
    groups: ['staff', 'dsl'] satisfies Group[],
    mfaEnrolledAt: '2024-09-02T09:15:00.000Z',
    ...overrides,
  });
}
