import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '../../errors/lantern-error';
import type { Config } from '../../config/load-config';
import type { IdentityProvider, NewStaffAccount } from '../../domain/ports';

export function createCognitoClient(config: Pick<Config, 'region' | 'endpoints'>): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: config.region, endpoint: config.endpoints.cognito });
}

export class IdentityProviderError extends Error {
  override readonly name = 'IdentityProviderError';
}

export class CognitoIdentityProvider implements IdentityProvider {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async createAccount(account: NewStaffAccount): Promise<{ staffId: string }> {
    const result = await this.client
      .send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: account.email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: account.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: account.givenName },
          { Name: 'family_name', Value: account.familyName },
        ],
      }),
    )
      .catch((error: unknown) => {
        if (error instanceof UsernameExistsException || (error as { name?: string }).name === 'UsernameExistsException') {
          throw new ConflictError('There is already an account with this email address.');
        }
        throw error;
      });
    const staffId = result.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    if (!staffId) throw new IdentityProviderError('The new account has no sub attribute');
    await this.setGroups(account.email, account.groups);
    return { staffId };
  }

  async setGroups(username: string, groups: readonly string[]): Promise<void> {
    const current = await this.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }),
    );
    const currentNames = (current.Groups ?? []).map((group) => group.GroupName ?? '');
    for (const group of groups.filter((name) => !currentNames.includes(name))) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }));
    }
    for (const group of currentNames.filter((name) => !groups.includes(name))) {
      await this.client.send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }),
      );
    }
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const command = enabled
      ? new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username })
      : new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username });
    await this.client.send(command);
  }

  async hasAuthenticator(staffId: string): Promise<boolean> {
    const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: staffId }));
    return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }

  async findAccount(email: string): Promise<{ staffId: string } | undefined> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      const staffId = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
      return staffId ? { staffId } : undefined;
    } catch (error) {
      if ((error as { name?: string }).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async associateAuthenticator(accessToken: string): Promise<{ secret: string }> {
    const result = await this.client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    if (!result.SecretCode) throw new IdentityProviderError('Cognito returned no authenticator secret');
    return { secret: result.SecretCode };
  }

  async confirmAuthenticator(accessToken: string, code: string): Promise<boolean> {
    try {
      const result = await this.client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Lantern authenticator' }));
      if (result.Status !== 'SUCCESS') return false;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') return false;
      throw error;
    }
    // Preferred TOTP: every later sign-in asks for a code, which is what elevation relies on.
    await this.client.send(
      new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    return true;
  }
}
