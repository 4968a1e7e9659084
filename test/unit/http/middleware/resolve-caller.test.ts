import { describe, expect, it } from 'vitest';
import { publicCaller, resolveCaller } from '../../../../shared/http/middleware/resolve-caller';
import { requestContext } from '../../../../shared/http/middleware/request-context';
import { AccountDisabledError } from '../../../../shared/errors/lantern-error';
import { fakeDeps, InMemoryStaffDirectory } from '../../support/fake-deps';
import { apiEvent, cognitoAccessClaims } from '../../support/api-event';
import { staffProfile } from '../../support/staff-profiles';
import { runSteps } from './route-pipeline';

describe('resolveCaller', () => {
  it('puts the member of staff the token names, as their profile says now, in the state', async () => {
    // Prepare
    const teacher = staffProfile();
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([teacher]) });
    const event = apiEvent({ method: 'GET', path: '/v1/me', claims: cognitoAccessClaims({ sub: teacher.id, groups: ['staff'] }) });

    // Act
    const { state } = await runSteps([requestContext('me.read', deps.logger), resolveCaller('me.read', deps)], event);

    // Assess
    expect(state?.caller).toMatchObject({ kind: 'staff', staffId: teacher.id, groups: ['staff'] });
  });

  it('refuses a disabled account and audits the attempt against the token’s subject', async () => {
    // Prepare
    const disabled = staffProfile({ status: 'disabled' });
    const deps = fakeDeps({ staff: new InMemoryStaffDirectory([disabled]) });
    const event = apiEvent({ method: 'GET', path: '/v1/me', claims: cognitoAccessClaims({ sub: disabled.id, groups: ['staff'] }) });

    // Act
    const attempt = runSteps([requestContext('me.read', deps.logger), resolveCaller('me.read', deps)], event);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AccountDisabledError);
    expect(deps.audit.events).toEqual([expect.objectContaining({ staffId: disabled.id, outcome: 'refused', reason: 'account_disabled', action: 'me.read' })]);
  });
});

describe('publicCaller', () => {
  it('puts the anonymous caller in the state without looking anyone up', async () => {
    // Prepare
    const event = apiEvent({ method: 'GET', path: '/health' });

    // Act
    const { state } = await runSteps([publicCaller()], event);

    // Assess
    expect(state?.caller).toEqual({ kind: 'anonymous' });
  });
});
