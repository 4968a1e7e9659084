import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, Role, ServicePrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { UPLOAD_TAG_KEY } from '../../shared/adapters/s3/s3-file-store';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { auditTable, recordsTable, type TableDefinition } from '../../shared/adapters/dynamo/table-definitions';

export interface DataStoresProps {
  readonly schoolId: string;
  /** `https://<school domain>`: the staff front end uploads files straight to the bucket. */
  readonly appBaseUrl: string;
}

/**
 * Where a school's records live: one customer-managed KMS key, the records and audit
 * tables, and the files bucket. Everything is RETAINed: safeguarding records are kept until
 * the pupil's date of birth + 25 years, so deleting the stack must never delete them.
 */
export class DataStores extends Construct {
  readonly key: Key;
  readonly recordsTable: TableV2;
  readonly auditTable: TableV2;
  readonly filesBucket: Bucket;
  readonly malwareProtection: CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Deliver access logs through a bucket policy, not the legacy ACL, so the log bucket can
    // enforce bucket-owner object ownership. Set here so the app and its tests agree.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.key = new Key(this, 'Key', {
      description: `Lantern ${props.schoolId}: records, audit, files and logs`,
      alias: `alias/lantern-${props.schoolId}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the function and access logs with this key; the condition
    // limits that to log groups in this account and region.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
        },
      }),
    );

    this.recordsTable = this.table('RecordsTable', recordsTable);
    this.auditTable = this.table('AuditTable', auditTable);

    const accessLogs = new Bucket(this, 'FilesAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logging can only deliver to a bucket with SSE-S3 encryption.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(accessLogs, [
      { id: 'AwsSolutions-S1', reason: 'This bucket receives the files bucket access logs; logging it to itself would loop.' },
    ]);

    this.filesBucket = new Bucket(this, 'FilesBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'files/',
      // Staff browsers upload and download through presigned URLs from the school's front end.
      cors: [
        {
          allowedOrigins: [props.appBaseUrl],
          allowedMethods: [HttpMethods.GET, HttpMethods.PUT, HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // An upload nobody attached within a day is deleted (attaching tags it kept first).
        {
          id: 'UnattachedUploads',
          tagFilters: { [UPLOAD_TAG_KEY]: 'pending' },
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Only the stack's own key: a request naming another encryption, or another key, is refused.
    // One statement each: one condition naming both would refuse only a request that broke both.
    const requiredOnUpload = [
      ['DenyOtherEncryption', 's3:x-amz-server-side-encryption', 'aws:kms'],
      ['DenyOtherKeys', 's3:x-amz-server-side-encryption-aws-kms-key-id', this.key.keyArn],
    ] as const;
    for (const [sid, header, required] of requiredOnUpload) {
      this.filesBucket.addToResourcePolicy(
        new PolicyStatement({
          sid,
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions: ['s3:PutObject'],
          resources: [this.filesBucket.arnForObjects('*')],
          conditions: { StringNotEqualsIfExists: { [header]: required } },
        }),
      );
    }

    // GuardDuty Malware Protection for S3 scans every new upload under the school's prefix
    // and tags it with the verdict; the file-scans consumer reads the result event.
    const scanRole = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: `Lantern ${props.schoolId}: GuardDuty reads, tags and reports on uploaded files`,
    });
    scanRole.addToPolicy(
      new PolicyStatement({
        sid: 'EventBridgeManagedRule',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets', 'events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [`arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    scanRole.addToPolicy(
      new PolicyStatement({
        sid: 'ScanAndTag',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [this.filesBucket.arnForObjects('*')],
      }),
    );
    scanRole.addToPolicy(
      new PolicyStatement({
        sid: 'BucketNotifications',
        actions: ['s3:GetBucketNotification', 's3:PutBucketNotification', 's3:ListBucket', 's3:GetBucketPolicy', 's3:GetBucketLocation'],
        resources: [this.filesBucket.bucketArn],
      }),
    );
    scanRole.addToPolicy(new PolicyStatement({ sid: 'ValidationObject', actions: ['s3:PutObject'], resources: [this.filesBucket.arnForObjects('malware-protection-resource-validation-object')] }));
    scanRole.addToPolicy(
      new PolicyStatement({
        sid: 'DecryptUploads',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      scanRole,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: "GuardDuty's documented plan role: its managed rules are named by prefix, and it scans and tags any object in this school's files bucket (<bucket>/*).",
          appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:events:.*:rule\\/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3\\*$/' }, { regex: '/^Resource::<.*FilesBucket.*\\.Arn>\\/\\*$/' }],
        },
      ],
      true,
    );
    this.malwareProtection = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: scanRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.filesBucket.bucketName, objectPrefixes: [`schools/${props.schoolId}/files/`] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.malwareProtection.node.addDependency(scanRole);
  }

  private table(id: string, definition: TableDefinition): TableV2 {
    return new TableV2(this, id, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: definition.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: definition.timeToLiveAttribute,
      ...(definition.stream === 'NEW_IMAGE' ? { dynamoStream: StreamViewType.NEW_IMAGE } : {}),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
