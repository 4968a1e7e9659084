import { describe, expect, it } from 'vitest';
import { confirmAuthenticator, setUpAuthenticator } from '../../../../shared/domain/identity/authenticator';
import { UnprocessableError } from '../../../../shared/errors/lantern-error';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';

const accessToken = 'eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
// A deputy DSL who has not enrolled yet.
const deputyLead = { ...staffOf.designatedLead, mfaEnrolledAt: undefined };

describe('setUpAuthenticator', () => {
  it('returns the secret and an otpauth URI naming Lantern and the school as issuer', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const setup = await setUpAuthenticator(deps, callerFor(deputyLead), accessToken);

    // Assess
    expect(setup.secret).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const uri = new URL(setup.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Lantern (Castle Mead Primary School):d.okafor@castlemead.example.sch.uk');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      issuer: 'Lantern (Castle Mead Primary School)',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(deps.identity.authenticatorSecrets.get(accessToken)).toBe(setup.secret);
  });
});

describe('confirmAuthenticator', () => {
  it('records the enrolment on the server when the code matches, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    await deps.staff.put(deputyLead);
    const caller = callerFor(deputyLead);
    await setUpAuthenticator(deps, caller, accessToken);

    // Act
    const result = await confirmAuthenticator(deps, caller, accessToken, '123456', requestOrigin);

    // Assess
    expect(result.mfaEnrolled).toBe(true);
    expect(await deps.staff.get(deputyLead.id)).toMatchObject({ mfaEnrolledAt: '2025-01-15T10:00:00.000Z', updatedAt: '2025-01-15T10:00:00.000Z' });
    expect(deps.identity.confirmedAuthenticators.has(accessToken)).toBe(true);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'staff.mfa.enrol', recordType: 'staff', recordId: deputyLead.id, outcome: 'allowed' })]);
  });

  it('refuses a wrong code with a 422 on "code", leaving the profile as it was', async () => {
    // Prepare
    const deps = schoolDeps();
    await deps.staff.put(deputyLead);
    const caller = callerFor(deputyLead);
    await setUpAuthenticator(deps, caller, accessToken);

    // Act
    const attempt = confirmAuthenticator(deps, caller, accessToken, '654321', requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ field: 'code' });
    expect(await deps.staff.get(deputyLead.id)).toEqual(deputyLead);
    expect(deps.audit.events).toEqual([]);
  });

  it('refuses a code when enrolment was never started', async () => {
    // Prepare
    const deps = schoolDeps();
    await deps.staff.put(deputyLead);

    // Act
    const attempt = confirmAuthenticator(deps, callerFor(deputyLead), accessToken, '123456', requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    expect((await deps.staff.get(deputyLead.id))!.mfaEnrolledAt).toBeUndefined();
  });
});
