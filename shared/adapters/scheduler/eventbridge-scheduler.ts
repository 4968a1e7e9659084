import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Config } from '../../config/load-config';
import type { ReminderDueDetail, ReminderScheduler } from '../../domain/ports';
import { EVENT_SOURCE } from '../../events/rules';

export function createSchedulerClient(config: Pick<Config, 'region' | 'endpoints'>): SchedulerClient {
  return new SchedulerClient({ region: config.region, endpoint: config.endpoints.scheduler });
}

/**
 * How hard Scheduler tries to put a reminder on the bus before giving up on it: ten
 * retries within a day, then the dead-letter queue.
 */
export const reminderRetryPolicy = { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 } as const;

export type ReminderSchedulerSettings = Omit<Config['reminders'], 'deadLetterQueueArn'> & {
  readonly eventBusArn: string;
  /**
   * The queue Scheduler sends a reminder to once the retries are spent. Always set in a
   * deployment (loadConfig requires REMINDER_DLQ_ARN); without it a failed reminder is lost.
   */
  readonly deadLetterQueueArn?: string;
};

/**
 * Planner reminders as one-off EventBridge Scheduler schedules that put a ReminderDue
 * event on the school's bus at the time, then delete themselves. An undeliverable
 * reminder is retried, then dead-lettered.
 */
export class EventBridgeReminderScheduler implements ReminderScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: ReminderSchedulerSettings,
  ) {}

  async schedule(reminder: { readonly id: string; readonly at: Date; readonly detail: ReminderDueDetail }): Promise<'scheduled' | 'already-scheduled'> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: `reminder-${reminder.id}`.slice(0, 64),
          GroupName: this.settings.scheduleGroup,
          ScheduleExpression: `at(${reminder.at.toISOString().slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.settings.eventBusArn,
            RoleArn: this.settings.roleArn,
            EventBridgeParameters: { DetailType: 'ReminderDue', Source: EVENT_SOURCE },
            Input: JSON.stringify(reminder.detail),
            RetryPolicy: { ...reminderRetryPolicy },
            ...(this.settings.deadLetterQueueArn ? { DeadLetterConfig: { Arn: this.settings.deadLetterQueueArn } } : {}),
          },
        }),
      );
      return 'scheduled';
    } catch (error) {
      // The schedule is named by the reminder id: it exists, so this request was a redelivery.
      if (error instanceof ConflictException || (error as { name?: string }).name === 'ConflictException') return 'already-scheduled';
      throw error;
    }
  }
}
