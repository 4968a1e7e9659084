import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

export interface BackupsProps {
  readonly schoolId: string;
  readonly tables: readonly ITableV2[];
}

/** How long a daily recovery point is kept, and how long the vault lock may still be changed. */
export const backupRetention = Duration.days(35);
const lockGraceDays = 3;

/**
 * A second line behind point-in-time recovery: a daily AWS Backup of both tables, kept
 * 35 days, in a vault with its own KMS key and a compliance-mode lock. Once the grace days
 * pass, no one (not the account's root) can delete a recovery point early or shorten the
 * retention, so a stolen or mistaken administrator cannot take the records and their
 * backups together.
 */
export class Backups extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: BackupsProps) {
    super(scope, id);
    this.key = new Key(this, 'VaultKey', {
      description: `Lantern ${props.schoolId}: backup vault`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      // changeableFor makes the lock compliance mode: it cannot be removed after the grace days.
      lockConfiguration: { minRetention: backupRetention, maxRetention: Duration.days(36), changeableFor: Duration.days(lockGraceDays) },
    });
    this.plan = new BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: Schedule.cron({ hour: '2', minute: '0' }),
          deleteAfter: backupRetention,
        }),
      ],
    });
    const selection = this.plan.addSelection('Tables', { resources: props.tables.map((table) => BackupResource.fromArn(table.tableArn)) });
    NagSuppressions.addResourceSuppressions(selection, [
      { id: 'AwsSolutions-IAM4', reason: "AWS Backup's own service role policy for taking backups: AWS keeps it current with the services Backup supports.", appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'] },
    ], true);
  }
}
