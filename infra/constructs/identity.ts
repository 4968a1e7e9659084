import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnLogDeliveryConfiguration,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { groups } from '../../shared/domain/identity/groups';
import { LanternFunction, logRetention, type HandlerSettings } from './lantern-function';
import type { Uses } from '../../shared/deps/uses';
import { PARTNER_RESOURCE_SERVER, partnerScopeNames, partnerScopes, type PartnerScope } from '../../shared/domain/identity/partner-scopes';

/** A user-pool Lambda trigger (see shared/triggers/cognito-triggers.ts). */
export interface SignInTriggerDefinition {
  readonly id: string;
  readonly trigger: 'preAuthentication' | 'postAuthentication';
  readonly entry: string;
  /** What it uses; never `identity` (the pool refers to the trigger). */
  readonly uses: Uses;
}

const triggerOperations: Record<SignInTriggerDefinition['trigger'], UserPoolOperation> = {
  preAuthentication: UserPoolOperation.PRE_AUTHENTICATION,
  postAuthentication: UserPoolOperation.POST_AUTHENTICATION,
};

/** Cognito waits at most 5 seconds for a trigger; a longer function timeout buys nothing. */
const triggerTimeout = Duration.seconds(5);

export interface IdentityProps {
  readonly schoolId: string;
  readonly schoolName: string;
  /** Partner systems from the trust config: one client-credentials app client each. */
  readonly partners?: readonly { readonly id: string; readonly name: string; readonly scopes: readonly PartnerScope[] }[];
}

const groupDescriptions: Record<(typeof groups)[number], string> = {
  staff: 'Every member of staff: records incidents and actions, sees what they wrote, were alerted to or assigned',
  slt: 'Senior leadership: once elevated, reads the categories the school opens to SLT',
  dsl: 'Designated safeguarding lead and deputies: once elevated, everything',
  admin: 'Trust IT and office: staff accounts, pupils import, settings; no incident content',
};

/**
 * Who may sign in: staff (user pool, groups, TOTP) and partner systems (OAuth client
 * credentials against the `lantern` resource server, one app client per partner).
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  /** The staff front end: a public client (no secret) signing in with password or SRP. */
  readonly staffClient: UserPoolClient;
  /** Partner systems by partner id: each a confidential client-credentials client with only its scopes. */
  readonly partnerClients = new Map<string, UserPoolClient>();
  readonly domain: UserPoolDomain;
  /** The Plus tier's user activity log (sign-ins, failed ones included, with risk ratings). */
  readonly userAuthEventsLogGroup: LogGroup;
  readonly userAuthEventsDelivery: CfnLogDeliveryConfiguration;
  /** The pool's trigger functions by catalogue id. */
  readonly triggers = new Map<string, LanternFunction>();

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `lantern-${props.schoolId}`,
      // Staff accounts are created by the school's admin; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: `Your Lantern account at ${props.schoolName}`,
        emailBody: `You have a Lantern account at ${props.schoolName}. Sign in with {username} and the temporary password {####}.`,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL by design: staff without elevated roles must always be able to record a concern without an authenticator; elevated reads (DSL/SLT) are refused by the API unless the session signed in through the TOTP challenge.',
      },
    ]);

    for (const group of groups) {
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: groupDescriptions[group],
      });
    }

    this.staffClient = this.userPool.addClient('StaffClient', {
      userPoolClientName: 'staff-front-end',
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // The front end signs in directly (password/SRP then TOTP), not through the hosted UI.
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // About a school day: a lost or shared device stops refreshing overnight.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });

    const scopes = new Map(partnerScopeNames.map((scopeName) => [scopeName, new ResourceServerScope({ scopeName, scopeDescription: partnerScopes[scopeName] })]));
    const resourceServer = this.userPool.addResourceServer('PartnerResourceServer', {
      identifier: PARTNER_RESOURCE_SERVER,
      userPoolResourceServerName: 'Lantern partner systems',
      scopes: [...scopes.values()],
    });
    for (const partner of props.partners ?? []) {
      if (this.partnerClients.has(partner.id)) throw new Error(`Partner ${partner.id} is declared twice`);
      this.partnerClients.set(
        partner.id,
        this.userPool.addClient(`PartnerClient-${partner.id}`, {
          userPoolClientName: `partner-${partner.id}`,
          generateSecret: true,
          oAuth: {
            flows: { clientCredentials: true },
            scopes: partner.scopes.map((scope) => OAuthScope.resourceServer(resourceServer, scopes.get(scope)!)),
          },
          accessTokenValidity: Duration.hours(1),
          enableTokenRevocation: true,
          preventUserExistenceErrors: true,
        }),
      );
    }

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: `lantern-${props.schoolId}` } });

    // Failed sign-ins never reach a post-authentication trigger: the Plus tier exports every
    // authentication event (with its outcome and risk rating) to this log group. Cognito
    // refuses a KMS-encrypted destination, so it has CloudWatch's own encryption; the
    // /aws/vendedlogs/ prefix keeps the delivery's resource policy small.
    this.userAuthEventsLogGroup = new LogGroup(this, 'UserAuthEvents', {
      logGroupName: `/aws/vendedlogs/cognito/lantern-${props.schoolId}/user-auth-events`,
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userAuthEventsDelivery = new CfnLogDeliveryConfiguration(this, 'UserAuthEventsDelivery', {
      userPoolId: this.userPool.userPoolId,
      logConfigurations: [
        {
          eventSource: 'userAuthEvents',
          logLevel: 'INFO',
          // The log group's ARN without the `:*` suffix of its GetAtt, which Cognito rejects.
          cloudWatchLogsConfiguration: {
            logGroupArn: Stack.of(this).formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: this.userAuthEventsLogGroup.logGroupName,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      ],
    });
  }

  /**
   * One function per trigger definition, attached to the pool. The settings must not refer
   * to the pool (environment or grants): the pool refers to the function.
   */
  addSignInTriggers(definitions: readonly SignInTriggerDefinition[], settings: HandlerSettings): void {
    for (const definition of definitions) {
      if (this.triggers.has(definition.id)) throw new Error(`Cognito trigger ${definition.id} is declared twice`);
      if (definition.uses.includes('identity')) throw new Error(`Cognito trigger ${definition.id} cannot use identity: the pool refers to its triggers`);
      const trigger = new LanternFunction(this, `Trigger-${definition.id}`, {
        entry: definition.entry,
        purpose: `Cognito ${definition.trigger} trigger ${definition.id}`,
        description: `${definition.id}: records the ${definition.trigger} sign-in event in the audit log`,
        settings,
        uses: definition.uses,
        timeout: triggerTimeout,
      });
      this.userPool.addTrigger(triggerOperations[definition.trigger], trigger.function);
      this.triggers.set(definition.id, trigger);
    }
  }
}
