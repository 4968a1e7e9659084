import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
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
    const result = await this.client.send(
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
    );
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
}
