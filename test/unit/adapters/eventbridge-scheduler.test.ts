import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeScheduler } from '../../../shared/adapters/scheduler/eventbridge-scheduler';
import type { ReminderDueDetail } from '../../../shared/domain/ports';
import { testConfig } from '../support/test-config';

const scheduler = mockClient(SchedulerClient);

afterEach(() => scheduler.reset());

const settings = {
  scheduleGroup: 'lantern-reminders',
  roleArn: 'arn:aws:iam::123456789012:role/lantern-reminder-scheduler',
  eventBusArn: 'arn:aws:events:eu-west-2:123456789012:event-bus/lantern-events',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-2:123456789012:lantern-reminders-dlq',
};
const detail: ReminderDueDetail = { reminderId: '01JHT0000000000000000000I1-reminder', incidentId: '01JHT0000000000000000000I1', ownerId: 'staff-1' };

describe('EventBridgeScheduler', () => {
  it('creates a one-off UTC schedule that puts ReminderDue on the bus, retries, dead-letters, then deletes itself', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/lantern-reminders/x' });

    // Act
    await new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), settings).schedule({ id: detail.reminderId, at: new Date('2025-06-20T07:30:00.000Z'), detail });

    // Assess
    expect(scheduler).toHaveReceivedCommandExactlyOnceWith(CreateScheduleCommand, {
      Name: 'reminder-01JHT0000000000000000000I1-reminder',
      GroupName: 'lantern-reminders',
      ScheduleExpression: 'at(2025-06-20T07:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: settings.eventBusArn,
        RoleArn: settings.roleArn,
        EventBridgeParameters: { DetailType: 'ReminderDue', Source: 'lantern' },
        Input: JSON.stringify(detail),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-2:123456789012:lantern-reminders-dlq' },
      },
    });
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(JSON.parse(input.Target!.Input!)).toEqual(detail);
  });

  it('sends an undeliverable reminder to the queue from the config, after ten retries within a day', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const config = testConfig();

    // Act
    await new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), config.reminders).schedule({ id: detail.reminderId, at: new Date('2025-06-20T07:30:00.000Z'), detail });

    // Assess
    const target = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.Target!;
    expect(target.DeadLetterConfig).toEqual({ Arn: config.reminders.deadLetterQueueArn });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400 });
  });

  it('keeps the schedule name within Scheduler’s 64 characters', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const longId = 'x'.repeat(80);

    // Act
    await new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), settings).schedule({ id: longId, at: new Date('2025-06-20T07:30:00.000Z'), detail });

    // Assess
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.Name).toHaveLength(64);
  });

  it('answers already-scheduled when the reminder\'s schedule exists: a redelivered request schedules nothing new', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ Message: 'Schedule reminder-x already exists.', message: 'Schedule reminder-x already exists.', $metadata: {} }));
    const adapter = new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), settings);

    // Act
    const outcome = await adapter.schedule({ id: detail.reminderId, at: new Date('2025-06-20T07:30:00.000Z'), detail });

    // Assess
    expect(outcome).toBe('already-scheduled');
  });

  it('rethrows any other refusal, so the bus retries the request', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(new Error('ThrottlingException'));
    const adapter = new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), settings);

    // Act
    const attempt = adapter.schedule({ id: detail.reminderId, at: new Date('2025-06-20T07:30:00.000Z'), detail });

    // Assess
    await expect(attempt).rejects.toThrow('ThrottlingException');
  });

  it("schedules a referral's response check the same way: ReferralResponseDue with its ids only, named by the referral", async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const check = { referralId: '01JHT0000000000000000000R1', incidentId: '01JHT0000000000000000000I1', at: new Date('2025-07-01T09:00:00.000Z') };

    // Act
    const outcome = await new EventBridgeScheduler(new SchedulerClient({ region: 'eu-west-2' }), settings).scheduleDueCheck(check);

    // Assess
    expect(outcome).toBe('scheduled');
    expect(scheduler).toHaveReceivedCommandExactlyOnceWith(CreateScheduleCommand, {
      Name: 'referral-01JHT0000000000000000000R1',
      GroupName: 'lantern-reminders',
      ScheduleExpression: 'at(2025-07-01T09:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: settings.eventBusArn,
        RoleArn: settings.roleArn,
        EventBridgeParameters: { DetailType: 'ReferralResponseDue', Source: 'lantern' },
        Input: JSON.stringify({ referralId: check.referralId, incidentId: check.incidentId }),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-2:123456789012:lantern-reminders-dlq' },
      },
    });
  });
});
