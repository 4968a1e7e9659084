import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredEnvironment, handlerEnvironment, usesByEntry } from '../../../local/handler-environment';
import { createHandlerModules } from '../../../local/handler-modules';
import { routeById } from '../../../shared/api/routes';
import { loadConfigFor } from '../../../shared/config/load-config';
import { lambdaContext } from '../support/api-event';

const facts = {
  apiUrl: 'http://127.0.0.1:3000',
  region: 'eu-west-2',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  school: { id: 'oakfield-primary', name: 'Oakfield Primary School' },
  dynamodb: { endpoint: 'http://127.0.0.1:8000', recordsTable: 'lantern-records', auditTable: 'lantern-audit' },
  s3: { endpoint: 'http://127.0.0.1:4569', bucket: 'lantern-files' },
  emails: { endpoint: 'http://127.0.0.1:8005' },
  events: { endpoint: 'http://127.0.0.1:8010', busName: 'lantern' },
  scheduler: { endpoint: 'http://127.0.0.1:8011', scheduleGroup: 'lantern-reminders' },
  cognito: { endpoint: 'http://127.0.0.1:9229', userPoolId: 'local_pool', clientId: 'client', issuer: 'http://127.0.0.1:9229/local_pool', jwksUrl: 'http://127.0.0.1:9229/local_pool/.well-known/jwks.json' },
} as unknown as Parameters<typeof handlerEnvironment>[0];

describe('the local twin gives each handler only its declared variables', () => {
  it('gives /health its log level only, and alerts.list its tables, school, region and credentials', () => {
    // Prepare
    const complete = handlerEnvironment(facts, { logLevel: 'warn', cursorKey: 'local-cursor-key-for-the-declared-environment-test' });

    // Act
    const health = declaredEnvironment(complete, routeById('health.read').uses);
    const alerts = declaredEnvironment(complete, routeById('alerts.list').uses);

    // Assess
    expect(health).toEqual({ LOG_LEVEL: 'warn' });
    expect(Object.keys(alerts).sort()).toEqual(
      ['APP_BASE_URL', 'AUDIT_TABLE', 'AWS_ACCESS_KEY_ID', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'CURSOR_KEY', 'DYNAMODB_ENDPOINT', 'LOG_LEVEL', 'RECORDS_TABLE', 'SCHOOL_ID', 'SCHOOL_NAME', 'SCHOOL_TIMEZONE'].sort(),
    );
    expect(() => loadConfigFor(routeById('alerts.list').uses, alerts)).not.toThrow();
  });

  it('knows the declaration of every catalogue entry', () => {
    // Assess
    expect(usesByEntry.get('functions/api/alerts/list.ts')).toEqual(['records', 'audit', 'school']);
    expect(usesByEntry.get('functions/cognito/pre-authentication.ts')).toEqual(['audit']);
  });

  it('imports each handler inside its own environment, even when two cold starts are asked at once', async () => {
    // Prepare
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    const modules = createHandlerModules({
      root: fixtures,
      environmentFor: (entry) => ({ WHO: entry }),
    });

    // Act
    const [first, second] = await Promise.all([
      modules.load<unknown, Record<string, string>>('environment-reporter.ts'),
      modules.load<unknown, Record<string, string>>('other-environment-reporter.ts'),
    ]);

    // Assess
    expect(await first(undefined, lambdaContext())).toEqual({ WHO: 'environment-reporter.ts' });
    expect(await second(undefined, lambdaContext())).toEqual({ WHO: 'other-environment-reporter.ts' });
  });
});
