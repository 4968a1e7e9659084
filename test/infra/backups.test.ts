import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleSchool, type SynthesizedSchool } from './synthesize-school';

type Resource = { Properties: Record<string, any>; DeletionPolicy?: string };

/** Issue 18: a school's records survive a mistake or an attacker with the account's keys. */
describe('backups of a school stack', () => {
  let school: SynthesizedSchool;
  let template: Template;

  beforeAll(() => {
    // Prepare
    school = exampleSchool();
    template = school.template;
  });

  it('keeps point-in-time recovery on both tables', () => {
    // Act
    const tables = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as Resource[];
    // Assess
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      for (const replica of table.Properties.Replicas) expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    }
  });

  it('backs both tables up daily into the vault and keeps each recovery point 35 days', () => {
    // Act
    const plans = Object.values(template.findResources('AWS::Backup::BackupPlan')) as Resource[];
    const selections = Object.values(template.findResources('AWS::Backup::BackupSelection')) as Resource[];
    const tableIds = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'));
    // Assess
    expect(plans).toHaveLength(1);
    const rules = plans[0]!.Properties.BackupPlan.BackupPlanRule;
    expect(rules).toHaveLength(1);
    expect(rules[0].ScheduleExpression).toBe('cron(0 2 * * ? *)');
    expect(rules[0].Lifecycle).toEqual({ DeleteAfterDays: 35 });
    const [vaultId] = Object.keys(template.findResources('AWS::Backup::BackupVault'));
    expect(rules[0].TargetBackupVault).toEqual({ 'Fn::GetAtt': [vaultId, 'BackupVaultName'] });
    const selected = JSON.stringify(selections[0]!.Properties.BackupSelection.Resources);
    for (const id of tableIds) expect(selected).toContain(id);
  });

  it('encrypts the vault with its own customer-managed key, retained, and locks it in compliance mode', () => {
    // Act
    const vaults = Object.values(template.findResources('AWS::Backup::BackupVault')) as Resource[];
    // Assess
    expect(vaults).toHaveLength(1);
    const vault = vaults[0]!;
    expect(vault.DeletionPolicy).toBe('Retain');
    const keyRef = vault.Properties.EncryptionKeyArn['Fn::GetAtt'][0];
    const key = template.toJSON().Resources[keyRef];
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // ChangeableForDays is what makes the lock compliance mode rather than governance.
    expect(vault.Properties.LockConfiguration).toEqual({ MinRetentionDays: 35, MaxRetentionDays: 36, ChangeableForDays: 3 });
  });
});
