import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * A dead-letter queue (`<scope>/DeadLetterQueue`): TLS-only, kept 14 days and retained
 * with the stack. `whoseDeadLetters` says what sends to it: the reason a dead-letter queue
 * has no dead-letter queue of its own (cdk-nag SQS3).
 */
export function deadLetterQueue(scope: Construct, encryption: Pick<QueueProps, 'encryption' | 'encryptionMasterKey'>, whoseDeadLetters: string): Queue {
  const queue = new Queue(scope, 'DeadLetterQueue', {
    ...encryption,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  NagSuppressions.addResourceSuppressions(queue, [
    { id: 'AwsSolutions-SQS3', reason: `This queue is ${whoseDeadLetters}; a dead-letter queue has no dead-letter queue of its own.` },
  ]);
  return queue;
}

/** `<scope>/DeadLetterAlarm`: on as soon as one message waits in the queue (five-minute period). */
export function deadLetterAlarm(scope: Construct, queue: Queue, alarmDescription: string): Alarm {
  return new Alarm(scope, 'DeadLetterAlarm', {
    alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
