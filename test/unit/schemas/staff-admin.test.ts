import { describe, expect, it } from 'vitest';
import { MAX_EMAIL_LENGTH, NewStaffMember } from '../../../shared/schemas/staff-admin';

const invitation = (email: string) => ({ email, givenName: 'Robin', familyName: 'Ashcroft', jobTitle: 'Supply Teacher', groups: ['staff'] });

/** An address of exactly `length` characters at the school's domain. */
function addressOf(length: number): string {
  const domain = `@${'d'.repeat(length - 64 - 1 - '.example'.length)}.example`;
  return `${'r'.repeat(64)}${domain}`;
}

describe('NewStaffMember email', () => {
  it('accepts an address of 128 characters, Cognito\'s longest user name, and lower-cases it', () => {
    // Prepare
    const email = addressOf(MAX_EMAIL_LENGTH).toUpperCase();

    // Act
    const parsed = NewStaffMember.safeParse(invitation(email));

    // Assess
    expect(email).toHaveLength(128);
    expect(parsed.success && parsed.data.email).toBe(email.toLowerCase());
  });

  it('refuses an address of 129 characters, saying why', () => {
    // Prepare
    const email = addressOf(MAX_EMAIL_LENGTH + 1);

    // Act
    const parsed = NewStaffMember.safeParse(invitation(email));

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['email'], message: 'is too long: sign-in addresses stop at 128 characters' })]);
  });

  it.each([
    ['no @', 'robin.ashcroft.oakfield.example'],
    ['no domain', 'robin@'],
    ['a space', 'robin ashcroft@oakfield.example'],
    ['two @', 'robin@ash@oakfield.example'],
    ['a local part over 64 characters', `${'r'.repeat(65)}@oakfield.example`],
  ])('refuses an address with %s', (_case, email) => {
    // Act
    const parsed = NewStaffMember.safeParse(invitation(email));

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['email']);
  });
});
