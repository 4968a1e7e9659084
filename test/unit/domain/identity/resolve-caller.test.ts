import { describe, expect, it } from 'vitest';
import { resolveCaller } from '../../../../shared/domain/identity/resolve-caller';
import { AccountDisabledError, ForbiddenError } from '../../../../shared/errors/lantern-error';
import { TOKEN_EVENT_ID } from '../../support/api-event';
import { fakeDeps, InMemoryStaffDirectory } from '../../support/fake-deps';
import { designatedSafeguardingLead, staffProfile } from '../../support/staff-profiles';

describe('resolveCaller', () => {
  it('answers anonymous when there is no token', async () => {
    // Prepare
    const deps = fakeDeps();

    // Act
    const caller = await resolveCaller(deps, undefined);

    // Assess
    expect(caller).toEqual({ kind: 'anonymous' });
  });

  it('resolves a member of staff from their profile', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([lead]) });
    deps.clock.set('2025-01-15T10:00:00.000Z');
    const authTime = new Date('2025-01-15T09:45:00.000Z');

    // Act
    const caller = await resolveCaller(deps, { subject: lead.id, authTime, eventId: TOKEN_EVENT_ID });

    // Assess
    expect(caller).toEqual({
      kind: 'staff',
      staffId: lead.id,
      groups: ['staff', 'dsl'],
      profile: lead,
      authTime,
      elevation: { elevated: true, until: new Date('2025-01-15T10:15:00.000Z') },
    });
  });

  it('does not elevate a DSL who has since switched their authenticator off in Cognito', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([lead]) });
    deps.clock.set('2025-01-15T10:00:00.000Z');
    deps.identity.authenticatorsOff.add(lead.id);

    // Act
    const caller = await resolveCaller(deps, { subject: lead.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID });

    // Assess
    expect(caller).toMatchObject({ kind: 'staff', elevation: { elevated: false } });
  });

  it('does not elevate a DSL whose sign-in passed on the password alone (TOTP was off), even once TOTP is on again', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([lead]) });
    deps.clock.set('2025-01-15T10:00:00.000Z');
    deps.identity.signIns.set(lead.id, [{ id: TOKEN_EVENT_ID, at: new Date('2025-01-15T09:44:50.000Z'), outcome: 'pass', passedPassword: true, passedAuthenticatorCode: false }]);

    // Act
    const caller = await resolveCaller(deps, { subject: lead.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID });

    // Assess
    expect(caller).toMatchObject({ kind: 'staff', elevation: { elevated: false } });
  });

  it('does not elevate a code sign-in after a password-only one since the enrolment, until she enrols again', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([lead]) });
    deps.clock.set('2025-01-15T10:00:00.000Z');
    const history = [
      { id: 'password-only', at: new Date('2025-01-15T09:10:00.000Z'), outcome: 'pass' as const, passedPassword: true, passedAuthenticatorCode: false },
      { id: TOKEN_EVENT_ID, at: new Date('2025-01-15T09:44:50.000Z'), outcome: 'pass' as const, passedPassword: true, passedAuthenticatorCode: true },
    ];
    deps.identity.signIns.set(lead.id, history);
    const token = { subject: lead.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID };

    // Act
    const before = await resolveCaller(deps, token);
    await deps.staff.put({ ...lead, mfaEnrolledAt: '2025-01-15T09:30:00.000Z' });
    const afterEnrollingAgain = await resolveCaller(deps, token);

    // Assess
    expect(before).toMatchObject({ kind: 'staff', elevation: { elevated: false } });
    expect(afterEnrollingAgain).toMatchObject({ kind: 'staff', elevation: { elevated: true } });
    expect(deps.identity.signInQueries.at(-1)).toEqual({ staffId: lead.id, since: new Date('2025-01-15T09:30:00.000Z') });
  });

  it('asks the user pool nothing for a member of staff who cannot be elevated by the times alone', async () => {
    // Prepare
    const teacher = staffProfile({ groups: ['staff'] });
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });

    // Act
    await resolveCaller(deps, { subject: teacher.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID });

    // Assess
    expect(deps.identity.signInQueries).toEqual([]);
  });

  it('uses the school’s elevation window and clock', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([lead]), school: { ...fakeDeps().school, elevationWindowMinutes: 10 } });
    deps.clock.set('2025-01-15T10:00:00.000Z');

    // Act
    const caller = await resolveCaller(deps, { subject: lead.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID });

    // Assess
    expect(caller.kind === 'staff' && caller.elevation).toEqual({ elevated: false });
  });

  it('takes groups from the profile, not the token', async () => {
    // Prepare: the token was issued while they were a DSL; since then an administrator made them staff only.
    const teacher = staffProfile({ groups: ['staff'], mfaEnrolledAt: '2024-09-02T09:15:00.000Z' });
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });
    const token = { subject: teacher.id, authTime: new Date('2025-01-15T09:45:00.000Z'), tokenGroups: ['dsl', 'staff'] };

    // Act
    const caller = await resolveCaller(deps, token);

    // Assess
    expect(caller.kind === 'staff' && caller.groups).toEqual(['staff']);
    expect(caller.kind === 'staff' && caller.elevation.elevated).toBe(false);
  });

  it('refuses a token with no staff profile at this school', async () => {
    // Prepare
    const deps = fakeDeps();

    // Act
    const attempt = resolveCaller(deps, { subject: 'a-stranger', authTime: new Date('2025-01-15T09:45:00.000Z') });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a disabled account', async () => {
    // Prepare
    const leaver = staffProfile({ status: 'disabled' });
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([leaver]) });

    // Act
    const attempt = resolveCaller(deps, { subject: leaver.id, authTime: new Date('2025-01-15T09:45:00.000Z'), eventId: TOKEN_EVENT_ID });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AccountDisabledError);
    await expect(attempt).rejects.toMatchObject({ code: 'account_disabled' });
  });
});
