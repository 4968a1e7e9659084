import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLogFields, apiThrottle } from '../../infra/constructs/api';
import { eventDelivery } from '../../infra/constructs/events';
import { partnerScopeNames, partnerThrottle } from '../../shared/domain/identity/partner-scopes';
import { routes } from '../../shared/api/routes';
import { auditTable, recordsTable, type TableDefinition } from '../../shared/adapters/dynamo/table-definitions';
import { eventRules, type EventRuleDefinition } from '../../shared/events/rules';
import { cognitoTriggers } from '../../shared/triggers/cognito-triggers';
import { exampleSchool, exampleTrust, handlerFunctions, logicalIdAt, routePath, statementsOfRole, synthesizeSchool, type SynthesizedSchool } from './synthesize-school';

type Resource = { Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string; Metadata?: Record<string, any> };

const values = (resources: Record<string, Record<string, any>>) => Object.values(resources) as Resource[];

describe('a school stack synthesized from the example trust', () => {
  let school: SynthesizedSchool;
  let template: Template;
  const oakfield = exampleTrust().schools[0]!;

  beforeAll(() => {
    // Prepare: the first school of the example trust, resources only (no esbuild)
    school = exampleSchool();
    template = school.template;
  });

  it('is named for the school and deploys to the trust account and region', () => {
    // Act
    const { stack } = school;
    // Assess
    expect(stack.stackName).toBe(`Lantern-${oakfield.id}`);
    expect(stack.account).toBe('111111111111');
    expect(stack.region).toBe('eu-west-2');
  });

  describe('HTTP API', () => {
    it('puts the Cognito JWT authorizer on every route except the public ones', () => {
      // Act
      const declared = template.findResources('AWS::ApiGatewayV2::Route');
      // Assess
      expect(values(declared)).toHaveLength(routes.length);
      for (const route of routes) {
        const routeKey = `${route.method} ${route.path}`;
        const match = values(declared).find((resource) => resource.Properties.RouteKey === routeKey);
        expect(match, routeKey).toBeDefined();
        if (route.public) {
          expect(match!.Properties.AuthorizationType, routeKey).toBe('NONE');
          expect(match!.Properties.AuthorizerId, routeKey).toBeUndefined();
        } else {
          expect(match!.Properties.AuthorizationType, routeKey).toBe('JWT');
          expect(match!.Properties.AuthorizerId, routeKey).toEqual({ Ref: logicalIdAt(school.stack, 'Api/HttpApi/CognitoAccessToken/Resource') });
        }
      }
    });

    it('counts one JWT-authorized route per non-public catalogue entry', () => {
      // Act
      const jwtRoutes = values(template.findResources('AWS::ApiGatewayV2::Route')).filter(
        (resource) => resource.Properties.AuthorizationType === 'JWT' && resource.Properties.AuthorizerId !== undefined,
      );
      // Assess
      expect(jwtRoutes).toHaveLength(routes.filter((route) => !route.public).length);
      template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    });

    it('keeps exactly health, config and the OpenAPI document public', () => {
      // Act
      const publicRoutes = routes.filter((route) => route.public).map((route) => `${route.method} ${route.path}`);
      // Assess
      expect(publicRoutes.sort()).toEqual(['GET /health', 'GET /v1/config', 'GET /v1/openapi.json']);
      template.resourcePropertiesCountIs('AWS::ApiGatewayV2::Route', { AuthorizationType: 'NONE' }, 3);
    });

    it('validates Cognito access tokens from the staff client and each partner client', () => {
      // Assess
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-2.amazonaws.com/', { Ref: logicalIdAt(school.stack, 'Identity/UserPool/Resource') }]] },
          Audience: [
            { Ref: logicalIdAt(school.stack, 'Identity/UserPool/StaffClient/Resource') },
            ...oakfield.partners.map((partner) => ({ Ref: logicalIdAt(school.stack, `Identity/UserPool/PartnerClient-${partner.id}/Resource`) })),
          ],
        },
      });
    });

    it('throttles the $default stage and writes JSON access logs without bodies, paths or query strings', () => {
      // Act
      const [stage] = values(template.findResources('AWS::ApiGatewayV2::Stage'));
      const format = JSON.parse(stage!.Properties.AccessLogSettings.Format) as Record<string, string>;
      // Assess
      expect(stage!.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: apiThrottle.rateLimit, ThrottlingBurstLimit: apiThrottle.burstLimit },
      });
      expect(stage!.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiAccessLogs/), 'Arn'] });
      expect(format).toMatchObject({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
      });
      expect(format).toEqual(accessLogFields);
      expect(Object.values(format).join(' ')).not.toMatch(/body|\.path|querystring|query/i);
    });

    it("allows browsers from the staff app's origin only", () => {
      // Assess
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.objectLike({ AllowOrigins: [school.stack.resolve(school.stack.web.origin)] }),
      });
    });

    it('outputs the API URL', () => {
      // Assess
      template.hasOutput('ApiUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
    });
  });

  describe('functions', () => {
    /** The user pool's trigger functions: they have their own, smaller environment and grants. */
    const isTrigger = (logicalId: string) =>
      cognitoTriggers.some((trigger) => logicalId === logicalIdAt(school.stack, `Identity/Trigger-${trigger.id}/Handler/Resource`));

    it('makes one Node.js 22 ARM64 function per route, event rule and Cognito trigger, with tracing, memory and timeout', () => {
      // Act
      const functions = Object.entries(handlerFunctions(template)) as [string, Resource][];
      // Assess
      // + 1: the outbox relay, triggered by the records table's stream.
      expect(functions).toHaveLength(routes.length + eventRules.length + cognitoTriggers.length + 1);
      expect(functions.filter(([id]) => isTrigger(id))).toHaveLength(cognitoTriggers.length);
      for (const [id, fn] of functions) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          MemorySize: 512,
          // Cognito waits at most 5 seconds for a trigger; the relay may put up to 10 items' events; the pupil import's job writes a whole roll.
          Timeout: isTrigger(id) ? 5 : id === logicalIdAt(school.stack, 'Outbox/Relay/Handler/Resource') ? 60 : id === logicalIdAt(school.stack, 'Events/Consumer-pupil-import/Handler/Resource') ? 600 : 10,
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        });
      }
    });

    it('gives every log group a one-year retention and the school key, except the Cognito export Cognito refuses to encrypt', () => {
      // Act
      const logGroups = Object.entries(template.findResources('AWS::Logs::LogGroup')) as [string, Resource][];
      const userAuthEvents = logicalIdAt(school.stack, 'Identity/UserAuthEvents/Resource');
      // Assess: one per function (the outbox relay too) plus the API access logs, the user activity log and the staff app deployment's
      expect(logGroups).toHaveLength(routes.length + eventRules.length + cognitoTriggers.length + 1 + 3);
      for (const [id, logGroup] of logGroups) {
        expect(logGroup.Properties.RetentionInDays).toBe(365);
        if (id === userAuthEvents) expect(logGroup.Properties.KmsKeyId).toBeUndefined();
        else expect(logGroup.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] });
      }
    });

    it('sets the school\'s values in the variables a function declares, and never the one Lambda sets itself', () => {
      // Act
      const functions = (Object.entries(handlerFunctions(template)) as [string, Resource][])
        .filter(([id]) => !isTrigger(id))
        .map(([, fn]) => fn);
      // Assess (infra/declared-access.test.ts checks each function's exact set of names)
      // + 1: the outbox relay.
      expect(functions).toHaveLength(routes.length + eventRules.length + 1);
      const expected = { SCHOOL_ID: oakfield.id, SCHOOL_NAME: oakfield.name, SCHOOL_TIMEZONE: 'Europe/London', APP_BASE_URL: school.stack.resolve(school.stack.web.origin), ELEVATION_WINDOW_MINUTES: '30' };
      for (const fn of functions) {
        const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
        expect(variables).not.toHaveProperty('AWS_REGION');
        expect(variables).toMatchObject({ NODE_OPTIONS: '--enable-source-maps' });
        for (const [name, value] of Object.entries(expected)) if (name in variables) expect(variables[name], name).toEqual(value);
        if ('SENDER_EMAIL' in variables) expect(variables.SENDER_EMAIL).toBe(oakfield.senderEmail);
      }
    });

    it('gives each function its own role with no AWS managed policy', () => {
      // Act
      const deploymentRole = logicalIdAt(school.stack, 'Web/DeploymentRole/Resource');
      const roles = (Object.entries(template.findResources('AWS::IAM::Role')) as [string, Resource][])
        .filter(([id, role]) => id !== deploymentRole && JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'))
        .map(([, role]) => role);
      // Assess
      expect(roles).toHaveLength(routes.length + eventRules.length + cognitoTriggers.length + 1);
      for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('gives each public route a role that may write its own log group and send traces, nothing else', () => {
      // Prepare
      const publicRoutes = routes.filter((route) => route.public);
      expect(publicRoutes.map((route) => route.id).sort()).toEqual(['config.read', 'health.read', 'openapi.read']);
      for (const route of publicRoutes) {
        const role = logicalIdAt(school.stack, `${routePath(school.stack, route.id)}/Role/Resource`);
        // Act: every policy naming the role, wherever written
        const policies = [...values(template.findResources('AWS::IAM::Policy')), ...values(template.findResources('AWS::IAM::ManagedPolicy'))].filter((policy) =>
          JSON.stringify(policy.Properties.Roles ?? []).includes(`"${role}"`),
        );
        const roleResource = (template.toJSON().Resources as Record<string, Resource>)[role]!;
        // Assess
        expect(roleResource.Properties.Policies, route.id).toBeUndefined();
        expect(roleResource.Properties.ManagedPolicyArns, route.id).toBeUndefined();
        expect(policies, route.id).toHaveLength(1);
        expect(policies[0]!.Properties.PolicyDocument.Statement, route.id).toEqual([
          {
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [logicalIdAt(school.stack, `${routePath(school.stack, route.id)}/Logs/Resource`), 'Arn'] },
          },
          { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
        ]);
      }
    });

    it('never lets a handler scan a table or delete a file, but for the scan consumer moving one to quarantine', () => {
      // Act: every policy but the staff app deployment's, which replaces the app's files,
      // and the scan consumer's, which hides a file found bad (a delete marker: the bucket keeps versions)
      const deploymentRole = logicalIdAt(school.stack, 'Web/DeploymentRole/Resource');
      const scanConsumerRole = logicalIdAt(school.stack, 'Events/Consumer-file-scans/Role/Resource');
      const handlerPolicies = values(template.findResources('AWS::IAM::Policy')).filter(
        (policy) => !JSON.stringify(policy.Properties.Roles).includes(`"${deploymentRole}"`) && !JSON.stringify(policy.Properties.Roles).includes(`"${scanConsumerRole}"`),
      );
      const actions = handlerPolicies.flatMap((policy) =>
        (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((statement) => [statement.Action].flat()),
      );
      // Assess
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
    });

    it('refuses, naming the route, a catalogue entry whose handler module does not exist', () => {
      // Prepare
      const missing = { ...routes[0], id: 'missing.read', path: '/v1/students/missing', entry: 'functions/api/missing/get.ts' } as const;
      // Act
      const attempt = () => synthesizeSchool({ routes: [missing] });
      // Assess
      expect(attempt).toThrow(/route missing\.read not found: functions\/api\/missing\/get\.ts/);
    });
  });

  describe('tables', () => {
    const expectTable = (constructPath: string, definition: TableDefinition) => {
      // Act
      const resources = template.toJSON().Resources as Record<string, Resource>;
      const table = resources[logicalIdAt(school.stack, constructPath)]!;
      // Assess
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          {
            Region: 'eu-west-2',
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] } },
          },
        ],
      });
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(
        definition.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      return table;
    };

    it('builds the records table from its definition, with PITR, deletion protection, RETAIN and TTL', () => {
      const table = expectTable('Data/RecordsTable/Resource', recordsTable);
      expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: recordsTable.timeToLiveAttribute, Enabled: true });
    });

    it('builds the audit table from its definition, with PITR, deletion protection and RETAIN', () => {
      const table = expectTable('Data/AuditTable/Resource', auditTable);
      expect(table.Properties.TimeToLiveSpecification).toBeUndefined();
    });
  });

  describe('files bucket', () => {
    it('blocks public access, is versioned, encrypted with the school key, logged and retained', () => {
      // Act
      const resources = template.toJSON().Resources as Record<string, Resource>;
      const bucket = resources[logicalIdAt(school.stack, 'Data/FilesBucket/Resource')]!;
      // Assess
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] } } },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdAt(school.stack, 'Data/FilesAccessLogs/Resource') } },
      });
    });

    it('refuses requests that do not use TLS, on every bucket', () => {
      // Assess: the files bucket, the staff app bucket and their two log buckets
      template.resourceCountIs('AWS::S3::Bucket', 4);
      template.resourcePropertiesCountIs(
        'AWS::S3::BucketPolicy',
        {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        },
        4,
      );
    });
  });

  // Resources per stack (the school's and each route area's nested stack): test/infra/stack-limits.test.ts.

  it('rotates the school key and retains it', () => {
    // Assess
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
    });
  });

  describe('Cognito', () => {
    it('lets every route that declares identity read the sign-in history on its own user pool (elevation needs it), and no other function', () => {
      // Prepare
      const userPool = logicalIdAt(school.stack, 'Identity/UserPool/Resource');
      const roleOf = (constructPath: string) => logicalIdAt(school.stack, `${constructPath}/Role/Resource`);
      const grantsOf = (role: string) =>
        statementsOfRole<{ Action: string | string[]; Resource: unknown }>(template, role)
          .filter((statement) => [statement.Action].flat().includes('cognito-idp:AdminListUserAuthEvents'));
      // Act
      const declaresIdentity = (route: (typeof routes)[number]) => (route.uses as readonly string[]).includes('identity');
      const signedIn = routes.filter(declaresIdentity).map((route) => grantsOf(roleOf(routePath(school.stack, route.id))));
      const unsigned = routes.filter((route) => !declaresIdentity(route)).map((route) => grantsOf(roleOf(routePath(school.stack, route.id))));
      const triggers = cognitoTriggers.map((trigger) => grantsOf(roleOf(`Identity/Trigger-${trigger.id}`)));
      // Assess
      expect(signedIn.length).toBeGreaterThan(0);
      for (const grants of signedIn) expect(grants).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [userPool, 'Arn'] } })]);
      expect([...unsigned, ...triggers].flat()).toEqual([]);
    });

    it('makes MFA optional with TOTP only, a strong password policy and no self sign-up', () => {
      // Assess
      template.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          MfaConfiguration: 'OPTIONAL',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          Policies: {
            PasswordPolicy: Match.objectLike({
              MinimumLength: 8,
              RequireLowercase: true,
              RequireUppercase: true,
              RequireNumbers: true,
              RequireSymbols: true,
            }),
          },
          AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
          UsernameAttributes: ['email'],
          AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
          UserPoolTier: 'PLUS',
          DeletionProtection: 'ACTIVE',
        }),
      });
    });

    it('declares the staff, slt, dsl and admin groups', () => {
      // Act
      const groupNames = values(template.findResources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
      // Assess
      expect(groupNames.sort()).toEqual(['admin', 'dsl', 'slt', 'staff']);
    });

    it('gives the staff front end a public client with password and SRP sign-in and one-hour access tokens', () => {
      // Assess
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ClientName: 'staff-front-end',
        GenerateSecret: false,
        ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
        AccessTokenValidity: 60,
        TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
        PreventUserExistenceErrors: 'ENABLED',
      });
    });

    it('has a `lantern` resource server with the partner scopes', () => {
      // Assess
      template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'lantern',
        Scopes: ['la.summary.read', 'la.shared.read', 'encompass.write'].map((scope) => Match.objectLike({ ScopeName: scope })),
      });
      expect([...partnerScopeNames].sort()).toEqual(['encompass.write', 'la.shared.read', 'la.summary.read']);
    });

    it('gives each partner in the trust config its own confidential client-credentials client, granted only its scopes', () => {
      // Prepare
      const clients = values(template.findResources('AWS::Cognito::UserPoolClient')).filter((client) => client.Properties.GenerateSecret === true);

      // Assess
      expect(oakfield.partners.length).toBeGreaterThan(1);
      expect(clients).toHaveLength(oakfield.partners.length);
      for (const partner of oakfield.partners) {
        template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
          ClientName: `partner-${partner.id}`,
          GenerateSecret: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: partner.scopes.map((scope) => ({ 'Fn::Join': ['', [Match.anyValue(), `/${scope}`]] })),
        });
      }
    });

    it('asks the JWT authorizer for each partner route’s scopes, and for none on staff routes', () => {
      // Prepare
      const apiRoutes = values(template.findResources('AWS::ApiGatewayV2::Route'));

      // Assess
      for (const route of routes.filter((each) => !each.public)) {
        const found = apiRoutes.find((each) => each.Properties.RouteKey === `${route.method} ${route.path}`)!;
        const scopes: readonly string[] = 'scopes' in route ? route.scopes : [];
        expect(found.Properties.AuthorizationScopes, route.id).toEqual(scopes.length > 0 ? [...scopes] : undefined);
      }
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /v1/partners/encompass-notifications', AuthorizationType: 'JWT', AuthorizationScopes: ['lantern/encompass.write'] });
    });

    it('throttles each partner route below the stage limit', () => {
      // Assess
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        RouteSettings: { 'POST /v1/partners/encompass-notifications': { ThrottlingRateLimit: partnerThrottle.rateLimit, ThrottlingBurstLimit: partnerThrottle.burstLimit } },
      });
      expect(partnerThrottle.rateLimit).toBeLessThan(apiThrottle.rateLimit);
    });

    it('has a Cognito domain named for the school', () => {
      // Assess
      template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: `lantern-${oakfield.id}` });
    });
  });

  describe('events', () => {
    it('has a bus named for the school and an encrypted, TLS-only dead-letter queue with an alarm', () => {
      // Assess
      template.hasResourceProperties('AWS::Events::EventBus', { Name: `lantern-${oakfield.id}` });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    });

    it('declares one rule per catalogue entry, each delivering to the dead-letter queue on failure', () => {
      // Act
      const rules = values(template.findResources('AWS::Events::Rule'));
      const queue = { 'Fn::GetAtt': [logicalIdAt(school.stack, 'Events/DeadLetterQueue/Resource'), 'Arn'] };
      // Assess
      expect(rules.map((rule) => rule.Properties.EventPattern)).toEqual(eventRules.map((rule) => rule.pattern));
      for (const rule of rules) {
        expect(rule.Properties.Targets).toEqual([expect.objectContaining({ DeadLetterConfig: { Arn: queue } })]);
      }
    });
  });
});

