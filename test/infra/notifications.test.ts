import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDelivery } from '../../infra/constructs/events';
import { routes } from '../../shared/api/routes';
import { eventRules } from '../../shared/events/rules';
import { cognitoTriggers } from '../../shared/triggers/cognito-triggers';
import { exampleSchool, logicalIdAt, routePath, statementsOfRole, type SynthesizedSchool } from './synthesize-school';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };

/** Issue 4: alerts and reminders reach people by email through the bus, Scheduler and SES. */
describe('notifications in a school stack built from the catalogues', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let resources: Record<string, Resource>;
  const at = (constructPath: string) => logicalIdAt(school.stack, constructPath);
  /** Routes behind the authorizer: the public ones get no grants (see school-stack.test.ts). */
  const signedInRoutes = routes.filter((route) => !route.public);
  /** Policies of the signed-in route and event-consumer roles, by role logical id. */
  let handlerPolicies: Map<string, Statement[]>;
  /** Each of those roles' declaration (shared/api/routes.ts, shared/events/rules.ts). */
  let usesOf: Map<string, readonly string[]>;

  beforeAll(() => {
    // Prepare: the example trust's first school, resources only
    school = exampleSchool();
    template = school.template;
    resources = template.toJSON().Resources;
    const handlerRoles = [
      ...signedInRoutes.map((route) => at(`${routePath(school.stack, route.id)}/Role/Resource`)),
      ...eventRules.map((rule) => at(`Events/Consumer-${rule.id}/Role/Resource`)),
    ];
    usesOf = new Map([
      ...signedInRoutes.map((route) => [at(`${routePath(school.stack, route.id)}/Role/Resource`), route.uses as readonly string[]] as const),
      ...eventRules.map((rule) => [at(`Events/Consumer-${rule.id}/Role/Resource`), rule.uses as readonly string[]] as const),
    ]);
    handlerPolicies = new Map(handlerRoles.map((role) => [role, statementsOfRole<Statement>(template, role)]));
  });

  it('has the notifier (AlertRaised), reminder-scheduler (ReminderRequested), reminders (ReminderDue), casework projector, incident-lists, referral-overdue, referral-check-scheduler, file-scans (GuardDuty results) and pupil-import consumers in the catalogue', () => {
    // Assess
    expect(eventRules.map((rule) => [rule.id, rule.pattern])).toEqual([
      ['notifier', { source: ['lantern'], 'detail-type': ['AlertRaised'] }],
      ['reminder-scheduler', { source: ['lantern'], 'detail-type': ['ReminderRequested'] }],
      ['reminders', { source: ['lantern'], 'detail-type': ['ReminderDue'] }],
      ['casework-projector', { source: ['lantern'], 'detail-type': ['IncidentRecorded', 'IncidentUpdated', 'ActionAdded', 'ReferralChanged'] }],
      ['incident-lists', { source: ['lantern'], 'detail-type': ['IncidentRecorded', 'IncidentUpdated'] }],
      ['referral-overdue', { source: ['lantern'], 'detail-type': ['ReferralResponseDue'] }],
      ['referral-check-scheduler', { source: ['lantern'], 'detail-type': ['ReferralCheckRequested'] }],
      ['file-scans', { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] }],
      ['pupil-import', { source: ['lantern'], 'detail-type': ['PupilImportRequested'] }],
    ]);
  });

  describe.each([
    ['notifier', 'AlertRaised'],
    ['reminder-scheduler', 'ReminderRequested'],
    ['reminders', 'ReminderDue'],
  ])('the %s rule', (id, detailType) => {
    it(`matches lantern ${detailType} events on the school bus and targets the ${id} function with retries and the dead-letter queue`, () => {
      // Act
      const rules = Object.values(template.findResources('AWS::Events::Rule', {
        Properties: { EventPattern: { source: ['lantern'], 'detail-type': [detailType] } },
      }));
      // Assess
      expect(rules).toHaveLength(1);
      expect(rules[0]!.Properties).toEqual({
        EventBusName: { Ref: at('Events/Bus/Resource') },
        EventPattern: { source: ['lantern'], 'detail-type': [detailType] },
        Description: expect.any(String),
        State: 'ENABLED',
        Targets: [
          {
            Id: expect.any(String),
            Arn: { 'Fn::GetAtt': [at(`Events/Consumer-${id}/Handler/Resource`), 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [at('Events/DeadLetterQueue/Resource'), 'Arn'] } },
            RetryPolicy: { MaximumRetryAttempts: eventDelivery.retryAttempts, MaximumEventAgeInSeconds: eventDelivery.maxEventAge.toSeconds() },
          },
        ],
      });
    });

    it('lets EventBridge, for this rule only, invoke the function and send failures to the queue', () => {
      // Prepare
      const rule = at(`Events/Rule-${id}/Resource`);
      // Assess
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [at(`Events/Consumer-${id}/Handler/Resource`), 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [rule, 'Arn'] },
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: at('Events/DeadLetterQueue/Resource') }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'sqs:SendMessage',
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [rule, 'Arn'] } } },
            }),
          ]),
        },
      });
    });

    it('sends the function\'s own failed invocations to the same dead-letter queue', () => {
      // Assess
      expect(resources[at(`Events/Consumer-${id}/Handler/Resource`)]!.Properties.DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [at('Events/DeadLetterQueue/Resource'), 'Arn'] },
      });
    });
  });

  describe('reminder scheduling', () => {
    it('has the school schedule group, retained', () => {
      // Assess
      template.hasResource('AWS::Scheduler::ScheduleGroup', {
        Properties: { Name: `lantern-${school.stack.school.id}-reminders` },
        DeletionPolicy: 'Retain',
      });
    });

    it('has a Scheduler role that only scheduler.amazonaws.com assumes and that may only put events on the bus and dead-letter them', () => {
      // Prepare
      const role = at('Reminders/SchedulerRole/Resource');
      // Act
      const trust = resources[role]!.Properties.AssumeRolePolicyDocument.Statement as { Principal: unknown; Action: string }[];
      const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
        JSON.stringify(policy.Properties.Roles).includes(`"${role}"`),
      );
      // Assess
      expect(trust).toHaveLength(1);
      expect(trust[0]).toMatchObject({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' } });
      expect(resources[role]!.Properties.ManagedPolicyArns).toBeUndefined();
      expect(resources[role]!.Properties.Policies).toBeUndefined();
      expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toEqual([]);
      expect(policies).toHaveLength(1);
      expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual([
        { Action: 'events:PutEvents', Effect: 'Allow', Resource: { 'Fn::GetAtt': [at('Events/Bus/Resource'), 'Arn'] } },
        { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [at('Events/DeadLetterQueue/Resource'), 'Arn'] } },
      ]);
    });

    it('trusts Scheduler only for schedules of this account in the school group, by the group ARN Scheduler presents', () => {
      // Prepare
      const group = `lantern-${school.stack.school.id}-reminders`;
      // Act
      const [statement] = resources[at('Reminders/SchedulerRole/Resource')]!.Properties.AssumeRolePolicyDocument.Statement as { Condition: unknown }[];
      // Assess: aws:SourceArn is the schedule GROUP's ARN, never a schedule's (which matches nothing)
      expect(statement!.Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': '111111111111' },
        ArnEquals: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:eu-west-2:111111111111:schedule-group/${group}`]] } },
      });
      expect(JSON.stringify(statement!.Condition)).not.toContain(':schedule/');
    });

    it('lets the Scheduler role, and nothing else new, send to the dead-letter queue, which keeps SQS-managed encryption (no key to grant)', () => {
      // Prepare
      const queue = at('Events/DeadLetterQueue/Resource');
      // Act
      const queuePolicy = Object.values(template.findResources('AWS::SQS::QueuePolicy', { Properties: { Queues: [{ Ref: queue }] } }));
      // Assess
      expect(resources[queue]!.Properties.SqsManagedSseEnabled).toBe(true);
      expect(resources[queue]!.Properties.KmsMasterKeyId).toBeUndefined();
      expect(queuePolicy).toHaveLength(1);
      expect(queuePolicy[0]!.Properties.PolicyDocument.Statement).toContainEqual({
        Sid: 'ReminderSchedulerDeadLetters',
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Principal: { AWS: { 'Fn::GetAtt': [at('Reminders/SchedulerRole/Resource'), 'Arn'] } },
        Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
      });
    });

    it('lets the functions that declare reminders, and only those, create schedules in the group and pass the role, to Scheduler only', () => {
      // Prepare
      const schedulerRole = at('Reminders/SchedulerRole/Resource');
      const schedules = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:eu-west-2:111111111111:schedule/lantern-${school.stack.school.id}-reminders/*`]] };
      for (const [role, statements] of handlerPolicies) {
        // Act
        const passRole = statements.filter((statement) => [statement.Action].flat().includes('iam:PassRole'));
        const scheduling = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('scheduler:')));
        // Assess
        if (!usesOf.get(role)!.includes('reminders')) {
          expect([...passRole, ...scheduling], role).toEqual([]);
          continue;
        }
        expect(scheduling, role).toEqual([{ Action: 'scheduler:CreateSchedule', Effect: 'Allow', Resource: schedules }]);
        expect(passRole, role).toEqual([
          { Action: 'iam:PassRole', Effect: 'Allow', Resource: { 'Fn::GetAtt': [schedulerRole, 'Arn'] }, Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } },
        ]);
      }
    });

    it('tells the function that schedules reminders the group, the role and the dead-letter queue to give its schedules', () => {
      // Act: recording writes ReminderRequested to the outbox; this consumer creates the schedule
      const variables = resources[at('Events/Consumer-reminder-scheduler/Handler/Resource')]!.Properties.Environment.Variables;
      // Assess
      expect(variables).toMatchObject({
        REMINDER_SCHEDULE_GROUP: `lantern-${school.stack.school.id}-reminders`,
        REMINDER_ROLE_ARN: { 'Fn::GetAtt': [at('Reminders/SchedulerRole/Resource'), 'Arn'] },
        REMINDER_DLQ_ARN: { 'Fn::GetAtt': [at('Events/DeadLetterQueue/Resource'), 'Arn'] },
      });
    });
  });

  describe('SES', () => {
    it('lets the functions that declare the mailer, and only those, send email only as the school sender, from its identity', () => {
      // Prepare
      const sender = school.stack.school.senderEmail;
      const domain = sender.split('@')[1]!;
      const identity = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ses:eu-west-2:111111111111:identity/${name}`]] });
      expect(handlerPolicies.size).toBe(signedInRoutes.length + eventRules.length);
      for (const [role, statements] of handlerPolicies) {
        // Act
        const ses = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));
        // Assess
        if (!usesOf.get(role)!.includes('mailer')) {
          expect(ses, role).toEqual([]);
          continue;
        }
        expect(ses, role).toEqual([
          { Action: 'ses:SendEmail', Effect: 'Allow', Resource: [identity(sender), identity(domain)], Condition: { StringEquals: { 'ses:FromAddress': sender } } },
        ]);
      }
    });

    it('grants no SES action on every resource, nor any SES action but sending, anywhere', () => {
      // Act
      const ses = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
        (policy.Properties.PolicyDocument.Statement as Statement[]).filter((statement) =>
          [statement.Action].flat().some((action) => action.startsWith('ses:') || action === '*'),
        ),
      );
      // Assess
      expect(ses).toHaveLength([...usesOf.values()].filter((uses) => uses.includes('mailer')).length);
      expect(ses.length).toBeGreaterThan(0);
      for (const statement of ses) {
        expect([statement.Action].flat().every((action) => action === 'ses:SendEmail' || action === 'ses:SendRawEmail')).toBe(true);
        expect([statement.Resource].flat()).not.toContain('*');
      }
    });

    it('gives the Cognito triggers no SES, Scheduler or event-bus permission', () => {
      for (const trigger of cognitoTriggers) {
        // Prepare
        const role = at(`Identity/Trigger-${trigger.id}/Role/Resource`);
        // Act
        const actions = statementsOfRole<Statement>(template, role).flatMap((statement) => [statement.Action].flat());
        // Assess
        expect(actions.filter((action) => /^(ses|scheduler|events|iam|cognito-idp|s3):/.test(action)), trigger.id).toEqual([]);
      }
    });
  });
});
