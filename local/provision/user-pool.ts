import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { groups, type Group } from '../../shared/domain/identity/groups';

export interface UserPoolIds {
  readonly userPoolId: string;
  readonly clientId: string;
}

const GROUP_DESCRIPTIONS: Record<Group, string> = {
  staff: 'Every member of staff',
  slt: 'Senior leadership team',
  dsl: 'Designated safeguarding lead and deputies',
  admin: 'Trust IT and school office: accounts, pupils, settings',
};

const CLIENT_NAME = 'lantern-web';

/**
 * The user pool as the stack declares it where cognito-local can follow: e-mail as the
 * username, MFA optional with TOTP only (cognito-local has no MFA_SETUP challenge; the app
 * makes elevated staff enrol), admin-created accounts, a public app client with
 * USER_PASSWORD_AUTH, and the four staff groups. Ids from the last run are reused, since
 * cognito-local mints new ones on every create.
 */
export async function provisionUserPool(
  client: CognitoIdentityProviderClient,
  options: { poolName: string; previous?: { id: string; clientId: string } },
): Promise<UserPoolIds> {
  const userPoolId = (await existingPool(client, options.poolName, options.previous?.id)) ?? (await createPool(client, options.poolName));
  const clientId = (await existingClient(client, userPoolId, options.previous?.clientId)) ?? (await createClient(client, userPoolId));
  await provisionGroups(client, userPoolId);
  return { userPoolId, clientId };
}

async function existingPool(client: CognitoIdentityProviderClient, poolName: string, previousId: string | undefined): Promise<string | undefined> {
  if (previousId) {
    const found = await client.send(new DescribeUserPoolCommand({ UserPoolId: previousId })).then(
      (result) => result.UserPool?.Id,
      () => undefined,
    );
    if (found) return found;
  }
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return pools.UserPools?.find((pool) => pool.Name === poolName)?.Id;
}

async function createPool(client: CognitoIdentityProviderClient, poolName: string): Promise<string> {
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: poolName,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true },
      },
    }),
  );
  const userPoolId = created.UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local created a user pool without an id');
  await client.send(
    new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }),
  );
  return userPoolId;
}

async function existingClient(client: CognitoIdentityProviderClient, userPoolId: string, previousId: string | undefined): Promise<string | undefined> {
  if (previousId) {
    const found = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: previousId })).then(
      (result) => result.UserPoolClient?.ClientId,
      () => undefined,
    );
    if (found) return found;
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  return clients.UserPoolClients?.find((candidate) => candidate.ClientName === CLIENT_NAME)?.ClientId;
}

async function createClient(client: CognitoIdentityProviderClient, userPoolId: string): Promise<string> {
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // As the stack's client: one-hour tokens, refresh for about a school day. (cognito-local
      // would otherwise sign 24-hour access tokens.)
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 12,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'hours' },
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  const clientId = created.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local created an app client without an id');
  return clientId;
}

async function provisionGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const existing = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const names = new Set((existing.Groups ?? []).map((group) => group.GroupName));
  for (const group of groups.filter((candidate) => !names.has(candidate))) {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group, Description: GROUP_DESCRIPTIONS[group] }));
  }
}
