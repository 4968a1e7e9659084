import { NagSuppressions } from 'cdk-nag';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes as routeCatalogue, type RouteDefinition } from '../shared/api/routes';
import { eventRules as eventRuleCatalogue, type EventRuleDefinition } from '../shared/events/rules';
import { cognitoTriggers as triggerCatalogue } from '../shared/triggers/cognito-triggers';
import { SchoolApi } from './constructs/api';
import { Backups } from './constructs/backups';
import { DataStores } from './constructs/data-stores';
import { SchoolEvents } from './constructs/events';
import { Identity, type SignInTriggerDefinition } from './constructs/identity';
import { Monitoring } from './constructs/monitoring';
import { Reminders } from './constructs/reminders';
import { OutboxRelay } from './constructs/outbox-relay';
import { StaffWeb } from './constructs/staff-web';
import type { HandlerSettings } from './constructs/lantern-function';
import { signInConfiguration } from '../shared/domain/identity/sign-in-configuration';
import { functionEnvironment } from './function-environment';
import { grantDeclaredAccess } from './handler-access';
import type { SchoolConfig, TrustConfig } from './trust-config';

/** The repository root: the catalogues' `entry` paths are relative to it. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

export interface SchoolStackProps extends Omit<StackProps, 'env'> {
  readonly trust: TrustConfig;
  readonly school: SchoolConfig;
  /** The built staff app (`npm run build:web` → web/dist); see infra/web-dist.ts. */
  readonly webDist: string;
  /** Defaults to the route catalogue (shared/api/routes.ts). */
  readonly routes?: readonly RouteDefinition[];
  /** Defaults to the event-rule catalogue (shared/events/rules.ts). */
  readonly eventRules?: readonly EventRuleDefinition[];
  /** Defaults to the user-pool trigger catalogue (shared/triggers/cognito-triggers.ts). */
  readonly cognitoTriggers?: readonly SignInTriggerDefinition[];
  /** Where handler `entry` paths are resolved; defaults to the repository root. For tests. */
  readonly sourceRoot?: string;
}

export const schoolStackName = (schoolId: string) => `Lantern-${schoolId}`;

