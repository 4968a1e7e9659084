import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_TAG_KEY } from '../../shared/adapters/s3/s3-file-store';
import { routes } from '../../shared/api/routes';
import { exampleSchool, exampleTrust, logicalIdAt, routePath, statementsOfRole, type SynthesizedSchool } from './synthesize-school';

type Resource = { Properties: Record<string, any>; DependsOn?: string[] };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, any>; Principal?: unknown };

const actionsOf = (statement: Statement) => [statement.Action].flat();

/**
 * Issue 12's bucket: what S3 itself refuses (s3rver enforces none of it), the lifecycle of
 * uploads nobody attached, GuardDuty's plan and its role, and what the scan consumer may do.
 */
describe('the files bucket of a school stack', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let resources: Record<string, Resource>;
  let bucketId: string;
  let keyId: string;
  const oakfield = exampleTrust().schools[0]!;

  beforeAll(() => {
    // Prepare
    school = exampleSchool();
    template = school.template;
    resources = template.toJSON().Resources as Record<string, Resource>;
    bucketId = logicalIdAt(school.stack, 'Data/FilesBucket/Resource');
    keyId = logicalIdAt(school.stack, 'Data/Key/Resource');
  });

  function bucketPolicy(): Statement[] {
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((candidate) => JSON.stringify(candidate.Properties.Bucket) === JSON.stringify({ Ref: bucketId }));
    return policy!.Properties.PolicyDocument.Statement as Statement[];
  }

  it('refuses requests without TLS, and uploads naming another encryption or another key', () => {
    // Act
    const statements = bucketPolicy();

    // Assess
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(
      expect.objectContaining({ Sid: 'DenyOtherEncryption', Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:PutObject', Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'DenyOtherKeys',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:PutObject',
        Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption-aws-kms-key-id': { 'Fn::GetAtt': [keyId, 'Arn'] } } },
      }),
    );
    // Nothing allows: every statement is a refusal.
    expect(statements.filter((statement) => statement.Effect !== 'Deny')).toEqual([]);
  });

  it('deletes an upload still tagged pending after a day, its old versions too, and lets the browser upload only from the app', () => {
    // Act
    const bucket = resources[bucketId]!.Properties;

    // Assess
    expect(bucket.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Status: 'Enabled', TagFilters: [{ Key: UPLOAD_TAG_KEY, Value: 'pending' }], ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
    );
    // No rule expires attached files.
    const expiring = (bucket.LifecycleConfiguration.Rules as { TagFilters?: unknown; ExpirationInDays?: number }[]).filter((rule) => rule.ExpirationInDays !== undefined);
    expect(expiring.every((rule) => rule.TagFilters !== undefined)).toBe(true);
    expect(bucket.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedOrigins: [expect.anything()], AllowedMethods: ['GET', 'PUT', 'POST'] })]);
  });

  it('has a GuardDuty malware-protection plan on the school\'s uploads, tagging verdicts, with its own role', () => {
    // Act
    const [planId, plan] = Object.entries(template.findResources('AWS::GuardDuty::MalwareProtectionPlan'))[0]!;
    const roleId = logicalIdAt(school.stack, 'Data/MalwareProtectionRole/Resource');
    const role = resources[roleId]!;

    // Assess
    expect(Object.keys(template.findResources('AWS::GuardDuty::MalwareProtectionPlan'))).toHaveLength(1);
    expect(plan.Properties).toEqual({
      Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: bucketId }, ObjectPrefixes: [`schools/${oakfield.id}/files/`] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    expect(resources[planId]!.DependsOn).toEqual(expect.arrayContaining([roleId]));
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } }),
    ]);
  });

  it('lets the plan\'s role read, tag and decrypt uploads through S3, manage its own rules, and nothing else', () => {
    // Act
    const statements = statementsOfRole<Statement>(template, logicalIdAt(school.stack, 'Data/MalwareProtectionRole/Resource'));
    const bySid = new Map(statements.map((statement) => [statement.Sid, statement]));

    // Assess
    expect([...bySid.keys()].sort()).toEqual(['BucketNotifications', 'DecryptUploads', 'EventBridgeManagedRule', 'ScanAndTag', 'ValidationObject']);
    expect(actionsOf(bySid.get('ScanAndTag')!)).not.toContain('s3:DeleteObject');
    expect(actionsOf(bySid.get('ValidationObject')!)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(bySid.get('ValidationObject')!.Resource)).toContain('malware-protection-resource-validation-object');
    expect(bySid.get('DecryptUploads')!.Condition).toEqual({ StringLike: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } });
    expect(bySid.get('EventBridgeManagedRule')!.Condition).toEqual({ StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } });
    expect(statements.flatMap(actionsOf).filter((action) => action.includes('*'))).toEqual([]);
  });

  it('gives the scan consumer its quarantine move on the bucket\'s objects, its rule on the default bus, and no other deletes anywhere', () => {
    // Act
    const consumerRole = logicalIdAt(school.stack, 'Events/Consumer-file-scans/Role/Resource');
    const statements = statementsOfRole<Statement>(template, consumerRole);
    const deleting = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:Delete')));
    const rule = resources[logicalIdAt(school.stack, 'Events/Rule-file-scans/Resource')]!;
    const routeRoles = routes.map((route) => logicalIdAt(school.stack, `${routePath(school.stack, route.id)}/Role/Resource`));
    const routeDeletes = routeRoles.flatMap((id) => statementsOfRole<Statement>(template, id)).flatMap(actionsOf).filter((action) => action.startsWith('s3:Delete'));

    // Assess
    expect(deleting).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectTagging', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
      }),
    ]);
    expect(rule.Properties.EventBusName).toBe('default');
    expect(rule.Properties.EventPattern).toEqual({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] });
    expect(routeRoles.length).toBeGreaterThan(0);
    expect(routeDeletes).toEqual([]);
  });
});
