import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { outboxStreamFilter } from '../../shared/outbox/outbox-stream-filter';
import { streamConsumerById } from '../../shared/streams/stream-consumers';
import { deadLetterAlarm, deadLetterQueue } from './dead-letters';
import { LanternFunction, type HandlerSettings } from './lantern-function';

/** The relay's declaration (shared/streams/stream-consumers.ts): its environment and grants come from it. */
const relayDeclaration = streamConsumerById('outbox-relay');

/**
 * How the stream event source treats a batch the relay cannot deliver: retried (halved each
 * time, to find the one record at fault), then its place in the stream goes to the relay's
 * dead-letter queue. The record itself stays pending in the outbox for the redrive.
 */
export const outboxDelivery = { batchSize: 10, retryAttempts: 10, maxRecordAge: Duration.hours(24) } as const;

/** An outbox item older than this on the stream means delivery is stuck or far behind. */
export const iteratorAgeAlarmMinutes = 5;

export interface OutboxRelayProps {
  readonly schoolId: string;
  readonly recordsTable: TableV2;
  /** The tables' key: the stream is encrypted with it, and so is the dead-letter queue. */
  readonly key: IKey;
  readonly settings: HandlerSettings;
}

/**
 * Delivers the transactional outbox: a function triggered by the records table's stream,
 * filtered to new outbox items, that puts their events on the school's bus and marks them
 * delivered. Its role gets what its declaration (`outbox`, `events`) implies: read the stream,
 * update the records table (to mark delivery), put events on the bus; and, as the event
 * source's own plumbing, send to its dead-letter queue. Failures are retried, bisected, then dead-lettered
 * to a KMS-encrypted, TLS-only queue whose depth (and the stream's iterator age) alarm.
 */
export class OutboxRelay extends Construct {
  readonly relay: LanternFunction;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly iteratorAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(
      this,
      { encryption: QueueEncryption.KMS, encryptionMasterKey: props.key },
      "the dead-letter destination of the outbox relay's stream event source",
    );

    this.relay = new LanternFunction(this, 'Relay', {
      entry: relayDeclaration.entry,
      purpose: 'outbox relay',
      description: relayDeclaration.description,
      timeout: Duration.seconds(60),
      uses: relayDeclaration.uses,
      settings: props.settings,
    });

    this.relay.function.addEventSource(
      new DynamoEventSource(props.recordsTable, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: outboxDelivery.batchSize,
        bisectBatchOnError: true,
        retryAttempts: outboxDelivery.retryAttempts,
        maxRecordAge: outboxDelivery.maxRecordAge,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [{ pattern: JSON.stringify(outboxStreamFilter) }],
      }),
    );
    // Its role's wildcards (the table's index pattern, the KMS data-key families the
    // dead-letter queue needs) are those grantDeclaredAccess already suppresses for every role.

    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, `Lantern ${props.schoolId}: the outbox relay gave up on a stream batch; run the redrive (README: "Events and the outbox")`);
    this.iteratorAgeAlarm = new Alarm(this, 'IteratorAgeAlarm', {
      alarmDescription: `Lantern ${props.schoolId}: outbox events are waiting more than ${iteratorAgeAlarmMinutes} minutes to reach the bus`,
      metric: this.relay.function.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
      threshold: iteratorAgeAlarmMinutes * 60_000,
      evaluationPeriods: 5,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