/** Everything one school runs on: data, identity, events and the API, in the trust's account. */
export class SchoolStack extends Stack {
  readonly school: SchoolConfig;
  readonly dataStores: DataStores;
  readonly backups: Backups;
  readonly identity: Identity;
  readonly events: SchoolEvents;
  readonly reminders: Reminders;
  readonly outbox: OutboxRelay;
  readonly api: SchoolApi;
  readonly web: StaffWeb;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, props: SchoolStackProps) {
    const { trust, school } = props;
    super(scope, schoolStackName(school.id), {
      ...props,
      env: { account: trust.account, region: trust.region },
      description: props.description ?? `Lantern safeguarding records for ${school.name} (${trust.trustName})`,
    });
    this.school = school;
    // First: the app's origin is the one browser origin the API and the files bucket accept.
    this.web = new StaffWeb(this, 'Web', {
      schoolId: school.id,
      webDist: props.webDist,
      customDomain: school.certificateArn ? { domainName: school.domain, certificateArn: school.certificateArn } : undefined,
    });
    const appBaseUrl = this.web.origin;

    this.dataStores = new DataStores(this, 'Data', { schoolId: school.id, appBaseUrl });
    this.backups = new Backups(this, 'Backups', { schoolId: school.id, tables: [this.dataStores.recordsTable, this.dataStores.auditTable] });
    this.identity = new Identity(this, 'Identity', { schoolId: school.id, schoolName: school.name, partners: school.partners });
    this.events = new SchoolEvents(this, 'Events', { schoolId: school.id });
    this.reminders = new Reminders(this, 'Reminders', {
      schoolId: school.id,
      bus: this.events.bus,
      deadLetterQueue: this.events.deadLetterQueue,
    });

    // Signs page cursors. CloudFormation resolves it into the functions' environment at
    // deploy (encrypted at rest, no call at cold start); leaked, it lets a client craft a
    // cursor that still has to pass the check against its own query.
    const cursorKey = new Secret(this, 'CursorKey', {
      description: `Lantern ${school.id}: HMAC key for page cursors`,
      encryptionKey: this.dataStores.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    NagSuppressions.addResourceSuppressions(cursorKey, [
      { id: 'AwsSolutions-SMG4', reason: 'The cursor key only signs page cursors that live minutes; rotating it means a redeploy, which the README describes.' },
    ]);
    // One source of values; each function's declaration picks the variables and grants it gets.
    const environmentSource = {
      schoolId: school.id,
      schoolName: school.name,
      timezone: school.timezone,
      appBaseUrl,
      recordsTable: this.dataStores.recordsTable.tableName,
      auditTable: this.dataStores.auditTable.tableName,
      filesBucket: this.dataStores.filesBucket.bucketName,
      eventBusName: this.events.bus.eventBusName,
      eventBusArn: this.events.bus.eventBusArn,
      reminderScheduleGroup: this.reminders.scheduleGroup.scheduleGroupName,
      reminderRoleArn: this.reminders.role.roleArn,
      reminderDeadLetterQueueArn: this.reminders.deadLetterQueue.queueArn,
      userPoolId: this.identity.userPool.userPoolId,
      userPoolClientId: this.identity.staffClient.userPoolClientId,
      senderEmail: school.senderEmail,
      elevationWindowMinutes: trust.elevationWindowMinutes,
      cursorKey: cursorKey.secretValue.unsafeUnwrap(),
    };
    const settings: HandlerSettings = {
      sourceRoot: props.sourceRoot ?? repositoryRoot,
      logKey: this.dataStores.key,
      environment: (uses) => functionEnvironment(environmentSource, uses),
      grantAccess: (handler, uses) =>
        grantDeclaredAccess(handler, uses, {
          dataStores: this.dataStores,
          identity: this.identity,
          events: this.events,
          reminders: this.reminders,
          senderEmail: school.senderEmail,
        }),
    };

    this.api = new SchoolApi(this, 'Api', {
      schoolId: school.id,
      appBaseUrl,
      routes: props.routes ?? routeCatalogue,
      identity: this.identity,
      settings,
      logKey: this.dataStores.key,
    });
    this.web.publish({
      apiOrigin: this.api.api.apiEndpoint,
      // The same body as GET /v1/config, so the app can read either, plus where the API is.
      config: {
        apiUrl: this.api.api.apiEndpoint,
        ...signInConfiguration({
          region: this.region,
          userPool: { id: this.identity.userPool.userPoolId, clientId: this.identity.staffClient.userPoolClientId },
          school: { id: school.id, name: school.name, timezone: school.timezone },
        }),
      },
      logKey: this.dataStores.key,
    });
    this.events.subscribe(props.eventRules ?? eventRuleCatalogue, settings);
    // Events leave only through the outbox: written with their change, delivered from the stream.
    this.outbox = new OutboxRelay(this, 'Outbox', {
      schoolId: school.id,
      recordsTable: this.dataStores.recordsTable,
      key: this.dataStores.key,
      settings,
    });

    // The pool's triggers get their own settings: nothing that names the pool (which refers
    // to them), whatever they declare. Their declaration is the audit table only.
    const { userPoolId: _pool, userPoolClientId: _client, ...withoutPool } = environmentSource;
    this.identity.addSignInTriggers(props.cognitoTriggers ?? triggerCatalogue, {
      ...settings,
      environment: (uses) => functionEnvironment(withoutPool, uses),
    });

    // Last: it watches every function and alarm the stack now has.
    this.monitoring = new Monitoring(this, 'Monitoring', { schoolId: school.id, notifications: trust.alarms, apiStage: this.api.stage });
    this.monitoring.watch();

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Base URL of the school API' });
    new CfnOutput(this, 'StaffAppUrl', { value: appBaseUrl, description: 'Where staff open Lantern' });
    new CfnOutput(this, 'StaffAppDistributionDomain', { value: this.web.distribution.distributionDomainName });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: this.identity.staffClient.userPoolClientId });
    for (const [partnerId, client] of this.identity.partnerClients) {
      new CfnOutput(this, `PartnerClientId-${partnerId}`, { value: client.userPoolClientId, description: `App client of partner ${partnerId}: its secret is read with DescribeUserPoolClient` });
    }
    new CfnOutput(this, 'CognitoDomain', { value: this.identity.domain.baseUrl() });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.events.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn, description: 'Where every alarm of this school goes (trust config: alarms)' });
    new CfnOutput(this, 'OutboxRelayDeadLetterQueueUrl', { value: this.outbox.deadLetterQueue.queueUrl, description: 'npm run redrive -- --queue <this> --queue <DeadLetterQueueUrl>' });
  }
}
