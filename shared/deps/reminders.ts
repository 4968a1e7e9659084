import { EventBridgeScheduler, createSchedulerClient } from '../adapters/scheduler/eventbridge-scheduler';
import { declared, type AdapterFactory } from './adapter-factory';

/** EventBridge Scheduler: one-off planner reminders and referral response checks onto the school's bus. */
export const reminderPorts: AdapterFactory<'scheduler'> = {
  service: 'scheduler',
  build: (config) => {
    const scheduler = new EventBridgeScheduler(createSchedulerClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }), declared(config.reminders, 'REMINDER_SCHEDULE_GROUP'));
    return { reminders: scheduler, referralChecks: scheduler };
  },
};
