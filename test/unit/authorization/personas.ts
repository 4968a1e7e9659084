import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';
import { cognitoAccessClaims, type JwtClaims } from '../support/api-event';
import { staffProfile } from '../support/staff-profiles';

/**
 * Who calls each route in the authorization matrix (issue 5). Every signed-in persona is a
 * different member of staff, so one person's relationship to a record never leaks into
 * another's cell.
 */
export const personas = [
  'anonymous',
  'staffAuthor',
  'staffAlerted',
  'staffUnrelated',
  'sltNotElevated',
  'sltElevated',
  'dslNotElevated',
  'dslElevated',
  'admin',
] as const;
export type Persona = (typeof personas)[number];
export type SignedInPersona = Exclude<Persona, 'anonymous'>;

/** The moment every matrix request is made (the fake clock's default). */
export const matrixNow = new Date('2025-01-15T10:00:00.000Z');
const minutesBefore = (minutes: number) => new Date(matrixNow.getTime() - minutes * 60_000);

/** Enrolled at the start of term, so any later sign-in went through the TOTP challenge. */
const enrolledAtStartOfTerm = '2024-09-02T09:15:00.000Z';

interface PersonaFacts {
  readonly profile: StaffProfile;
  /** `auth_time` of their token: 5 minutes ago is inside the 30-minute window, 45 is past it. */
  readonly signedInAt: Date;
}

const member = (suffix: string, overrides: Partial<StaffProfile>): StaffProfile =>
  staffProfile({ id: `0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8a${suffix}`, ...overrides });

export const personaFacts: Record<SignedInPersona, PersonaFacts> = {
  staffAuthor: {
    profile: member('001', { email: 'r.ahmed@castlemead.example.sch.uk', givenName: 'Rukhsana', familyName: 'Ahmed', jobTitle: 'Class teacher, Year 4' }),
    signedInAt: minutesBefore(20),
  },
  staffAlerted: {
    profile: member('002', { email: 't.hughes@castlemead.example.sch.uk', givenName: 'Tom', familyName: 'Hughes', jobTitle: 'Teaching assistant, Year 4' }),
    signedInAt: minutesBefore(20),
  },
  staffUnrelated: {
    profile: member('003', { email: 'm.price@castlemead.example.sch.uk', givenName: 'Megan', familyName: 'Price', jobTitle: 'Class teacher, Year 6' }),
    signedInAt: minutesBefore(20),
  },
  sltNotElevated: {
    profile: member('004', {
      email: 'p.shah@castlemead.example.sch.uk',
      givenName: 'Priya',
      familyName: 'Shah',
      jobTitle: 'Deputy Headteacher',
      groups: ['staff', 'slt'],
      mfaEnrolledAt: enrolledAtStartOfTerm,
    }),
    signedInAt: minutesBefore(45),
  },
  sltElevated: {
    profile: member('005', {
      email: 'g.lewis@castlemead.example.sch.uk',
      givenName: 'Gareth',
      familyName: 'Lewis',
      jobTitle: 'Assistant Headteacher',
      groups: ['staff', 'slt'],
      mfaEnrolledAt: enrolledAtStartOfTerm,
    }),
    signedInAt: minutesBefore(5),
  },
  dslNotElevated: {
    profile: member('006', {
      email: 'h.carter@castlemead.example.sch.uk',
      givenName: 'Helen',
      familyName: 'Carter',
      jobTitle: 'Deputy Designated Safeguarding Lead',
      groups: ['staff', 'dsl'],
      mfaEnrolledAt: enrolledAtStartOfTerm,
    }),
    signedInAt: minutesBefore(45),
  },
  dslElevated: {
    profile: member('007', {
      email: 'd.okafor@castlemead.example.sch.uk',
      givenName: 'Daniel',
      familyName: 'Okafor',
      jobTitle: 'Designated Safeguarding Lead',
      groups: ['staff', 'dsl'],
      mfaEnrolledAt: enrolledAtStartOfTerm,
    }),
    signedInAt: minutesBefore(5),
  },
  admin: {
    profile: member('008', { email: 'k.evans@castlemead.example.sch.uk', givenName: 'Karen', familyName: 'Evans', jobTitle: 'School business manager', groups: ['staff', 'admin'] }),
    signedInAt: minutesBefore(5),
  },
};

/** What the JWT authorizer would hand the handler for this persona; none for anonymous. */
export function claimsOf(persona: Persona): JwtClaims | undefined {
  if (persona === 'anonymous') return undefined;
  const { profile, signedInAt } = personaFacts[persona];
  return cognitoAccessClaims({ sub: profile.id, groups: [...profile.groups], authTime: signedInAt });
}

/** Each persona's own access token, so Cognito calls made on their behalf can tell them apart. */
export const accessTokenOf = (persona: SignedInPersona) => `access-token-${persona}`;

export const staffIdOf = (persona: SignedInPersona) => personaFacts[persona].profile.id;
