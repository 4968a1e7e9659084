import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventRuleDefinition } from '../../shared/events/rules';
import { deadLetterAlarm, deadLetterQueue } from './dead-letters';
import { LanternFunction, type HandlerSettings } from './lantern-function';

export interface SchoolEventsProps {
  readonly schoolId: string;
}

/** How hard EventBridge tries to deliver an event before it goes to the dead-letter queue. */
export const eventDelivery = { retryAttempts: 8, maxEventAge: Duration.hours(6) } as const;

/**
 * The school's event bus and the dead-letter queue every consumer shares. An event that
 * cannot be delivered to a consumer, or whose consumer keeps failing, lands in the queue
 * (never lost) and the alarm shows it; so does a planner reminder Scheduler could not put on
 * the bus (see Reminders). SQS-managed encryption: Scheduler and EventBridge need no key
 * grant to send to it.
 */
export class SchoolEvents extends Construct {
  readonly bus: EventBus;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  private readonly consumers = new Map<string, LanternFunction>();

  constructor(scope: Construct, id: string, props: SchoolEventsProps) {
    super(scope, id);

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: `lantern-${props.schoolId}`,
      description: `Lantern ${props.schoolId}: incidents, actions, alerts, reminders, files, transfers`,
    });

    this.deadLetterQueue = deadLetterQueue(
      this,
      { encryption: QueueEncryption.SQS_MANAGED },
      'itself the dead-letter queue of the event rules, of their consumer functions and of the reminder schedules',
    );
    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, `Lantern ${props.schoolId}: an event could not be delivered or processed; see the dead-letter queue`);
  }

  /** One function and one rule on the bus per catalogue entry. */
  subscribe(rules: readonly EventRuleDefinition[], settings: HandlerSettings): void {
    for (const definition of rules) {
      if (this.consumers.has(definition.id)) throw new Error(`Event rule ${definition.id} is declared twice`);
      const consumer = new LanternFunction(this, `Consumer-${definition.id}`, {
        entry: definition.entry,
        purpose: `event rule ${definition.id}`,
        description: `${definition.id}: ${definition.description}`,
        settings,
        uses: definition.uses,
        // A consumer that keeps failing after Lambda's own retries also ends in the queue.
        deadLetterQueue: this.deadLetterQueue,
        ...(definition.timeoutSeconds ? { timeout: Duration.seconds(definition.timeoutSeconds) } : {}),
      });
      new Rule(this, `Rule-${definition.id}`, {
        // AWS services (GuardDuty's malware scans) publish to the account's default bus.
        eventBus: definition.bus === 'default' ? EventBus.fromEventBusName(this, `DefaultBus-${definition.id}`, 'default') : this.bus,
        description: definition.description.slice(0, 512),
        eventPattern: { source: [...definition.pattern.source], detailType: [...definition.pattern['detail-type']] },
        targets: [
          new LambdaFunction(consumer.function, {
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: eventDelivery.retryAttempts,
            maxEventAge: eventDelivery.maxEventAge,
          }),
        ],
      });
      this.consumers.set(definition.id, consumer);
    }
  }
}
