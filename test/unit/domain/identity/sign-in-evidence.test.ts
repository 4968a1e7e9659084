import { describe, expect, it } from 'vitest';
import { judgeSignIn, sinceFor, type SignInQuestion, type SignInRecord } from '../../../../shared/domain/identity/sign-in-evidence';

const enrolledAt = new Date('2025-01-14T16:00:00.000Z');
const authTime = new Date('2025-01-15T09:45:20.000Z');
const at = (iso: string) => new Date(iso);

function signIn(overrides: Partial<SignInRecord> = {}): SignInRecord {
  return { id: 'f3a1c2d4-0000-4000-8000-000000000001', at: at('2025-01-15T09:45:00.000Z'), outcome: 'pass', passedPassword: true, passedAuthenticatorCode: true, ...overrides };
}

function question(overrides: Partial<SignInQuestion> = {}): SignInQuestion {
  return { signIns: [signIn()], eventId: 'f3a1c2d4-0000-4000-8000-000000000001', authTime, enrolledAt, ...overrides };
}

describe('judgeSignIn', () => {
  it('accepts a sign-in that passed the password and the authenticator code, found by its event id', () => {
    // Act
    const evidence = judgeSignIn(question());

    // Assess
    expect(evidence).toBe('answered-code');
  });

  it('refuses the token of a sign-in that passed on the password alone', () => {
    // Prepare: TOTP was off, so Cognito asked for no code (the attack's token B).
    const passwordOnly = question({ signIns: [signIn({ passedAuthenticatorCode: false })] });

    // Act
    const evidence = judgeSignIn(passwordOnly);

    // Assess
    expect(evidence).toBe('authenticator-bypassed');
  });

  it('refuses a code sign-in once any sign-in since the enrolment passed on the password alone', () => {
    // Prepare: token A, then TOTP off and a password-only sign-in (B), then TOTP on again and
    // a code sign-in (C) — perhaps with an authenticator associated outside Lantern.
    const history = question({
      eventId: 'c',
      signIns: [
        signIn({ id: 'a', at: at('2025-01-15T08:00:00.000Z') }),
        signIn({ id: 'b', at: at('2025-01-15T09:00:00.000Z'), passedAuthenticatorCode: false }),
        signIn({ id: 'c', at: at('2025-01-15T09:45:00.000Z') }),
      ],
    });

    // Act
    const evidence = judgeSignIn(history);

    // Assess
    expect(evidence).toBe('authenticator-bypassed');
  });

  it('ignores password-only sign-ins from before the enrolment (the enrolling session had no code)', () => {
    // Prepare
    const history = question({ signIns: [signIn({ id: 'enrolling', at: at('2025-01-14T15:58:00.000Z'), passedAuthenticatorCode: false }), signIn()] });

    // Act
    const evidence = judgeSignIn(history);

    // Assess
    expect(evidence).toBe('answered-code');
  });

  it('ignores failed sign-ins on the password alone (a wrong password proves nothing was bypassed)', () => {
    // Prepare
    const history = question({ signIns: [signIn({ id: 'wrong', at: at('2025-01-15T09:00:00.000Z'), outcome: 'fail', passedPassword: false, passedAuthenticatorCode: false }), signIn()] });

    // Act
    const evidence = judgeSignIn(history);

    // Assess
    expect(evidence).toBe('answered-code');
  });

  it.each([
    ['failed at the code', signIn({ outcome: 'fail', passedAuthenticatorCode: false })],
    ['still waiting for the code', signIn({ outcome: 'in-progress', passedAuthenticatorCode: false })],
    ['passed a code but never the password', signIn({ passedPassword: false })],
  ])('does not accept a sign-in that %s', (_case, own) => {
    // Act
    const evidence = judgeSignIn(question({ signIns: [own] }));

    // Assess
    expect(evidence).toBe('no-code');
  });

  it('does not accept a token whose sign-in is not in the history at all', () => {
    // Act
    const evidence = judgeSignIn(question({ signIns: [], eventId: 'unknown' }));

    // Assess
    expect(evidence).toBe('no-code');
  });

  it('without an event id match, takes the latest successful sign-in that started shortly before auth_time', () => {
    // Prepare
    const byTime = question({ eventId: undefined, signIns: [signIn({ id: 'earlier', at: at('2025-01-15T09:20:00.000Z'), passedAuthenticatorCode: true }), signIn({ id: 'this one', at: at('2025-01-15T09:44:10.000Z') })] });
    const tooEarly = question({ eventId: 'not-an-event', signIns: [signIn({ at: at('2025-01-15T09:30:00.000Z') })] });
    const afterAuthTime = question({ eventId: undefined, signIns: [signIn({ at: at('2025-01-15T09:46:00.000Z') })] });

    // Act
    const evidence = [byTime, tooEarly, afterAuthTime].map(judgeSignIn);

    // Assess
    expect(evidence).toEqual(['answered-code', 'no-code', 'no-code']);
  });
});

describe('sinceFor', () => {
  it('reaches back to the enrolment, or to the earliest start of the token\'s own sign-in if that is earlier', () => {
    // Act
    const longAgo = sinceFor(enrolledAt, authTime);
    const justNow = sinceFor(at('2025-01-15T09:44:00.000Z'), authTime);

    // Assess
    expect(longAgo).toEqual(enrolledAt);
    expect(justNow).toEqual(at('2025-01-15T09:35:20.000Z'));
  });
});
