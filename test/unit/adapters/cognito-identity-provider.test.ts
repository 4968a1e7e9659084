import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminRemoveUserFromGroupCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InvalidParameterException,
  SetUserMFAPreferenceCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError, OutOfOrderError } from '../../../shared/errors/lantern-error';
import { CognitoIdentityProvider, IdentityProviderError } from '../../../shared/adapters/cognito/cognito-identity-provider';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-2_AbCdEf123';
const email = 'j.whitfield@castlemead.example.sch.uk';

afterEach(() => cognito.reset());

const provider = () => new CognitoIdentityProvider(new CognitoIdentityProviderClient({ region: 'eu-west-2' }), userPoolId);

const groupNames = (command: typeof AdminAddUserToGroupCommand | typeof AdminRemoveUserFromGroupCommand) =>
  cognito.commandCalls(command).map((call) => call.args[0].input.GroupName);

describe('CognitoIdentityProvider.createAccount', () => {
  it('creates the user with verified email and names, puts them in their groups and returns their sub', async () => {
    // Prepare
    cognito.on(AdminCreateUserCommand).resolves({
      User: { Username: email, Attributes: [{ Name: 'email', Value: email }, { Name: 'sub', Value: '46a2b2d4-1001-4c8e-a6e5-7f0c9d1e2b3a' }] },
    });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    // Act
    const result = await provider().createAccount({ email, givenName: 'Jo', familyName: 'Whitfield', groups: ['staff', 'slt'] });

    // Assess
    expect(result).toEqual({ staffId: '46a2b2d4-1001-4c8e-a6e5-7f0c9d1e2b3a' });
    expect(cognito).toHaveReceivedCommandExactlyOnceWith(AdminCreateUserCommand, {
      UserPoolId: userPoolId,
      Username: email,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'given_name', Value: 'Jo' },
        { Name: 'family_name', Value: 'Whitfield' },
      ],
    });
    expect(groupNames(AdminAddUserToGroupCommand)).toEqual(['staff', 'slt']);
  });

  it('answers an email already in the pool with a ConflictError', async () => {
    // Prepare
    const exists = new UsernameExistsException({ message: 'An account with the given email already exists.', $metadata: {} });
    cognito.on(AdminCreateUserCommand).rejects(exists);

    // Act
    const attempt = provider().createAccount({ email, givenName: 'Jo', familyName: 'Whitfield', groups: ['staff'] });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ cause: exists });
    await expect(attempt).rejects.not.toThrow(email);
  });

  it('fails loudly when Cognito returns no sub', async () => {
    // Prepare
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: email, Attributes: [{ Name: 'email', Value: email }] } });

    // Act
    const attempt = provider().createAccount({ email, givenName: 'Jo', familyName: 'Whitfield', groups: ['staff'] });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IdentityProviderError);
    expect(cognito).not.toHaveReceivedCommand(AdminAddUserToGroupCommand);
  });
});

describe('CognitoIdentityProvider.setGroups', () => {
  it('adds the missing groups and removes the extra ones, leaving the rest', async () => {
    // Prepare
    cognito.on(AdminListGroupsForUserCommand, { UserPoolId: userPoolId, Username: email }).resolves({ Groups: [{ GroupName: 'staff' }, { GroupName: 'dsl' }] });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminRemoveUserFromGroupCommand).resolves({});

    // Act
    await provider().setGroups(email, ['staff', 'slt', 'admin']);

    // Assess
    expect(groupNames(AdminAddUserToGroupCommand)).toEqual(['slt', 'admin']);
    expect(groupNames(AdminRemoveUserFromGroupCommand)).toEqual(['dsl']);
    expect(cognito).toHaveReceivedCommandWith(AdminRemoveUserFromGroupCommand, { UserPoolId: userPoolId, Username: email, GroupName: 'dsl' });
  });

  it('changes nothing when the groups already match', async () => {
    // Prepare
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'staff' }] });

    // Act
    await provider().setGroups(email, ['staff']);

    // Assess
    expect(cognito).not.toHaveReceivedCommand(AdminAddUserToGroupCommand);
    expect(cognito).not.toHaveReceivedCommand(AdminRemoveUserFromGroupCommand);
  });
});

