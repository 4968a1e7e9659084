import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Config } from '../../config/load-config';
import type { ReminderDueDetail, ReminderScheduler } from '../../domain/ports';
import { EVENT_SOURCE } from '../../events/rules';

export function createSchedulerClient(config: Pick<Config, 'region' | 'endpoints'>): SchedulerClient {
  return new SchedulerClient({ region: config.region, endpoint: config.endpoints.scheduler });
}

/**
 * Planner reminders as one-off EventBridge Scheduler schedules that put a ReminderDue
 * event on the school's bus at the time, then delete themselves.
 */
export class EventBridgeReminderScheduler implements ReminderScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: Config['reminders'] & { readonly eventBusArn: string },
  ) {}

  async schedule(reminder: { readonly id: string; readonly at: Date; readonly detail: ReminderDueDetail }): Promise<void> {
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
        },
      }),
    );
  }
}
