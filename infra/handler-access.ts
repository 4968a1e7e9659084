import { Arn, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { NagSuppressions } from 'cdk-nag';
import type { DataStores } from './constructs/data-stores';
import type { SchoolEvents } from './constructs/events';
import type { Identity } from './constructs/identity';
import type { LanternFunction } from './constructs/lantern-function';
import type { Reminders } from './constructs/reminders';
import type { Use, Uses } from '../shared/deps/uses';

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

/** The table key as a PutItem under it needs it: CDK's own write grant minus the wildcard families. */
export const appendKeyActions = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

/** What CDK's stream-read grant gives the outbox relay on the records table's stream (the relay reads it, then marks what it delivered). */
export const outboxStreamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'] as const;
/** Reading the encrypted stream and updating items under the table key. */
const outboxKeyActions = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

/** Reading items under the table key. */
export const readKeyActions = ['kms:Decrypt', 'kms:DescribeKey'] as const;

/**
 * What each use grants (shared/deps/uses.ts): the IAM half of the one declaration. `actions`
 * are what the use's statements name: grantDeclaredAccess writes them from here, or (files,
 * reminders, events) they are what the CDK grant it calls names. `keyActions` are what the
 * use needs of the tables' key. Nothing else is granted to a function; a test compares every
 * role in the template with the design.
 */
export const useGrants = {
  records: { actions: recordsTableActions, keyActions: tableKeyActions },
  // The audit log is append-only: functions add events (audit) and query them (auditQuery), never change or remove one.
  audit: { actions: ['dynamodb:PutItem'], keyActions: appendKeyActions },
  auditQuery: { actions: ['dynamodb:Query'], keyActions: readKeyActions },
  identity: { actions: userPoolAdminActions, keyActions: [] },
  mailer: { actions: ['ses:SendEmail'], keyActions: [] },
  reminders: { actions: ['scheduler:CreateSchedule', 'iam:PassRole'], keyActions: [] },
  files: { actions: ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'], keyActions: [] },
  // Marking delivered outbox items; reading the stream is CDK's stream-read grant (outboxStreamActions).
  outbox: { actions: ['dynamodb:UpdateItem'], keyActions: outboxKeyActions },
  // The scan consumer alone: move a file found bad under quarantine/ (copy, then a delete marker on the original).
  quarantine: { actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'], keyActions: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  events: { actions: ['events:PutEvents'], keyActions: [] },
  school: { actions: [], keyActions: [] },
  signIn: { actions: [], keyActions: [] },
} as const satisfies Record<Use, { readonly actions: readonly string[]; readonly keyActions: readonly string[] }>;

/**
 * Gives a handler's role what its declaration says it uses, and nothing more: a public
 * route that declares nothing gets nothing beyond its own log group and X-Ray (which every
 * LanternFunction has), so a bug or a compromised dependency there cannot reach a record.
 */
export function grantDeclaredAccess(handler: LanternFunction, uses: Uses, props: HandlerAccessProps): void {
  const { dataStores, identity, events } = props;
  const role = handler.role;
  const declared = new Set(uses);

  if (declared.has('records')) dataStores.recordsTable.grants.actions(role, ...useGrants.records.actions);
  // Appending: PutItem on the table itself (no index is ever written to directly).
  if (declared.has('audit')) role.addToPrincipalPolicy(new PolicyStatement({ actions: [...useGrants.audit.actions], resources: [dataStores.auditTable.tableArn] }));
  if (declared.has('outbox')) {
    dataStores.recordsTable.grants.actions(role, ...useGrants.outbox.actions);
    dataStores.recordsTable.grantStreamRead(role);
  }
  if (declared.has('auditQuery')) dataStores.auditTable.grants.actions(role, ...useGrants.auditQuery.actions);
  // grants.actions does not grant the tables' key: the actions each use needs of it, once.
  const keyActions = [...new Set(uses.flatMap((use) => useGrants[use].keyActions))];
  if (keyActions.length > 0) dataStores.key.grant(role, ...keyActions);

  // Files are safeguarding records: read and add (new versions), never delete.
  if (declared.has('files')) {
    dataStores.filesBucket.grantRead(role);
    dataStores.filesBucket.grantPut(role);
  }
  // Request functions write events to the outbox; only the outbox relay declares `events`.
  // Moving a file found bad: copy it under quarantine/ and hide the original (a delete marker; the bucket keeps versions).
  if (declared.has('quarantine')) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: [...useGrants.quarantine.actions], resources: [dataStores.filesBucket.arnForObjects('*')] }));
  }
  if (declared.has('events')) events.bus.grantPutEventsTo(role);
  if (declared.has('reminders')) props.reminders.grantScheduling(role);
  if (declared.has('identity')) identity.userPool.grant(role, ...useGrants.identity.actions);
  if (declared.has('mailer')) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...useGrants.mailer.actions],
        resources: sesIdentityArns(Stack.of(handler), props.senderEmail),
        conditions: { StringEquals: { 'ses:FromAddress': props.senderEmail } },
      }),
    );
  }

  NagSuppressions.addResourceSuppressions(
    role,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Wildcards come from CDK grants scoped to this school\'s own resources (named directly, or through the nested stack parameter that passes them): queries on the tables\' indexes (<table>/index/*), objects in the files bucket (<bucket>/*), one-off reminder schedules named at run time in the school\'s schedule group (<group>/*), and the action families of the S3 read/put and KMS data-key grants.',
        appliesTo: [
          // `<…RecordsTable….Arn>` in the school's stack; `<referencetoLantern…RecordsTable…Arn>`, the parameter that passes it, in a route area's nested stack.
          { regex: '/^Resource::<.*(RecordsTable|AuditTable).*\\.?Arn>\\/index\\/\\*$/' },
          { regex: '/^Resource::<.*FilesBucket.*\\.?Arn>\\/\\*$/' },
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

/** SES authorises a send against the address's identity or its domain's, whichever is verified. */
function sesIdentityArns(stack: Stack, senderEmail: string): string[] {
  const domain = senderEmail.slice(senderEmail.indexOf('@') + 1);
  return [senderEmail, domain].map((identity) =>
    Arn.format({ service: 'ses', resource: 'identity', resourceName: identity }, stack),
  );
}