describe('CognitoIdentityProvider.setEnabled', () => {
  it('disables an account', async () => {
    // Prepare
    cognito.on(AdminDisableUserCommand).resolves({});

    // Act
    await provider().setEnabled(email, false);

    // Assess
    expect(cognito).toHaveReceivedCommandExactlyOnceWith(AdminDisableUserCommand, { UserPoolId: userPoolId, Username: email });
    expect(cognito).not.toHaveReceivedCommand(AdminEnableUserCommand);
  });

  it('enables an account', async () => {
    // Prepare
    cognito.on(AdminEnableUserCommand).resolves({});

    // Act
    await provider().setEnabled(email, true);

    // Assess
    expect(cognito).toHaveReceivedCommandExactlyOnceWith(AdminEnableUserCommand, { UserPoolId: userPoolId, Username: email });
    expect(cognito).not.toHaveReceivedCommand(AdminDisableUserCommand);
  });
});

describe('CognitoIdentityProvider authenticator enrolment', () => {
  const accessToken = 'eyJraWQiOiJ0ZXN0In0.access.token';

  it('starts enrolment and returns the TOTP secret', async () => {
    // Prepare
    cognito.on(AssociateSoftwareTokenCommand, { AccessToken: accessToken }).resolves({ SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });

    // Act
    const result = await provider().associateAuthenticator(accessToken);

    // Assess
    expect(result).toEqual({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  });

  it('fails loudly when Cognito returns no secret', async () => {
    // Prepare
    cognito.on(AssociateSoftwareTokenCommand).resolves({});

    // Act
    const attempt = provider().associateAuthenticator(accessToken);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IdentityProviderError);
  });

  it('confirms a matching code and makes TOTP the preferred second factor', async () => {
    // Prepare
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    cognito.on(SetUserMFAPreferenceCommand).resolves({});

    // Act
    const confirmed = await provider().confirmAuthenticator(accessToken, '492039');

    // Assess
    expect(confirmed).toBe(true);
    expect(cognito).toHaveReceivedCommandWith(VerifySoftwareTokenCommand, { AccessToken: accessToken, UserCode: '492039' });
    expect(cognito).toHaveReceivedCommandExactlyOnceWith(SetUserMFAPreferenceCommand, {
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it('answers false for a wrong code and leaves the MFA preference alone', async () => {
    // Prepare
    cognito.on(VerifySoftwareTokenCommand).rejects(new CodeMismatchException({ message: 'Invalid code received for user', $metadata: {} }));

    // Act
    const confirmed = await provider().confirmAuthenticator(accessToken, '000000');

    // Assess
    expect(confirmed).toBe(false);
    expect(cognito).not.toHaveReceivedCommand(SetUserMFAPreferenceCommand);
  });

  it('answers false when Cognito does not report success', async () => {
    // Prepare
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'ERROR' });

    // Act
    const confirmed = await provider().confirmAuthenticator(accessToken, '492039');

    // Assess
    expect(confirmed).toBe(false);
    expect(cognito).not.toHaveReceivedCommand(SetUserMFAPreferenceCommand);
  });

  it('answers a code sent before setup with a 409 that says to start enrolment first, keeping Cognito\'s error as the cause', async () => {
    // Prepare: Cognito's answer when no authenticator was associated with the user.
    const refusal = new InvalidParameterException({ message: 'User has not associated a software token', $metadata: {} });
    cognito.on(VerifySoftwareTokenCommand).rejects(refusal);

    // Act
    const attempt = provider().confirmAuthenticator(accessToken, '492039');

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(OutOfOrderError);
    await expect(attempt).rejects.toMatchObject({ code: 'out_of_order', message: expect.stringContaining('/v1/me/mfa/setup'), cause: refusal });
    expect(cognito).not.toHaveReceivedCommand(SetUserMFAPreferenceCommand);
  });
});

describe('CognitoIdentityProvider.signInsSince', () => {
  const staffId = '46a2b2d4-1001-4c8e-a6e5-7f0c9d1e2b3a';
  const since = new Date('2025-01-14T16:00:00.000Z');

  it('reads the sign-ins with the challenges they passed, and leaves out other events', async () => {
    // Prepare
    cognito.on(AdminListUserAuthEventsCommand).resolves({
      AuthEvents: [
        {
          EventId: 'with-code',
          EventType: 'SignIn',
          CreationDate: new Date('2025-01-15T09:44:50.000Z'),
          EventResponse: 'Pass',
          ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }, { ChallengeName: 'Mfa', ChallengeResponse: 'Success' }],
        },
        { EventId: 'password-only', EventType: 'SignIn', CreationDate: new Date('2025-01-15T09:00:00.000Z'), EventResponse: 'Pass', ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }] },
        { EventId: 'wrong-code', EventType: 'SignIn', CreationDate: new Date('2025-01-15T08:59:00.000Z'), EventResponse: 'Fail', ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }, { ChallengeName: 'Mfa', ChallengeResponse: 'Failure' }] },
        { EventId: 'password-change', EventType: 'PasswordChange', CreationDate: new Date('2025-01-15T08:00:00.000Z'), EventResponse: 'Pass' },
      ],
    });

    // Act
    const signIns = await provider().signInsSince(staffId, since);

    // Assess
    expect(cognito).toHaveReceivedCommandWith(AdminListUserAuthEventsCommand, { UserPoolId: userPoolId, Username: staffId, MaxResults: 60 });
    expect(signIns).toEqual([
      { id: 'with-code', at: new Date('2025-01-15T09:44:50.000Z'), outcome: 'pass', passedPassword: true, passedAuthenticatorCode: true },
      { id: 'password-only', at: new Date('2025-01-15T09:00:00.000Z'), outcome: 'pass', passedPassword: true, passedAuthenticatorCode: false },
      { id: 'wrong-code', at: new Date('2025-01-15T08:59:00.000Z'), outcome: 'fail', passedPassword: true, passedAuthenticatorCode: false },
    ]);
  });

  it('reads further pages until one reaches back before `since`, and keeps only sign-ins from `since` on', async () => {
    // Prepare
    const passed = [{ ChallengeName: 'Password' as const, ChallengeResponse: 'Success' as const }];
    cognito
      .on(AdminListUserAuthEventsCommand, { NextToken: undefined })
      .resolves({ AuthEvents: [{ EventId: 'newest', EventType: 'SignIn', CreationDate: new Date('2025-01-15T09:00:00.000Z'), EventResponse: 'Pass', ChallengeResponses: passed }], NextToken: 'page-2' })
      .on(AdminListUserAuthEventsCommand, { NextToken: 'page-2' })
      .resolves({
        AuthEvents: [
          { EventId: 'after-enrolment', EventType: 'SignIn', CreationDate: new Date('2025-01-14T17:00:00.000Z'), EventResponse: 'Pass', ChallengeResponses: passed },
          { EventId: 'before-enrolment', EventType: 'SignIn', CreationDate: new Date('2025-01-14T15:00:00.000Z'), EventResponse: 'Pass', ChallengeResponses: passed },
        ],
        NextToken: 'page-3',
      });

    // Act
    const signIns = await provider().signInsSince(staffId, since);

    // Assess
    expect(signIns.map((signIn) => signIn.id)).toEqual(['newest', 'after-enrolment']);
    expect(cognito).toHaveReceivedCommandTimes(AdminListUserAuthEventsCommand, 2);
  });

  it('reads back only to the newest settled sign-in it already holds, and still sees a new sign-in', async () => {
    // Prepare: two pages of history, then one more sign-in on top.
    const identity = provider();
    const passed = [{ ChallengeName: 'Password' as const, ChallengeResponse: 'Success' as const }];
    const event = (id: string, iso: string) => ({ EventId: id, EventType: 'SignIn' as const, CreationDate: new Date(iso), EventResponse: 'Pass' as const, ChallengeResponses: passed });
    cognito
      .on(AdminListUserAuthEventsCommand, { NextToken: undefined })
      .resolves({ AuthEvents: [event('newest', '2025-01-15T09:00:00.000Z')], NextToken: 'page-2' })
      .on(AdminListUserAuthEventsCommand, { NextToken: 'page-2' })
      .resolves({ AuthEvents: [event('older', '2025-01-14T17:00:00.000Z'), event('before-enrolment', '2025-01-14T15:00:00.000Z')] });
    const first = await identity.signInsSince(staffId, since);
    cognito.reset();
    cognito.on(AdminListUserAuthEventsCommand).resolves({ AuthEvents: [event('new', '2025-01-15T09:40:00.000Z'), event('newest', '2025-01-15T09:00:00.000Z')], NextToken: 'page-2' });

    // Act
    const second = await identity.signInsSince(staffId, since);

    // Assess
    expect(first.map((signIn) => signIn.id)).toEqual(['newest', 'older']);
    expect(second.map((signIn) => signIn.id)).toEqual(['new', 'newest', 'older']);
    expect(cognito).toHaveReceivedCommandTimes(AdminListUserAuthEventsCommand, 1);
  });
});
