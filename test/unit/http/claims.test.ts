import { describe, expect, it } from 'vitest';
import { readClaims } from '../../../shared/http/claims';
import { apiEvent, cognitoAccessClaims, type JwtClaims } from '../support/api-event';

const staffId = '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002';

function eventWith(claims?: JwtClaims) {
  return apiEvent({ method: 'GET', path: '/v1/me', claims });
}

describe('readClaims', () => {
  it('reads a Cognito access token as API Gateway flattens it', () => {
    // Prepare
    const event = eventWith(cognitoAccessClaims({ sub: staffId, groups: ['dsl', 'staff'], authTime: new Date('2025-01-15T09:45:00Z') }));

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims).toEqual({
      subject: staffId,
      authTime: new Date('2025-01-15T09:45:00Z'),
      eventId: '9c2d8e4f-0a1b-4c3d-8e5f-6a7b8c9d0e1f',
      tokenGroups: ['dsl', 'staff'],
      clientId: '4l8q2n7c0ajk1example',
      scopes: ['aws.cognito.signin.user.admin'],
    });
  });

  it('accepts groups as a real array and auth_time as a number', () => {
    // Prepare
    const event = eventWith({ sub: staffId, 'cognito:groups': ['slt', 'staff'], auth_time: 1736934300 });

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims?.tokenGroups).toEqual(['slt', 'staff']);
    expect(claims?.authTime).toEqual(new Date(1736934300 * 1000));
  });

  it.each([
    ['a single unbracketed group', 'staff', ['staff']],
    ['an empty flattened list', '[]', []],
    ['a comma-separated list', '[dsl,staff]', ['dsl', 'staff']],
  ])('reads %s', (_, value, expected) => {
    // Prepare
    const event = eventWith({ sub: staffId, 'cognito:groups': value, auth_time: '1736934300' });

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims?.tokenGroups).toEqual(expected);
  });

  it('has no groups when the token carries none', () => {
    // Prepare
    const event = eventWith(cognitoAccessClaims({ sub: staffId }));

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims?.tokenGroups).toEqual([]);
  });

  it('falls back to iat when there is no auth_time', () => {
    // Prepare
    const event = eventWith({ sub: staffId, iat: '1736934000' });

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims?.authTime).toEqual(new Date(1736934000 * 1000));
  });

  it('splits the scope claim on spaces', () => {
    // Prepare
    const event = eventWith({ sub: staffId, auth_time: '1736934300', scope: 'openid  email lantern/records.read' });

    // Act
    const claims = readClaims(event);

    // Assess
    expect(claims?.scopes).toEqual(['openid', 'email', 'lantern/records.read']);
  });

  it.each([
    ['no authorizer at all (a public route)', undefined],
    ['claims without a subject', { auth_time: '1736934300', 'cognito:groups': '[dsl]' }],
    ['an empty subject', { sub: '', auth_time: '1736934300' }],
  ])('answers undefined for %s', (_, claims) => {
    // Prepare
    const event = eventWith(claims);

    // Act
    const read = readClaims(event);

    // Assess
    expect(read).toBeUndefined();
  });
});
