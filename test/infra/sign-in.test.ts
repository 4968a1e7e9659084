import { CfnElement, Token, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionEnvironment } from '../../infra/function-environment';
import { appendKeyActions, useGrants } from '../../infra/handler-access';
import { loadConfigFor } from '../../shared/config/load-config';
import { cognitoTriggers, signInTriggerUses } from '../../shared/triggers/cognito-triggers';
import { exampleSchool, logicalIdAt, type SynthesizedSchool } from './synthesize-school';
import { dependenciesOf, findCycle } from './template-graph';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; Metadata?: Record<string, any> };

/** The logical ids of every CloudFormation resource under a construct path. */
const logicalIdsUnder = (stack: Stack, constructPath: string) =>
  stack.node
    .findAll()
    .filter((construct): construct is CfnElement => construct instanceof CfnElement && construct.node.path.startsWith(`${stack.node.path}/${constructPath}/`))
    .map((element) => stack.getLogicalId(element));

const lambdaConfigKey = { preAuthentication: 'PreAuthentication', postAuthentication: 'PostAuthentication' } as const;

describe('the user pool of a school stack', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let resources: Record<string, Resource>;
  let userPool: string;

  beforeAll(() => {
    // Prepare: the example trust's first school with the trigger catalogue, resources only
    school = exampleSchool();
    template = school.template;
    resources = template.toJSON().Resources;
    userPool = logicalIdAt(school.stack, 'Identity/UserPool/Resource');
  });

  describe('MFA, passwords and the feature plan', () => {
    it('makes MFA optional with TOTP on and SMS off, and has no SMS role', () => {
      // Act
      const pool = resources[userPool]!;
      const cognitoRoles = Object.values(template.findResources('AWS::IAM::Role')).filter((role) =>
        JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('cognito-idp'),
      );
      // Assess
      expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
      expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
      expect(pool.Properties.SmsConfiguration).toBeUndefined();
      expect(cognitoRoles).toEqual([]);
    });

    it('enforces 8+ characters with upper, lower, digit and symbol, and a 3-day temporary password', () => {
      // Assess
      expect(resources[userPool]!.Properties.Policies.PasswordPolicy).toEqual({
        MinimumLength: 8,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 3,
      });
    });

    it('is on the Plus plan with threat protection enforced, as cdk-nag COG8 wants, without suppressing it', () => {
      // Act
      const pool = resources[userPool]!;
      const suppressed = ((pool.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string }[]).map((rule) => rule.id);
      const annotations = Annotations.fromStack(school.stack);
      // Assess
      expect(pool.Properties.UserPoolTier).toBe('PLUS');
      expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
      expect(suppressed).not.toContain('AwsSolutions-COG8');
      expect(suppressed).not.toContain('AwsSolutions-COG1');
      // OPTIONAL MFA is a deliberate, documented choice (see identity.ts).
      expect(suppressed).toEqual(['AwsSolutions-COG2']);
      expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-COG'))).toEqual([]);
      expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-COG'))).toEqual([]);
    });
  });

  describe('sign-in triggers', () => {
    const triggerFunction = (id: string) => logicalIdAt(school.stack, `Identity/Trigger-${id}/Handler/Resource`);

    it('attaches exactly the catalogue triggers: PreAuthentication and PostAuthentication', () => {
      // Act
      const { LambdaConfig } = resources[userPool]!.Properties;
      // Assess
      expect(cognitoTriggers.map((trigger) => trigger.trigger).sort()).toEqual(['postAuthentication', 'preAuthentication']);
      expect(LambdaConfig).toEqual(
        Object.fromEntries(cognitoTriggers.map((trigger) => [lambdaConfigKey[trigger.trigger], { 'Fn::GetAtt': [triggerFunction(trigger.id), 'Arn'] }])),
      );
    });

    it('lets Cognito, from this pool only, invoke each trigger', () => {
      for (const trigger of cognitoTriggers) {
        // Assess
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          Principal: 'cognito-idp.amazonaws.com',
          FunctionName: { 'Fn::GetAtt': [triggerFunction(trigger.id), 'Arn'] },
          SourceArn: { 'Fn::GetAtt': [userPool, 'Arn'] },
        });
      }
    });

    it('gives each trigger only the audit table and the log level, never the pool', () => {
      // Prepare
      const auditTable = logicalIdAt(school.stack, 'Data/AuditTable/Resource');
      for (const trigger of cognitoTriggers) {
        // Act
        const variables = resources[triggerFunction(trigger.id)]!.Properties.Environment.Variables as Record<string, unknown>;
        // Assess
        expect(variables, trigger.id).toEqual({ AUDIT_TABLE: { Ref: auditTable }, LOG_LEVEL: 'info', NODE_OPTIONS: '--enable-source-maps' });
      }
    });

    it('gives each trigger an environment the trigger config loader accepts', () => {
      // Act
      const environment = functionEnvironment({ auditTable: 'lantern-audit' }, signInTriggerUses);
      const config = loadConfigFor(signInTriggerUses, { AWS_REGION: 'eu-west-2', ...environment });
      // Assess
      expect(environment).toEqual({ AUDIT_TABLE: 'lantern-audit', LOG_LEVEL: 'info' });
      expect(config).toMatchObject({ region: 'eu-west-2', tables: { audit: 'lantern-audit' }, logLevel: 'info' });
    });

    it('lets each trigger put audit items and use the table key, and nothing else but its logs and traces', () => {
      // Prepare
      const auditTable = logicalIdAt(school.stack, 'Data/AuditTable/Resource');
      const key = logicalIdAt(school.stack, 'Data/Key/Resource');
      for (const trigger of cognitoTriggers) {
        const role = logicalIdAt(school.stack, `Identity/Trigger-${trigger.id}/Role/Resource`);
        // Act
        const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
          JSON.stringify(policy.Properties.Roles).includes(`"${role}"`),
        );
        // Assess
        expect(policies, trigger.id).toHaveLength(1);
        expect(resources[role]!.Properties.ManagedPolicyArns, trigger.id).toBeUndefined();
        expect(policies[0]!.Properties.PolicyDocument.Statement, trigger.id).toEqual([
          { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdAt(school.stack, `Identity/Trigger-${trigger.id}/Logs/Resource`), 'Arn'] } },
          { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
          { Action: useGrants.audit.actions[0], Effect: 'Allow', Resource: { 'Fn::GetAtt': [auditTable, 'Arn'] } },
          { Action: [...appendKeyActions], Effect: 'Allow', Resource: { 'Fn::GetAtt': [key, 'Arn'] } },
        ]);
      }
    });

    it('keeps every trigger resource free of references to the pool or its clients', () => {
      // Prepare
      const identityIds = logicalIdsUnder(school.stack, 'Identity/UserPool');
      expect(identityIds).toContain(userPool);
      for (const trigger of cognitoTriggers) {
        // Act
        const triggerResources = logicalIdsUnder(school.stack, `Identity/Trigger-${trigger.id}`);
        // Assess
        expect(triggerResources.length, trigger.id).toBeGreaterThanOrEqual(4);
        for (const id of triggerResources) {
          const text = JSON.stringify(resources[id]);
          for (const poolResource of identityIds) expect(text, `${id} names ${poolResource}`).not.toContain(`"${poolResource}"`);
        }
      }
    });

    it('leaves the template without a circular dependency', () => {
      // Act
      const cycle = findCycle(dependenciesOf(resources));
      // Assess
      expect(cycle).toBeUndefined();
    });

    it('finds a cycle when there is one, so the check above means something', () => {
      // Act
      const cycle = findCycle(
        dependenciesOf({
          Pool: { Properties: { LambdaConfig: { PreAuthentication: { 'Fn::GetAtt': ['Trigger', 'Arn'] } } } },
          Trigger: { Properties: { Environment: { Variables: { USER_POOL_ID: { Ref: 'Pool' } } } } },
        }),
      );
      // Assess
      expect(cycle).toEqual(['Pool', 'Trigger', 'Pool']);
    });
  });

  describe('user activity log export (Plus plan)', () => {
    it('exports user authentication events at INFO into a dedicated vended-logs group', () => {
      // Prepare
      const logGroup = logicalIdAt(school.stack, 'Identity/UserAuthEvents/Resource');
      // Act
      const deliveries = Object.values(template.findResources('AWS::Cognito::LogDeliveryConfiguration'));
      // Assess
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]!.Properties).toEqual({
        UserPoolId: { Ref: userPool },
        LogConfigurations: [
          {
            EventSource: 'userAuthEvents',
            LogLevel: 'INFO',
            CloudWatchLogsConfiguration: {
              LogGroupArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-2:111111111111:log-group:', { Ref: logGroup }]] },
            },
          },
        ],
      });
    });

    it('names the group under /aws/vendedlogs/, keeps it a year, retains it, and leaves it without KMS as Cognito requires', () => {
      // Act
      const logGroup = resources[logicalIdAt(school.stack, 'Identity/UserAuthEvents/Resource')]!;
      // Assess
      expect(logGroup.Properties.LogGroupName).toBe(`/aws/vendedlogs/cognito/lantern-${school.stack.school.id}/user-auth-events`);
      expect(logGroup.Properties.RetentionInDays).toBe(365);
      expect(logGroup.Properties.KmsKeyId).toBeUndefined();
      expect(logGroup.DeletionPolicy).toBe('Retain');
    });

    it('gives Cognito a log group ARN that matches its pattern (no trailing :*)', () => {
      // Prepare: CloudFormation's pattern for LogGroupArn
      const pattern = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
      const logGroup = resources[logicalIdAt(school.stack, 'Identity/UserAuthEvents/Resource')]!;
      const [delivery] = Object.values(template.findResources('AWS::Cognito::LogDeliveryConfiguration'));
      // Act: the ARN as CloudFormation resolves it
      const parts = delivery!.Properties.LogConfigurations[0].CloudWatchLogsConfiguration.LogGroupArn['Fn::Join'][1] as unknown[];
      const arn = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part) === '{"Ref":"AWS::Partition"}' ? 'aws' : logGroup.Properties.LogGroupName)).join('');
      // Assess
      expect(Token.isUnresolved(arn)).toBe(false);
      expect(arn).toBe(`arn:aws:logs:eu-west-2:111111111111:log-group:/aws/vendedlogs/cognito/lantern-${school.stack.school.id}/user-auth-events`);
      expect(arn).toMatch(pattern);
    });
  });
});
