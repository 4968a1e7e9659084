import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
  type AdminGetUserCommandOutput,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { generate } from 'otplib';
import type { DemoStaffMember } from '../seed/demo-school';
import type { UserPoolIds } from './user-pool';

export interface ProvisionedDemoUser extends DemoStaffMember {
  /** The Cognito `sub`, which is also the staff id. */
  readonly id: string;
  readonly totpSecret?: string;
}

/**
 * Makes each demo member a confirmed Cognito user with a permanent password, in their
 * groups, and enrols an authenticator for those marked `enrolTotp` the way a person does
 * (sign in, AssociateSoftwareToken, VerifySoftwareToken with a real code, then prefer
 * TOTP). Existing users are kept; their TOTP secret comes from the last run's state.
 * One user at a time: cognito-local rewrites a whole JSON file on every change.
 */
export async function provisionDemoUsers(
  client: CognitoIdentityProviderClient,
  pool: UserPoolIds,
  staff: readonly DemoStaffMember[],
  previous: Readonly<Record<string, { id: string; totpSecret?: string }>>,
): Promise<ProvisionedDemoUser[]> {
  const provisioned: ProvisionedDemoUser[] = [];
  for (const member of staff) provisioned.push(await provisionMember(client, pool, member, previous[member.email]?.totpSecret));
  return provisioned;
}

async function provisionMember(
  client: CognitoIdentityProviderClient,
  pool: UserPoolIds,
  member: DemoStaffMember,
  knownSecret: string | undefined,
): Promise<ProvisionedDemoUser> {
  let user = await getUser(client, pool.userPoolId, member.email);
  const hasAuthenticator = user?.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;
  if (user && member.enrolTotp && hasAuthenticator && !knownSecret) {
    // Enrolled on a run whose state file is gone: the secret cannot be read back, so start
    // this demo user again rather than print a secret that does not work.
    await client.send(new AdminDeleteUserCommand({ UserPoolId: pool.userPoolId, Username: member.email }));
    user = undefined;
  }
  if (!user) {
    await createUser(client, pool.userPoolId, member);
    user = await getUser(client, pool.userPoolId, member.email);
  }
  const id = user?.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!id) throw new Error(`Demo user ${member.email} has no sub in cognito-local`);
  await addMissingGroups(client, pool.userPoolId, member);

  if (!member.enrolTotp) return { ...member, id };
  const enrolled = user?.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;
  const totpSecret = enrolled && knownSecret ? knownSecret : await enrolAuthenticator(client, pool.clientId, member);
  return { ...member, id, totpSecret };
}

async function getUser(client: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<AdminGetUserCommandOutput | undefined> {
  try {
    return await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

async function createUser(client: CognitoIdentityProviderClient, userPoolId: string, member: DemoStaffMember): Promise<void> {
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: member.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: member.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'given_name', Value: member.givenName },
        { Name: 'family_name', Value: member.familyName },
      ],
    }),
  );
  // Permanent, so demo users sign in without the NEW_PASSWORD_REQUIRED step.
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: member.email, Password: member.password, Permanent: true }));
}

async function addMissingGroups(client: CognitoIdentityProviderClient, userPoolId: string, member: DemoStaffMember): Promise<void> {
  const current = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: member.email }));
  const names = new Set((current.Groups ?? []).map((group) => group.GroupName));
  for (const group of member.groups.filter((name) => !names.has(name))) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: member.email, GroupName: group }));
  }
}

async function enrolAuthenticator(client: CognitoIdentityProviderClient, clientId: string, member: DemoStaffMember): Promise<string> {
  const signIn = await client.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: member.email, PASSWORD: member.password } }),
  );
  const accessToken = signIn.AuthenticationResult?.AccessToken;
  if (!accessToken) throw new Error(`Demo user ${member.email} could not sign in to enrol TOTP (challenge ${signIn.ChallengeName ?? 'none'})`);
  const associated = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  const secret = associated.SecretCode;
  if (!secret) throw new Error(`cognito-local returned no TOTP secret for ${member.email}`);
  const code = await generate({ secret });
  await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Lantern demo authenticator' }));
  await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return secret;
}
