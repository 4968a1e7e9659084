import { describe, expect, it } from 'vitest';
import { elevationOf, type ElevationFacts } from '../../../../shared/domain/identity/elevation';

const signedInAt = new Date('2025-01-15T09:45:00.000Z');
const minutes = (count: number) => count * 60_000;

function facts(overrides: Partial<ElevationFacts> = {}): ElevationFacts {
  return {
    groups: ['staff', 'dsl'],
    mfaEnrolledAt: '2024-09-02T09:15:00.000Z',
    authTime: signedInAt,
    now: new Date(signedInAt.getTime() + minutes(10)),
    windowMinutes: 30,
    ...overrides,
  };
}

describe('elevationOf', () => {
  it('elevates a DSL who signed in with their authenticator inside the window, until the window ends', () => {
    // Prepare
    const signedInRecently = facts();

    // Act
    const elevation = elevationOf(signedInRecently);

    // Assess
    expect(elevation).toEqual({ elevated: true, until: new Date(signedInAt.getTime() + minutes(30)) });
  });

  it('elevates a member of SLT the same way', () => {
    // Prepare
    const seniorLeader = facts({ groups: ['staff', 'slt'], windowMinutes: 15 });

    // Act
    const elevation = elevationOf(seniorLeader);

    // Assess
    expect(elevation).toEqual({ elevated: true, until: new Date(signedInAt.getTime() + minutes(15)) });
  });

  it.each([[['staff']], [['staff', 'admin']], [[]]] as const)('never elevates a member in %j', (groups) => {
    // Prepare
    const notALead = facts({ groups });

    // Act
    const elevation = elevationOf(notALead);

    // Assess
    expect(elevation).toEqual({ elevated: false });
  });

  it('does not elevate without an enrolled authenticator', () => {
    // Prepare
    const neverEnrolled = facts({ mfaEnrolledAt: undefined });

    // Act
    const elevation = elevationOf(neverEnrolled);

    // Assess
    expect(elevation).toEqual({ elevated: false });
  });

  it('does not elevate a sign-in from before the authenticator was enrolled (no TOTP challenge then)', () => {
    // Prepare
    const signedInBeforeEnrolling = facts({ mfaEnrolledAt: '2025-01-15T09:50:00.000Z', now: new Date('2025-01-15T09:55:00.000Z') });

    // Act
    const elevation = elevationOf(signedInBeforeEnrolling);

    // Assess
    expect(elevation).toEqual({ elevated: false });
  });

  it('does not elevate a sign-in in the same whole second as enrolment: it could be the session that enrolled', () => {
    // Prepare
    const sameSecond = facts({ mfaEnrolledAt: '2025-01-15T09:45:00.700Z' });

    // Act
    const elevation = elevationOf(sameSecond);

    // Assess
    expect(elevation.elevated).toBe(false);
  });

  it('elevates a sign-in in the second after enrolment', () => {
    // Prepare
    const nextSecond = facts({ mfaEnrolledAt: '2025-01-15T09:44:59.999Z' });

    // Act
    const elevation = elevationOf(nextSecond);

    // Assess
    expect(elevation.elevated).toBe(true);
  });

  it('is no longer elevated exactly when the window ends', () => {
    // Prepare
    const atWindowEnd = facts({ now: new Date(signedInAt.getTime() + minutes(30)) });

    // Act
    const elevation = elevationOf(atWindowEnd);

    // Assess
    expect(elevation).toEqual({ elevated: false });
  });

  it('is still elevated a moment before the window ends', () => {
    // Prepare
    const justBefore = facts({ now: new Date(signedInAt.getTime() + minutes(30) - 1) });

    // Act
    const elevation = elevationOf(justBefore);

    // Assess
    expect(elevation.elevated).toBe(true);
  });

  it('is not elevated after the window', () => {
    // Prepare
    const later = facts({ now: new Date(signedInAt.getTime() + minutes(45)) });

    // Act
    const elevation = elevationOf(later);

    // Assess
    expect(elevation).toEqual({ elevated: false });
  });
});
