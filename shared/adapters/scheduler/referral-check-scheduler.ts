import { ConflictException, CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ReferralCheckScheduler } from '../../domain/ports';
import { EVENT_SOURCE } from '../../events/rules';
import { reminderRetryPolicy, type ReminderSchedulerSettings } from './eventbridge-scheduler';

/**
 * A referral's response check, as planner reminders are: a one-off schedule that puts a
 * ReferralResponseDue event (ids only) on the school's bus at the due time, then deletes itself.
 */
export class EventBridgeReferralCheckScheduler implements ReferralCheckScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: ReminderSchedulerSettings,
  ) {}

  async scheduleDueCheck(check: { readonly referralId: string; readonly incidentId: string; readonly at: Date }): Promise<'scheduled' | 'already-scheduled'> {
    try {
      await this.client.send(
      new CreateScheduleCommand({
        Name: `referral-${check.referralId}`.slice(0, 64),
        GroupName: this.settings.scheduleGroup,
        ScheduleExpression: `at(${check.at.toISOString().slice(0, 19)})`,
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: this.settings.eventBusArn,
          RoleArn: this.settings.roleArn,
          EventBridgeParameters: { DetailType: 'ReferralResponseDue', Source: EVENT_SOURCE },
          Input: JSON.stringify({ referralId: check.referralId, incidentId: check.incidentId }),
          RetryPolicy: { ...reminderRetryPolicy },
          ...(this.settings.deadLetterQueueArn ? { DeadLetterConfig: { Arn: this.settings.deadLetterQueueArn } } : {}),
        },
      }),
      );
      return 'scheduled';
    } catch (error) {
      // Named by the referral id: it exists, so this request was a redelivery.
      if (error instanceof ConflictException || (error as { name?: string }).name === 'ConflictException') return 'already-scheduled';
      throw error;
    }
  }
}
