import { eventRuleById } from '../../../shared/events/rules';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFor, requiredVariablesFor, variablesFor } from '../../../shared/config/load-config';
import { routeById } from '../../../shared/api/routes';
import { testEnvironment } from '../support/test-config';

function configErrorFrom(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfigFor accepted the environment');
}

describe('loadConfigFor: each function reads only its own declaration', () => {
  it('lets /health start with an empty environment', () => {
    // Prepare
    const { uses } = routeById('health.read');

    // Act
    const config = loadConfigFor(uses, {});

    // Assess
    expect(requiredVariablesFor(uses)).toEqual([]);
    expect(config).toMatchObject({ logLevel: 'info', tables: {} });
    expect(config.school).toBeUndefined();
  });

  it('requires of alerts.list only the region, its tables and the school, naming a missing one', () => {
    // Prepare
    const { uses } = routeById('alerts.list');
    const { RECORDS_TABLE: _records, ...environment } = testEnvironment();

    // Act
    const error = configErrorFrom(() => loadConfigFor(uses, environment));

    // Assess
    expect(requiredVariablesFor(uses).sort()).toEqual(['APP_BASE_URL', 'AUDIT_TABLE', 'AWS_REGION', 'CURSOR_KEY', 'RECORDS_TABLE', 'SCHOOL_ID', 'SCHOOL_NAME', 'SCHOOL_TIMEZONE']);
    expect(error.message).toContain('Missing RECORDS_TABLE');
  });

  it('does not read the variables of uses a function does not declare, even when they are malformed', () => {
    // Prepare
    const { uses } = routeById('alerts.list');
    const environment = testEnvironment({ SENDER_EMAIL: 'not an address', EVENT_BUS_ARN: 'not an arn', FILES_BUCKET: '' });

    // Act
    const config = loadConfigFor(uses, environment);

    // Assess
    expect(config).toMatchObject({ tables: { records: 'lantern-records', audit: 'lantern-audit' }, school: { id: 'castle-mead' } });
    expect(config.senderEmail).toBeUndefined();
    expect(config.eventBusName).toBeUndefined();
    expect(config.filesBucket).toBeUndefined();
    expect(config.reminders).toBeUndefined();
    expect(config.userPool).toBeUndefined();
  });

  it('reads the sign-in configuration for /v1/config without any table or AWS service', () => {
    // Prepare
    const { uses } = routeById('config.read');

    // Act
    const names = variablesFor(uses);
    const config = loadConfigFor(uses, testEnvironment());

    // Assess
    expect(names).toEqual(expect.arrayContaining(['AWS_REGION', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'SCHOOL_ID']));
    expect(names).not.toContain('RECORDS_TABLE');
    expect(names).not.toContain('AUDIT_TABLE');
    expect(config.userPool).toMatchObject({ id: 'eu-west-2_AbCdEf123', clientId: '4l8q2n7c0ajk1example' });
  });

  it('names the Scheduler variables for a function that schedules reminders', () => {
    // Prepare: recording writes a ReminderRequested to the outbox; this consumer schedules it
    const { uses } = eventRuleById('reminder-scheduler');
    const { REMINDER_ROLE_ARN: _role, ...environment } = testEnvironment();

    // Act
    const error = configErrorFrom(() => loadConfigFor(uses, environment));

    // Assess
    expect(error.message).toContain('Missing REMINDER_ROLE_ARN');
  });
});
