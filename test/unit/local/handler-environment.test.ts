import { describe, expect, it } from 'vitest';
import { handlerEnvironment } from '../../../local/handler-environment';
import type { LocalFacts } from '../../../local/local-facts';
import { loadConfig, requiredVariablesFor } from '../../../shared/config/load-config';
import { allUses } from '../../../shared/deps/uses';

const facts: Omit<LocalFacts, 'users' | 'dataDir'> = {
  apiUrl: 'http://127.0.0.1:3000',
  region: 'eu-west-2',
  school: { id: 'oakfield-primary', name: 'Oakfield Primary School' },
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  cognito: {
    endpoint: 'http://127.0.0.1:9229',
    userPoolId: 'local_AbCd1234',
    clientId: 'client123',
    issuer: 'http://127.0.0.1:9229/local_AbCd1234',
    jwksUrl: 'http://127.0.0.1:9229/local_AbCd1234/.well-known/jwks.json',
    tokenUrl: 'http://127.0.0.1:9229/oauth2/token',
  },
  partners: [],
  emails: { endpoint: 'http://127.0.0.1:8005', url: 'http://127.0.0.1:8005/', storeUrl: 'http://127.0.0.1:8005/store' },
  events: {
    endpoint: 'http://127.0.0.1:4010',
    busName: 'lantern',
    eventsUrl: 'http://127.0.0.1:4010/events',
    deadLettersUrl: 'http://127.0.0.1:4010/dead-letters',
    idleUrl: 'http://127.0.0.1:4010/idle',
  },
  dynamodb: { endpoint: 'http://127.0.0.1:8000', recordsTable: 'lantern-records', auditTable: 'lantern-audit' },
  s3: { endpoint: 'http://127.0.0.1:4568', bucket: 'lantern-files' },
  scheduler: { endpoint: 'http://127.0.0.1:4020', scheduleGroup: 'lantern-reminders' },
};

describe('handlerEnvironment', () => {
  it('sets every variable the handlers require at cold start, so loadConfig accepts it', () => {
    // Act
    const environment = handlerEnvironment(facts, { logLevel: 'warn', cursorKey: 'local-test-cursor-key-0123456789abcdef' });

    // Assess
    expect(requiredVariablesFor(allUses).filter((name) => !environment[name])).toEqual([]);
    expect(() => loadConfig(environment)).not.toThrow();
  });

  it('points every adapter at its stand-in and the front end at the local Cognito', () => {
    // Act
    const config = loadConfig(handlerEnvironment(facts, { logLevel: 'warn', cursorKey: 'local-test-cursor-key-0123456789abcdef' }));

    // Assess
    expect(config.endpoints).toMatchObject({
      dynamodb: facts.dynamodb.endpoint,
      s3: facts.s3.endpoint,
      ses: facts.emails.endpoint,
      cognito: facts.cognito.endpoint,
      eventbridge: facts.events.endpoint,
      scheduler: facts.scheduler.endpoint,
    });
    expect(config.userPool).toEqual({ id: 'local_AbCd1234', clientId: 'client123', publicEndpoint: facts.cognito.endpoint });
    expect(config.school).toEqual({ id: 'oakfield-primary', name: 'Oakfield Primary School', timezone: 'Europe/London' });
    expect(config.appBaseUrl).toBe('http://127.0.0.1:3000');
  });

  it('names a reminder dead-letter queue in the local account, which the local Scheduler ignores', () => {
    // Act
    const config = loadConfig(handlerEnvironment(facts, { logLevel: 'warn', cursorKey: 'local-test-cursor-key-0123456789abcdef' }));

    // Assess
    expect(config.reminders.deadLetterQueueArn).toBe('arn:aws:sqs:eu-west-2:000000000000:lantern-reminders-dlq');
  });
});
