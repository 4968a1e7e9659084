import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { iteratorAgeAlarmMinutes, outboxDelivery } from '../../infra/constructs/outbox-relay';
import { routes } from '../../shared/api/routes';
import { eventRules } from '../../shared/events/rules';
import { outboxStreamFilter } from '../../shared/outbox/outbox-stream-filter';
import { exampleSchool, logicalIdAt, routePath, statementsOfRole, type SynthesizedSchool } from './synthesize-school';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: Record<string, any> };

/** Issue 10: events leave only through the transactional outbox, delivered from the records table's stream. */
describe('the outbox relay in a school stack', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let resources: Record<string, Resource>;
  const at = (constructPath: string) => logicalIdAt(school.stack, constructPath);
  const statementsOf = (roleId: string) => statementsOfRole<Statement>(template, roleId);
  const actionsOf = (statements: readonly Statement[]) => statements.flatMap((statement) => [statement.Action].flat());

  beforeAll(() => {
    // Prepare: the example trust's first school, resources only
    school = exampleSchool();
    template = school.template;
    resources = template.toJSON().Resources;
  });

  it('gives the records table a NEW_IMAGE stream', () => {
    // Assess
    expect(resources[at('Data/RecordsTable/Resource')]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('triggers the relay from the stream for new outbox items only, with retries, bisection, batch item failures and a dead-letter queue', () => {
    // Act
    const mappings = Object.values(resources).filter((resource) => resource.Type === 'AWS::Lambda::EventSourceMapping');

    // Assess
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toEqual({
      FunctionName: { Ref: at('Outbox/Relay/Handler/Resource') },
      EventSourceArn: { 'Fn::GetAtt': [at('Data/RecordsTable/Resource'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: outboxDelivery.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: outboxDelivery.retryAttempts,
      MaximumRecordAgeInSeconds: 86_400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [at('Outbox/DeadLetterQueue/Resource'), 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(outboxStreamFilter) }] },
    });
    expect(JSON.parse(mappings[0]!.Properties.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['OutboxBatch'] } } },
    });
  });

  it('encrypts the relay\'s dead-letter queue with the school key and refuses it over plain HTTP', () => {
    // Prepare
    const queue = at('Outbox/DeadLetterQueue/Resource');

    // Act
    const policies = Object.values(resources).filter(
      (resource) => resource.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(resource.Properties.Queues).includes(queue),
    );

    // Assess
    expect(resources[queue]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [at('Data/Key/Resource'), 'Arn'] });
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('alarms on the dead-letter queue\'s depth and on the stream iterator\'s age', () => {
    // Act
    const alarms = Object.values(resources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm').map((alarm) => alarm.Properties);

    // Assess
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [at('Outbox/DeadLetterQueue/Resource'), 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'IteratorAge',
        Statistic: 'Maximum',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: at('Outbox/Relay/Handler/Resource') } }],
        Threshold: iteratorAgeAlarmMinutes * 60_000,
      }),
    );
  });

  it('lets the relay read the stream, update the records table, and put events on this bus only', () => {
    // Act
    const statements = statementsOf(at('Outbox/Relay/Role/Resource'));
    const actions = actionsOf(statements);

    // Assess
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [at('Events/Bus/Resource'), 'Arn'] } }));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:UpdateItem']));
    const allowed = /^(logs:|xray:|kms:|sqs:(SendMessage|GetQueueAttributes|GetQueueUrl)$|events:PutEvents$|dynamodb:(UpdateItem|ListStreams|DescribeStream|GetRecords|GetShardIterator)$)/;
    expect(actions.filter((action) => !allowed.test(action))).toEqual([]);
  });

  it('gives no signed-in route and no event consumer events:PutEvents: they write to the outbox instead', () => {
    // Prepare
    const roles = [
      ...routes.filter((route) => !route.public).map((route) => at(`${routePath(school.stack, route.id)}/Role/Resource`)),
      ...eventRules.map((rule) => at(`Events/Consumer-${rule.id}/Role/Resource`)),
    ];

    // Act
    const putters = roles.filter((role) => actionsOf(statementsOf(role)).some((action) => action.startsWith('events:')));

    // Assess
    expect(roles.length).toBeGreaterThan(10);
    expect(putters).toEqual([]);
  });

  it('tells the relay the records table and the bus, and outputs its dead-letter queue for the redrive', () => {
    // Act
    const environment = resources[at('Outbox/Relay/Handler/Resource')]!.Properties.Environment.Variables;

    // Assess
    expect(environment.RECORDS_TABLE).toEqual({ Ref: at('Data/RecordsTable/Resource') });
    expect(environment.EVENT_BUS_NAME).toEqual({ Ref: at('Events/Bus/Resource') });
    template.hasOutput('OutboxRelayDeadLetterQueueUrl', { Value: { Ref: at('Outbox/DeadLetterQueue/Resource') } });
  });
});
