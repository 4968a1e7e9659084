import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requiredVariablesFor } from '../../../shared/config/load-config';
import { allUses } from '../../../shared/deps/uses';
import { testEnvironment } from '../support/test-config';

/** Names of the variables some function requires: the union over every use. */
const requiredEnvironmentNames = requiredVariablesFor(allUses);

function configErrorFrom(environment: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('turns a complete environment into typed config', () => {
    // Prepare
    const environment = testEnvironment({ ELEVATION_WINDOW_MINUTES: '15', LOG_LEVEL: 'debug' });

    // Act
    const config = loadConfig(environment);

    // Assess
    expect(config).toMatchObject({
      region: 'eu-west-2',
      school: { id: 'castle-mead', name: 'Castle Mead Primary School', timezone: 'Europe/London' },
      appBaseUrl: 'https://lantern.castlemead.example.sch.uk',
      tables: { records: 'lantern-records', audit: 'lantern-audit' },
      filesBucket: 'lantern-files-castle-mead',
      eventBusName: 'lantern-events',
      reminders: {
        scheduleGroup: 'lantern-reminders',
        roleArn: 'arn:aws:iam::123456789012:role/lantern-reminder-scheduler',
        eventBusArn: 'arn:aws:events:eu-west-2:123456789012:event-bus/lantern-events',
      },
      userPool: { id: 'eu-west-2_AbCdEf123', clientId: '4l8q2n7c0ajk1example', publicEndpoint: undefined },
      senderEmail: 'lantern@castlemead.example.sch.uk',
      elevationWindowMinutes: 15,
      logLevel: 'debug',
      endpoints: { dynamodb: undefined, s3: undefined, ses: undefined, cognito: undefined, eventbridge: undefined, scheduler: undefined },
    });
  });

  it('defaults the elevation window to 30 minutes and the log level to info', () => {
    // Prepare
    const environment = testEnvironment();

    // Act
    const config = loadConfig(environment);

    // Assess
    expect(config.elevationWindowMinutes).toBe(30);
    expect(config.logLevel).toBe('info');
  });

  it('reads the endpoint overrides a local twin sets', () => {
    // Prepare
    const environment = testEnvironment({
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      S3_ENDPOINT: 'http://127.0.0.1:4569',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
      COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      EVENTBRIDGE_ENDPOINT: 'http://127.0.0.1:4010',
      SCHEDULER_ENDPOINT: 'http://127.0.0.1:4011',
      PUBLIC_COGNITO_ENDPOINT: 'http://localhost:9229',
    });

    // Act
    const config = loadConfig(environment);

    // Assess
    expect(config.endpoints).toEqual({
      dynamodb: 'http://127.0.0.1:8000',
      s3: 'http://127.0.0.1:4569',
      ses: 'http://127.0.0.1:8005',
      cognito: 'http://127.0.0.1:9229',
      eventbridge: 'http://127.0.0.1:4010',
      scheduler: 'http://127.0.0.1:4011',
    });
    expect(config.userPool.publicEndpoint).toBe('http://localhost:9229');
  });

  it('names a missing variable', () => {
    // Prepare
    const { RECORDS_TABLE: _omitted, ...environment } = testEnvironment();

    // Act
    const error = configErrorFrom(environment);

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('Missing RECORDS_TABLE');
  });

  it('treats an empty variable as missing', () => {
    // Prepare
    const environment = testEnvironment({ FILES_BUCKET: '' });

    // Act
    const error = configErrorFrom(environment);

    // Assess
    expect(error.message).toContain('Missing FILES_BUCKET');
  });

  it('names every missing variable at once', () => {
    // Prepare
    const { AUDIT_TABLE: _audit, EVENT_BUS_NAME: _bus, USER_POOL_ID: _pool, ...environment } = testEnvironment();

    // Act
    const error = configErrorFrom(environment);

    // Assess
    expect(error.message).toContain('Missing AUDIT_TABLE');
    expect(error.message).toContain('Missing EVENT_BUS_NAME');
    expect(error.message).toContain('Missing USER_POOL_ID');
    expect(error.message).not.toContain('RECORDS_TABLE');
  });

  it('names every required variable when the environment is empty', () => {
    // Prepare
    const environment: NodeJS.ProcessEnv = {};

    // Act
    const error = configErrorFrom(environment);

    // Assess
    for (const name of requiredEnvironmentNames) expect(error.message).toContain(`Missing ${name}`);
  });

  it.each([
    ['APP_BASE_URL', 'lantern.castlemead'],
    ['SENDER_EMAIL', 'lantern at castlemead'],
    ['DYNAMODB_ENDPOINT', 'localhost 8000'],
    ['SCHOOL_ID', 'Castle Mead'],
    ['ELEVATION_WINDOW_MINUTES', 'half an hour'],
    ['LOG_LEVEL', 'verbose'],
    ['EVENT_BUS_ARN', 'lantern-events'],
  ])('refuses an invalid %s', (name, value) => {
    // Prepare
    const environment = testEnvironment({ [name]: value });

    // Act
    const error = configErrorFrom(environment);

    // Assess
    expect(error.message).toContain(`Invalid ${name}`);
    expect(error.message).not.toContain('Missing');
  });

  it('refuses a time zone that is not an IANA zone', () => {
    // Prepare
    const environment = testEnvironment({ SCHOOL_TIMEZONE: 'Europe/Trowbridge' });

    // Act
    const error = configErrorFrom(environment);

    // Assess
    expect(error.message).toContain('Invalid SCHOOL_TIMEZONE');
  });

  it('lists the required variables, and not the optional or defaulted ones', () => {
    // Prepare
    const optional = ['ELEVATION_WINDOW_MINUTES', 'LOG_LEVEL', 'DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'PUBLIC_COGNITO_ENDPOINT'];

    // Act
    const required = requiredVariablesFor(allUses);

    // Assess
    expect(required).toEqual(expect.arrayContaining(['AWS_REGION', 'SCHOOL_ID', 'RECORDS_TABLE', 'SENDER_EMAIL', 'USER_POOL_CLIENT_ID']));
    for (const name of optional) expect(required).not.toContain(name);
  });
});
