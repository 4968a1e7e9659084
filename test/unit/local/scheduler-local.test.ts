import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { startSchedulerLocal, type ScheduledEvent, type SchedulerLocal } from '../../../local/services/scheduler-local';
import { freePort } from '../../../local/free-port';
import { EventBridgeScheduler } from '../../../shared/adapters/scheduler/eventbridge-scheduler';
import type { ReminderDueDetail } from '../../../shared/domain/ports';

const busArn = 'arn:aws:events:eu-west-2:000000000000:event-bus/lantern-events';
const roleArn = 'arn:aws:iam::000000000000:role/lantern-reminder-scheduler';
const detail: ReminderDueDetail = { reminderId: 'I1-reminder', incidentId: 'I1', ownerId: 'staff-1' };

let directory: string;
let storeFile: string;
let port: number;
let running: SchedulerLocal[] = [];
let deliver: ReturnType<typeof vi.fn<(event: ScheduledEvent) => Promise<void>>>;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lantern-scheduler-'));
  storeFile = join(directory, 'schedules.json');
  port = await freePort();
  deliver = vi.fn(async () => undefined);
  running = [];
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const scheduler of running) await scheduler.stop();
  await rm(directory, { recursive: true, force: true });
});

/** The stand-in with its own timer slowed right down: tests fire schedules with fireDue. */
async function start(): Promise<SchedulerLocal> {
  const scheduler = await startSchedulerLocal({ port, region: 'eu-west-2', accountId: '000000000000', storeFile, deliver, tickMs: 3_600_000 });
  running.push(scheduler);
  return scheduler;
}

async function stop(scheduler: SchedulerLocal): Promise<void> {
  await scheduler.stop();
  running = running.filter((each) => each !== scheduler);
}

const clientFor = (scheduler: SchedulerLocal) =>
  new SchedulerClient({ endpoint: scheduler.endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

const reminderAt = (expression: string, name = 'reminder-I1'): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: 'lantern-reminders',
  ScheduleExpression: expression,
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: busArn, RoleArn: roleArn, EventBridgeParameters: { DetailType: 'ReminderDue', Source: 'lantern' }, Input: JSON.stringify(detail) },
});

describe('the local EventBridge Scheduler', () => {
  it('delivers a schedule that has fallen due once, with its parsed detail, and removes it', async () => {
    // Prepare
    const scheduler = await start();
    await clientFor(scheduler).send(new CreateScheduleCommand(reminderAt('at(2020-01-01T00:00:00)')));

    // Act
    const fired = await scheduler.fireDue();
    const firedAgain = await scheduler.fireDue();

    // Assess
    expect(fired).toBe(1);
    expect(firedAgain).toBe(0);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith({ source: 'lantern', detailType: 'ReminderDue', detail });
    expect(scheduler.pending()).toEqual([]);
  });

  it('keeps a schedule that is not due yet, and describes it', async () => {
    // Prepare
    const scheduler = await start();
    const client = clientFor(scheduler);
    await client.send(new CreateScheduleCommand(reminderAt('at(2099-01-01T08:00:00)')));

    // Act
    const fired = await scheduler.fireDue();
    const described = await client.send(new GetScheduleCommand({ Name: 'reminder-I1', GroupName: 'lantern-reminders' }));

    // Assess
    expect(fired).toBe(0);
    expect(deliver).not.toHaveBeenCalled();
    expect(scheduler.pending()).toEqual([expect.objectContaining({ name: 'reminder-I1', groupName: 'lantern-reminders', at: '2099-01-01T08:00:00Z' })]);
    expect(described).toMatchObject({ Name: 'reminder-I1', ScheduleExpression: 'at(2099-01-01T08:00:00)', State: 'ENABLED' });
  });

  it('keeps pending schedules across a restart, and fires them when due', async () => {
    // Prepare
    const first = await start();
    await clientFor(first).send(new CreateScheduleCommand(reminderAt('at(2099-01-01T08:00:00)')));
    await stop(first);

    // Act
    const second = await start();

    // Assess
    expect(second.pending().map((schedule) => schedule.name)).toEqual(['reminder-I1']);
    expect(await second.fireDue(new Date('2099-01-01T08:00:00Z'))).toBe(1);
    expect(deliver).toHaveBeenCalledWith({ source: 'lantern', detailType: 'ReminderDue', detail });
  });

  it('keeps a schedule whose delivery failed, to try again', async () => {
    // Prepare
    const scheduler = await start();
    await clientFor(scheduler).send(new CreateScheduleCommand(reminderAt('at(2020-01-01T00:00:00)')));
    deliver.mockRejectedValueOnce(new Error('bus unavailable'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    await scheduler.fireDue();
    await scheduler.fireDue();

    // Assess
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(scheduler.pending()).toEqual([]);
  });

  it.each([
    ['a rate expression', reminderAt('rate(5 minutes)')],
    ['an at() without seconds', reminderAt('at(2099-01-01T08:00)')],
    ['a timezone other than UTC', { ...reminderAt('at(2099-01-01T08:00:00)'), ScheduleExpressionTimezone: 'Europe/London' }],
  ])('refuses %s with a ValidationException', async (_case, input) => {
    // Prepare
    const scheduler = await start();

    // Act
    const attempt = clientFor(scheduler).send(new CreateScheduleCommand(input));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(scheduler.pending()).toEqual([]);
  });

  it('refuses a second schedule with the same name', async () => {
    // Prepare
    const scheduler = await start();
    const client = clientFor(scheduler);
    await client.send(new CreateScheduleCommand(reminderAt('at(2099-01-01T08:00:00)')));

    // Act
    const attempt = client.send(new CreateScheduleCommand(reminderAt('at(2099-02-01T08:00:00)')));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ConflictException' });
    expect(scheduler.pending()).toHaveLength(1);
  });

  it('runs Lantern’s own scheduler adapter unchanged', async () => {
    // Prepare
    const scheduler = await start();
    const adapter = new EventBridgeScheduler(clientFor(scheduler), { scheduleGroup: 'lantern-reminders', roleArn, eventBusArn: busArn });
    await adapter.schedule({ id: detail.reminderId, at: new Date('2030-06-20T07:30:00.000Z'), detail });

    // Act
    const fired = await scheduler.fireDue(new Date('2030-06-20T07:30:00.000Z'));

    // Assess
    expect(fired).toBe(1);
    expect(deliver).toHaveBeenCalledWith({ source: 'lantern', detailType: 'ReminderDue', detail });
  });
});
