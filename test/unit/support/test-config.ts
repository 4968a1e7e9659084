import { loadConfig, type Config } from '../../../shared/config/load-config';

/** A complete environment as the CDK stack would set it (no endpoint overrides). */
export function testEnvironment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AWS_REGION: 'eu-west-2',
    SCHOOL_ID: 'castle-mead',
    SCHOOL_NAME: 'Castle Mead Primary School',
    SCHOOL_TIMEZONE: 'Europe/London',
    APP_BASE_URL: 'https://lantern.castlemead.example.sch.uk/',
    RECORDS_TABLE: 'lantern-records',
    AUDIT_TABLE: 'lantern-audit',
    FILES_BUCKET: 'lantern-files-castle-mead',
    EVENT_BUS_NAME: 'lantern-events',
    EVENT_BUS_ARN: 'arn:aws:events:eu-west-2:123456789012:event-bus/lantern-events',
    REMINDER_SCHEDULE_GROUP: 'lantern-reminders',
    REMINDER_ROLE_ARN: 'arn:aws:iam::123456789012:role/lantern-reminder-scheduler',
    REMINDER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:lantern-reminders-dlq',
    USER_POOL_ID: 'eu-west-2_AbCdEf123',
    USER_POOL_CLIENT_ID: '4l8q2n7c0ajk1example',
    SENDER_EMAIL: 'lantern@castlemead.example.sch.uk',
    CURSOR_KEY: 'castle-mead-test-cursor-key-0123456789abcdef',
    ...overrides,
  };
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig(testEnvironment(overrides));
}
