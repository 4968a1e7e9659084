import { Arn, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { NagSuppressions } from 'cdk-nag';
import type { DataStores } from './constructs/data-stores';
import type { SchoolEvents } from './constructs/events';
import type { Identity } from './constructs/identity';
import type { LanternFunction } from './constructs/lantern-function';
import type { Reminders } from './constructs/reminders';

export interface HandlerAccessProps {
  readonly dataStores: DataStores;
  readonly identity: Identity;
  readonly events: SchoolEvents;
  readonly reminders: Reminders;
  readonly senderEmail: string;
}

/** Item reads and writes on the records table. No Scan: every list is a Query on a key made for it. */
export const recordsTableActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
] as const;

const tableKeyActions = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

/** The audit log is append-only: handlers add and query events, never change or remove one. */
export const auditTableActions = ['dynamodb:PutItem', 'dynamodb:Query'] as const;

/** Staff-account management the admin routes and sign-in flows need; nothing pool-wide. */
export const userPoolAdminActions = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminListGroupsForUser',
  // Elevation reads the sign-in history (Plus tier) to see that a sign-in answered a code.
  'cognito-idp:AdminListUserAuthEvents',
] as const;

/**
 * What a Lantern handler's role may do. Each handler has its own role; the catalogues do
 * not yet say which handler needs what, so every signed-in route and every event consumer
 * gets this one school-wide set. Public routes get none of it (grantPublicRouteAccess).
 */
export function grantHandlerAccess(handler: LanternFunction, props: HandlerAccessProps): void {
  const { dataStores, identity } = props;
  const role = handler.role;

  dataStores.recordsTable.grants.actions(role, ...recordsTableActions);
  dataStores.auditTable.grants.actions(role, ...auditTableActions);
  // grants.actions does not grant the tables' key: the same key CDK's table write grant names.
  dataStores.key.grant(role, ...tableKeyActions);

  // Files are safeguarding records: read and add (new versions), never delete.
  dataStores.filesBucket.grantRead(role);
  dataStores.filesBucket.grantPut(role);

  // No events:PutEvents: handlers write events to the outbox; only the outbox relay puts them on the bus.
  props.reminders.grantScheduling(role);
  identity.userPool.grant(role, ...userPoolAdminActions);

  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: sesIdentityArns(Stack.of(handler), props.senderEmail),
      conditions: { StringEquals: { 'ses:FromAddress': props.senderEmail } },
    }),
  );

  NagSuppressions.addResourceSuppressions(
    role,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Wildcards come from CDK grants scoped to this school\'s own resources: queries on the tables\' indexes (<table>/index/*), objects in the files bucket (<bucket>/*), one-off reminder schedules named at run time in the school\'s schedule group (<group>/*), and the action families of the S3 read/put and KMS data-key grants.',
        appliesTo: [
          { regex: '/^Resource::<.*(RecordsTable|AuditTable).*\\.Arn>\\/index\\/\\*$/' },
          { regex: '/^Resource::<.*FilesBucket.*\\.Arn>\\/\\*$/' },
          { regex: '/^Resource::arn:<AWS::Partition>:scheduler:.*:schedule\\/lantern-.*-reminders\\/\\*$/' },
          'Action::s3:GetObject*',
          'Action::s3:GetBucket*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::kms:ReEncrypt*',
          'Action::kms:GenerateDataKey*',
        ],
      },
    ],
    true,
  );
}

/**
 * What a public route's role may do beyond its own log group and X-Ray (which every
 * LanternFunction has): nothing. Health, sign-in configuration and the OpenAPI document are
 * served before sign-in, to anonymous callers, from the environment and the code alone; a
 * public route never reads a table, the pool, the bucket, the bus or Scheduler, so a bug or
 * a compromised dependency there cannot reach a pupil's record.
 */
export function grantPublicRouteAccess(_handler: LanternFunction): void {
  // Deliberately empty.
}

/** SES authorises a send against the address's identity or its domain's, whichever is verified. */
function sesIdentityArns(stack: Stack, senderEmail: string): string[] {
  const domain = senderEmail.slice(senderEmail.indexOf('@') + 1);
  return [senderEmail, domain].map((identity) =>
    Arn.format({ service: 'ses', resource: 'identity', resourceName: identity }, stack),
  );
}

/** A sign-in trigger only adds sign-in events to the audit log: PutItem, on the table itself. */
export const triggerAuditActions = ['dynamodb:PutItem'] as const;

/**
 * The table key as a PutItem under it needs it (DynamoDB unwraps the table key with the
 * caller's Decrypt and encrypts with Encrypt/GenerateDataKey): CDK's own write grant minus
 * the wildcard families.
 */
export const triggerKeyActions = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

/**
 * What a user-pool trigger's role may do: append to the audit table, nothing more. No grant
 * names the user pool (the pool refers to the trigger; a reference back would be circular).
 */
export function grantTriggerAccess(handler: LanternFunction, dataStores: DataStores): void {
  handler.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...triggerAuditActions], resources: [dataStores.auditTable.tableArn] }),
  );
  dataStores.key.grant(handler.role, ...triggerKeyActions);
}
