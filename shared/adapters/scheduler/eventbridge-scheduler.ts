import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Config } from '../../config/load-config';
import type { ReferralCheckScheduler, ReminderDueDetail, ReminderScheduler } from '../../domain/ports';
import { EVENT_SOURCE, type EventDetailType } from '../../events/rules';

export function createSchedulerClient(config: Pick<Config, 'region' | 'endpoints'>): SchedulerClient {
  return new SchedulerClient({ region: config.region, endpoint: config.endpoints.scheduler });
}

/**
 * How hard Scheduler tries to put a reminder on the bus before giving up on it: ten
 * retries within a day, then the dead-letter queue.
 */
const reminderRetryPolicy = { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 } as const;

export type ReminderSchedulerSettings = Omit<Config['reminders'], 'deadLetterQueueArn'> & {
  readonly eventBusArn: string;
  /**
   * The queue Scheduler sends a reminder to once the retries are spent. Always set in a
   * deployment (loadConfig requires REMINDER_DLQ_ARN); without it a failed reminder is lost.
   */
  readonly deadLetterQueueArn?: string;
};

/**
 * Planner reminders and referral response checks, each as a one-off EventBridge Scheduler
 * schedule that puts its event (ids only) on the school's bus at the time, then deletes
 * itself. An undeliverable one is retried, then dead-lettered.
 */
export class EventBridgeScheduler implements ReminderScheduler, ReferralCheckScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: ReminderSchedulerSettings,
  ) {}

  schedule(reminder: { readonly id: string; readonly at: Date; readonly detail: ReminderDueDetail }): Promise<'scheduled' | 'already-scheduled'> {
    return this.scheduleOnce({ name: `reminder-${reminder.id}`, at: reminder.at, detailType: 'ReminderDue', detail: reminder.detail });
  }

  scheduleDueCheck(check: { readonly referralId: string; readonly incidentId: string; readonly at: Date }): Promise<'scheduled' | 'already-scheduled'> {
    return this.scheduleOnce({ name: `referral-${check.referralId}`, at: check.at, detailType: 'ReferralResponseDue', detail: { referralId: check.referralId, incidentId: check.incidentId } });
  }

  private async scheduleOnce(schedule: { readonly name: string; readonly at: Date; readonly detailType: EventDetailType; readonly detail: object }): Promise<'scheduled' | 'already-scheduled'> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: schedule.name.slice(0, 64),
          GroupName: this.settings.scheduleGroup,
          ScheduleExpression: `at(${schedule.at.toISOString().slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.settings.eventBusArn,
            RoleArn: this.settings.roleArn,
            EventBridgeParameters: { DetailType: schedule.detailType, Source: EVENT_SOURCE },
            Input: JSON.stringify(schedule.detail),
            RetryPolicy: { ...reminderRetryPolicy },
            ...(this.settings.deadLetterQueueArn ? { DeadLetterConfig: { Arn: this.settings.deadLetterQueueArn } } : {}),
          },
        }),
      );
      return 'scheduled';
    } catch (error) {
      // The schedule is named by the reminder's or referral's id: it exists, so this request was a redelivery.
      if (error instanceof ConflictException || (error as { name?: string }).name === 'ConflictException') return 'already-scheduled';
      throw error;
    }
  }
}
