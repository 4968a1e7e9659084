import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { AlarmNotifications } from '../trust-config';
import { LanternFunction } from './lantern-function';

/** Thresholds, named so the README and the tests can state them. */
export const alarmThresholds = {
  /** Per cent of the API's requests answered with a 5xx in five minutes (with at least ten requests). */
  apiServerErrorPercent: 1,
  apiMinimumRequests: 10,
  /** SES puts an account under review at 10 % bounces and 0.5 % complaints: warn well before. */
  sesBounceRate: 0.05,
  sesComplaintRate: 0.001,
} as const;

/** An alarm's math may use ten metrics: two a function. */
export const FUNCTIONS_AN_ALARM = 5;

export interface MonitoringProps {
  readonly schoolId: string;
  readonly notifications: AlarmNotifications;
  readonly apiStage: HttpStage;
}

/**
 * Tells the trust when something goes wrong: the API answering 5xx, any function failing
 * or throttled (five functions an alarm), SES bounces and complaints; and sends every alarm in the stack (the
 * dead-letter and outbox-age alarms beside their queues included) to the SNS topic the trust
 * config names, or to a topic of the school's own with the config's email addresses.
 * Call `watch()` once every function and alarm of the stack exists.
 */
export class Monitoring extends Construct {
  readonly topic: ITopic;
  readonly apiServerErrorAlarm: Alarm;
  readonly sesBounceAlarm: Alarm;
  readonly sesComplaintAlarm: Alarm;
  private readonly schoolId: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.schoolId = props.schoolId;
    const { notifications } = props;
    this.topic = notifications.topicArn ? Topic.fromTopicArn(this, 'TrustTopic', notifications.topicArn) : this.ownTopic();
    for (const email of notifications.emails) this.topic.addSubscription(new EmailSubscription(email));

    const requests = props.apiStage.metricCount({ period: Duration.minutes(5), statistic: 'Sum' });
    const serverErrors = props.apiStage.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' });
    this.apiServerErrorAlarm = new Alarm(this, 'ApiServerErrorRate', {
      alarmDescription: `Lantern ${props.schoolId}: over ${alarmThresholds.apiServerErrorPercent} % of API requests answered 5xx in five minutes; see the functions' logs by request id`,
      metric: new MathExpression({
        expression: `IF(requests >= ${alarmThresholds.apiMinimumRequests}, 100 * errors / requests, 0)`,
        usingMetrics: { requests, errors: serverErrors },
        period: Duration.minutes(5),
        label: 'API 5xx (% of requests)',
      }),
      threshold: alarmThresholds.apiServerErrorPercent,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // SES publishes reputation for the account and region: each school's stack watches it.
    const reputationAlarm = (id: string, metricName: string, threshold: number, alarmDescription: string) =>
      new Alarm(this, id, {
        alarmDescription,
        metric: new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) }),
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    this.sesBounceAlarm = reputationAlarm(
      'SesBounceRate',
      'Reputation.BounceRate',
      alarmThresholds.sesBounceRate,
      `Lantern ${props.schoolId}: SES bounce rate over ${alarmThresholds.sesBounceRate * 100} %; check staff addresses before SES pauses sending`,
    );
    this.sesComplaintAlarm = reputationAlarm(
      'SesComplaintRate',
      'Reputation.ComplaintRate',
      alarmThresholds.sesComplaintRate,
      `Lantern ${props.schoolId}: SES complaint rate over ${alarmThresholds.sesComplaintRate * 100} %`,
    );
  }

  /**
   * Every function's errors and throttles, five functions an alarm (ten metrics, the most an
   * alarm's math may use), so a failing consumer is never silent and no stack nears
   * CloudFormation's 500 resources; each alarm is in the stack of its functions (the
   * school's, or a route area's nested stack). Then the topic on every alarm of the stack
   * and its nested stacks, so an alarm added later is wired too.
   */
  watch(): void {
    const stack = Stack.of(this);
    const handlers = stack.node.findAll().filter((construct): construct is LanternFunction => construct instanceof LanternFunction);
    const stacks = [...new Set(handlers.map((handler) => Stack.of(handler)))];
    for (const owner of stacks) {
      // Nested stacks' alarms are named for their stack, so every alarm of a school has its own logical id.
      const [scope, prefix] = owner === stack ? [this, ''] : [new Construct(owner, 'Monitoring'), owner.node.id];
      this.watchFunctions(scope, prefix, handlers.filter((handler) => Stack.of(handler) === owner));
    }
    const action = new SnsAction(this.topic);
    for (const alarm of stack.node.findAll().filter((construct): construct is Alarm => construct instanceof Alarm)) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private watchFunctions(scope: Construct, prefix: string, handlers: readonly LanternFunction[]): void {
    const period = Duration.minutes(5);
    for (let start = 0, group = 1; start < handlers.length; start += FUNCTIONS_AN_ALARM, group += 1) {
      const watched = handlers.slice(start, start + FUNCTIONS_AN_ALARM);
      const usingMetrics = Object.fromEntries(
        watched.flatMap((handler, index) => [
          [`errors${index}`, handler.function.metricErrors({ period, statistic: 'Sum' })],
          [`throttles${index}`, handler.function.metricThrottles({ period, statistic: 'Sum' })],
        ]),
      );
      new Alarm(scope, `${prefix}FunctionsFailing${group}`, {
        alarmDescription: `Lantern ${this.schoolId}: one of these failed or was throttled in five minutes; see its log group: ${watched.map((handler) => handler.node.id).join(', ')}`.slice(0, 1024),
        metric: new MathExpression({ expression: Object.keys(usingMetrics).join(' + '), usingMetrics, period, label: 'errors + throttles' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
  }

  /** A topic of the school's own, encrypted with a key CloudWatch may use to publish. */
  private ownTopic(): Topic {
    const key = new Key(this, 'TopicKey', {
      description: `Lantern ${this.schoolId}: alarm notifications`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    return new Topic(this, 'Topic', { displayName: `Lantern ${this.schoolId} alarms`, masterKey: key, enforceSSL: true });
  }
}
