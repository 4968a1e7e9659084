import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmThresholds, FUNCTIONS_AN_ALARM } from '../../infra/constructs/monitoring';
import { iteratorAgeAlarmMinutes } from '../../infra/constructs/outbox-relay';
import { exampleSchool, exampleTrust, handlerFunctions, logicalIdAt, synthesizeSchool, type SynthesizedSchool } from './synthesize-school';

type Resource = { Properties: Record<string, any> };
type MetricQuery = { Id: string; Expression?: string; MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: unknown }[] }; Stat: string } };

const alarmsOf = (template: Template) => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const metricNames = (alarm: Resource): string[] =>
  alarm.Properties.MetricName ? [alarm.Properties.MetricName] : ((alarm.Properties.Metrics ?? []) as MetricQuery[]).flatMap((query) => (query.MetricStat ? [query.MetricStat.Metric.MetricName] : []));
const dimensionsOf = (alarm: Resource) =>
  JSON.stringify(alarm.Properties.Dimensions ?? ((alarm.Properties.Metrics ?? []) as MetricQuery[]).map((query) => query.MetricStat?.Metric.Dimensions ?? []));

/** Issue 18: the trust hears when something goes wrong in AWS. */
describe('alarms of a school stack', () => {
  let school: SynthesizedSchool;
  let template: Template;
  let topicId: string;

  beforeAll(() => {
    // Prepare: the example trust names an email address and no topic, so the stack makes one
    school = exampleSchool();
    template = school.template;
    topicId = logicalIdAt(school.stack, 'Monitoring/Topic/Resource');
  });

  it('sends every alarm in the stack, and its recovery, to the alarm topic', () => {
    // Act
    const alarms = alarmsOf(template);
    // Assess
    expect(alarms.length).toBeGreaterThan(5);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it("subscribes the trust config's email addresses to a KMS-encrypted, TLS-only topic CloudWatch may publish to", () => {
    // Act
    const topic = template.toJSON().Resources[topicId] as Resource;
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')) as Resource[];
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    const keyPolicy = JSON.stringify(template.toJSON().Resources[keyId].Properties.KeyPolicy);
    const topicPolicies = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));
    // Assess
    expect(subscriptions.map((subscription) => [subscription.Properties.Protocol, subscription.Properties.Endpoint])).toEqual(exampleTrust().alarms.emails.map((email) => ['email', email]));
    expect(keyPolicy).toContain('cloudwatch.amazonaws.com');
    expect(topicPolicies).toContain('aws:SecureTransport');
  });

  it("alarms when over 1 % of the API's requests in five minutes get a 5xx", () => {
    // Act
    const alarm = alarmsOf(template).find((candidate) => metricNames(candidate).includes('5xx'));
    // Assess
    expect(alarm).toBeDefined();
    const queries = alarm!.Properties.Metrics as MetricQuery[];
    expect(queries.find((query) => query.Expression)?.Expression).toBe(`IF(requests >= ${alarmThresholds.apiMinimumRequests}, 100 * errors / requests, 0)`);
    expect(metricNames(alarm!).sort()).toEqual(['5xx', 'Count']);
    expect(dimensionsOf(alarm!)).toContain(logicalIdAt(school.stack, 'Api/HttpApi/Resource'));
    expect(alarm!.Properties.Threshold).toBe(alarmThresholds.apiServerErrorPercent);
  });

  it("alarms on every handler function's errors and throttles, five functions an alarm", () => {
    // Prepare
    const functionIds = Object.keys(handlerFunctions(template));
    // Act
    const watched = alarmsOf(template).filter((alarm) => metricNames(alarm).includes('Errors'));
    // Assess
    for (const alarm of watched) {
      const queries = alarm.Properties.Metrics as MetricQuery[];
      const metrics = queries.filter((query) => query.MetricStat);
      expect(metrics.length).toBeLessThanOrEqual(2 * FUNCTIONS_AN_ALARM);
      expect(metricNames(alarm).filter((name) => name === 'Errors')).toHaveLength(metrics.length / 2);
      expect(metricNames(alarm).filter((name) => name === 'Throttles')).toHaveLength(metrics.length / 2);
      expect(queries.find((query) => query.Expression)?.Expression?.split(' + ').sort()).toEqual(metrics.map((query) => query.Id).sort());
      expect(alarm.Properties.Threshold).toBe(1);
    }
    const watchedIds = watched.map((alarm) => dimensionsOf(alarm));
    for (const id of functionIds) expect(watchedIds.filter((dimensions) => dimensions.includes(`"${id}"`)), id).toHaveLength(1);
  });

  it("keeps each function's alarm in the function's own stack (the school's, or its route area's nested stack)", () => {
    for (const { stack, template: own } of school.templates) {
      // Prepare
      const functionIds = Object.keys(handlerFunctions(own));
      // Act
      const watched = alarmsOf(own).filter((alarm) => metricNames(alarm).includes('Errors'));
      // Assess: every function this template deploys is watched here, by its own Ref, five an alarm
      const watchedIds = watched.map((alarm) => dimensionsOf(alarm));
      for (const id of functionIds) expect(watchedIds.filter((dimensions) => dimensions.includes(`{"Ref":"${id}"}`)), `${stack.node.path}: ${id}`).toHaveLength(1);
      expect(watched, stack.node.path).toHaveLength(Math.ceil(functionIds.length / FUNCTIONS_AN_ALARM));
    }
    expect(school.templates.length).toBeGreaterThan(1);
  });

  it('alarms on a message in either dead-letter queue (events and the outbox relay)', () => {
    // Act
    const depth = alarmsOf(template).filter((alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    // Assess
    const queues = depth.map((alarm) => alarm.Properties.Dimensions[0].Value['Fn::GetAtt'][0]).sort();
    expect(queues).toEqual([logicalIdAt(school.stack, 'Events/DeadLetterQueue/Resource'), logicalIdAt(school.stack, 'Outbox/DeadLetterQueue/Resource')].sort());
    for (const alarm of depth) expect(alarm.Properties.Threshold).toBe(1);
  });

  it("alarms when outbox events wait on the stream (the relay's iterator age)", () => {
    // Act
    const age = alarmsOf(template).filter((alarm) => alarm.Properties.MetricName === 'IteratorAge');
    // Assess
    expect(age).toHaveLength(1);
    expect(age[0]!.Properties.Threshold).toBe(iteratorAgeAlarmMinutes * 60_000);
    expect(JSON.stringify(age[0]!.Properties.Dimensions)).toContain(logicalIdAt(school.stack, 'Outbox/Relay/Handler/Resource'));
  });

  it("alarms on SES bounce and complaint rates before SES's own review thresholds", () => {
    // Act
    const ses = alarmsOf(template).filter((alarm) => alarm.Properties.Namespace === 'AWS/SES');
    // Assess
    expect(ses.map((alarm) => [alarm.Properties.MetricName, alarm.Properties.Threshold]).sort()).toEqual([
      ['Reputation.BounceRate', alarmThresholds.sesBounceRate],
      ['Reputation.ComplaintRate', alarmThresholds.sesComplaintRate],
    ]);
  });
});

describe("alarms sent to the trust's own topic", () => {
  it('use the named topic and make none of their own', () => {
    // Prepare
    const topicArn = 'arn:aws:sns:eu-west-2:111111111111:trust-it-alarms';
    const trust = { ...exampleTrust(), alarms: { topicArn, emails: [] } };
    // Act
    const { template } = synthesizeSchool({ trust });
    // Assess
    expect(Object.keys(template.findResources('AWS::SNS::Topic'))).toEqual([]);
    for (const alarm of alarmsOf(template)) expect(alarm.Properties.AlarmActions).toEqual([topicArn]);
  });
});
