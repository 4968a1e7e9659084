import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '../../../shared/errors/lantern-error';
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
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'An account with the given email already exists.', $metadata: {} }));

    // Act
    const attempt = provider().createAccount({ email, givenName: 'Jo', familyName: 'Whitfield', groups: ['staff'] });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
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
});
