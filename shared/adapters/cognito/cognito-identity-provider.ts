import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminRemoveUserFromGroupCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
  type AuthEventType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError, OutOfOrderError } from '../../errors/lantern-error';
import type { Config } from '../../config/load-config';
import type { IdentityProvider, NewStaffAccount } from '../../domain/ports';
import type { SignInRecord } from '../../domain/identity/sign-in-evidence';

/** Cognito's largest page of user authentication events. */
const AUTH_EVENTS_PAGE = 60;
/** Pages read back towards `since` at most (600 sign-ins); Cognito keeps the history 90 days. */
const AUTH_EVENTS_MAX_PAGES = 10;

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
          throw new ConflictError('There is already an account with this email address.', { cause: error });
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

  /** Each account's sign-ins as read so far in this container, complete from `from` on. */
  private readonly knownSignIns = new Map<string, { readonly from: Date; readonly signIns: readonly SignInRecord[] }>();

  /**
   * AdminListUserAuthEvents (Plus tier with threat protection): newest first, so it reads
   * pages until one reaches back past `since`. Only sign-ins are kept; a refresh is not one.
   * A settled sign-in never changes, so once this container holds the history from `since`,
   * it reads back only to the newest settled sign-in it knows (one page, as a rule).
   */
  async signInsSince(staffId: string, since: Date): Promise<SignInRecord[]> {
    const known = this.knownSignIns.get(staffId);
    const usable = known && known.from.getTime() <= since.getTime() ? known : undefined;
    const readBackTo = usable ? rereadFrom(usable.signIns) ?? since : since;
    const { signIns: fresh, complete } = await this.readSignIns(staffId, readBackTo);
    const freshIds = new Set(fresh.map((signIn) => signIn.id));
    const older = usable ? usable.signIns.filter((signIn) => signIn.at.getTime() < readBackTo.getTime() && !freshIds.has(signIn.id)) : [];
    const signIns = [...fresh, ...older];
    if (complete) this.knownSignIns.set(staffId, { from: usable ? usable.from : since, signIns });
    else this.knownSignIns.delete(staffId);
    return signIns.filter((signIn) => signIn.at.getTime() >= since.getTime());
  }

  private async readSignIns(staffId: string, backTo: Date): Promise<{ signIns: SignInRecord[]; complete: boolean }> {
    const signIns: SignInRecord[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < AUTH_EVENTS_MAX_PAGES; page += 1) {
      const result = await this.client.send(
        new AdminListUserAuthEventsCommand({ UserPoolId: this.userPoolId, Username: staffId, MaxResults: AUTH_EVENTS_PAGE, NextToken: nextToken }),
      );
      const events = result.AuthEvents ?? [];
      for (const event of events) {
        const record = signInRecordOf(event);
        // Everything on a page read is the newest word on it, even past `backTo`.
        if (record) signIns.push(record);
      }
      nextToken = result.NextToken;
      const reachedBack = events.some((event) => event.CreationDate && event.CreationDate.getTime() <= backTo.getTime());
      if (!nextToken || reachedBack || events.length === 0) return { signIns, complete: true };
    }
    return { signIns, complete: false };
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
      // Cognito's answer when no authenticator was associated first (verify before setup).
      if (name === 'InvalidParameterException') {
        throw new OutOfOrderError('Start setting up an authenticator first (POST /v1/me/mfa/setup), then confirm it with a code.', { cause: error });
      }
      throw error;
    }
    // Preferred TOTP: every later sign-in asks for a code, which is what elevation relies on.
    await this.client.send(
      new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    return true;
  }
}

function signInRecordOf(event: AuthEventType): SignInRecord | undefined {
  if (event.EventType !== 'SignIn' || !event.EventId || !event.CreationDate) return undefined;
  const passed = (challenge: 'Password' | 'Mfa') =>
    (event.ChallengeResponses ?? []).some((response) => response.ChallengeName === challenge && response.ChallengeResponse === 'Success');
  const outcome = event.EventResponse === 'Pass' ? 'pass' : event.EventResponse === 'Fail' ? 'fail' : 'in-progress';
  return { id: event.EventId, at: event.CreationDate, outcome, passedPassword: passed('Password'), passedAuthenticatorCode: passed('Mfa') };
}

/**
 * Where a re-read must start: the newest settled sign-in (those before it cannot change),
 * or earlier if a sign-in before it was still waiting for its code.
 */
function rereadFrom(signIns: readonly SignInRecord[]): Date | undefined {
  const settled = signIns.filter((signIn) => signIn.outcome !== 'in-progress').map((signIn) => signIn.at.getTime());
  if (settled.length === 0) return undefined;
  const waiting = signIns.filter((signIn) => signIn.outcome === 'in-progress').map((signIn) => signIn.at.getTime());
  return new Date(Math.min(Math.max(...settled), ...waiting));
}