describe('reminders in a school stack', () => {
  it('lets Scheduler, for this account and group only, put events on the school bus and dead-letter them', () => {
    // Prepare
    const { stack, template } = exampleSchool();
    const group = `lantern-${stack.school.id}-reminders`;
    // Act
    const [schedulerRole] = Object.entries(template.findResources('AWS::IAM::Role')).filter(([, role]) =>
      JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    );
    // Assess
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: group });
    expect(schedulerRole![1].Properties.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '111111111111' },
      // Scheduler's aws:SourceArn is the schedule group's ARN (AWS: "confused deputy prevention").
      ArnEquals: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:eu-west-2:111111111111:schedule-group/${group}`]] } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: schedulerRole![0] }],
      PolicyDocument: {
        Statement: [
          { Action: 'events:PutEvents', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdAt(stack, 'Events/Bus/Resource'), 'Arn'] } },
          { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdAt(stack, 'Events/DeadLetterQueue/Resource'), 'Arn'] } },
        ],
      },
    });
  });
});

describe('a school stack with an event rule in the catalogue', () => {
  const rule: EventRuleDefinition = {
    id: 'alerts.notify',
    // Any handler module will do: this synthesis does not bundle.
    entry: routes[0].entry,
    pattern: { source: ['lantern'], 'detail-type': ['AlertRaised'] },
    description: 'Emails the recipient of an alert',
    uses: ['records', 'mailer', 'school'],
  };

  it('subscribes a function to the bus with retries, a maximum age and the dead-letter queue', () => {
    // Prepare
    const { stack, template } = synthesizeSchool({ eventRules: [rule] });
    const queue = logicalIdAt(stack, 'Events/DeadLetterQueue/Resource');
    // Act
    const rules = values(template.findResources('AWS::Events::Rule'));
    // Assess
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties).toMatchObject({
      EventBusName: { Ref: logicalIdAt(stack, 'Events/Bus/Resource') },
      EventPattern: { source: ['lantern'], 'detail-type': ['AlertRaised'] },
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [logicalIdAt(stack, 'Events/Consumer-alerts.notify/Handler/Resource'), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: eventDelivery.retryAttempts, MaximumEventAgeInSeconds: eventDelivery.maxEventAge.toSeconds() },
        },
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^alerts\\.notify'),
      Runtime: 'nodejs22.x',
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    // The rule's consumer and the outbox relay.
    expect(Object.keys(handlerFunctions(template))).toHaveLength(routes.length + 1 + cognitoTriggers.length + 1);
  });

  it('resolves handler modules under the source root it is given', () => {
    // Prepare: an empty source tree
    const emptyRoot = mkdtempSync(path.join(tmpdir(), 'lantern-empty-'));
    // Act
    const attempt = () => synthesizeSchool({ routes: [], eventRules: [rule], sourceRoot: emptyRoot });
    // Assess
    expect(attempt).toThrow(`Lantern handler for event rule alerts.notify not found: ${rule.entry}`);
  });
});
