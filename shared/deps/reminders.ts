import { EventBridgeReminderScheduler, createSchedulerClient } from '../adapters/scheduler/eventbridge-scheduler';
import { EventBridgeReferralCheckScheduler } from '../adapters/scheduler/referral-check-scheduler';
import { declared, type AdapterFactory } from './adapter-factory';

/** EventBridge Scheduler: one-off planner reminders and referral response checks onto the school's bus. */
export const reminderPorts: AdapterFactory<'scheduler'> = {
  service: 'scheduler',
  build: (config) => {
    const client = createSchedulerClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints });
    const settings = declared(config.reminders, 'REMINDER_SCHEDULE_GROUP');
    return { reminders: new EventBridgeReminderScheduler(client, settings), referralChecks: new EventBridgeReferralCheckScheduler(client, settings) };
  },
};
