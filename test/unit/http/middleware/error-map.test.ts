import { describe, expect, it } from 'vitest';
import { errorMap } from '../../../../shared/http/middleware/error-map';
import { requestContext } from '../../../../shared/http/middleware/request-context';
import type { RouteStep } from '../../../../shared/http/middleware/route-state';
import { ElevationRequiredError } from '../../../../shared/errors/lantern-error';
import { INTERNAL_ERROR_MESSAGE } from '../../../../shared/http/error-response';
import { apiEvent } from '../../support/api-event';
import { recordingLogger } from '../../support/recording-logger';
import { runSteps } from './route-pipeline';

const throwing = (error: unknown): RouteStep => ({ before: () => Promise.reject(error) });

describe('errorMap', () => {
  it('answers a typed error thrown by a later step through the one error map', async () => {
    // Prepare
    const log = recordingLogger();
    const steps = [requestContext('audit.read', log.logger), errorMap(log.logger), throwing(new ElevationRequiredError('Sign in with your authenticator again.'))];

    // Act
    const { response } = await runSteps(steps, apiEvent({ method: 'GET', path: '/v1/audit', requestId: 'req-403' }));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body as string)).toEqual({ error: 'elevation_required', message: 'Sign in with your authenticator again.', requestId: 'req-403' });
    expect(log.entries().map((entry) => [entry.message, entry.status])).toEqual([
      ['request refused', 403],
      ['request completed', 403],
    ]);
  });

  it('answers anything else with the generic 500 and the request id, and nothing more', async () => {
    // Prepare
    const log = recordingLogger();
    const steps = [requestContext('audit.read', log.logger), errorMap(log.logger), throwing(new TypeError('Amelia Hart has no class'))];

    // Act
    const { response } = await runSteps(steps, apiEvent({ method: 'GET', path: '/v1/audit', requestId: 'req-500' }));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body as string)).toEqual({ error: 'internal_error', message: INTERNAL_ERROR_MESSAGE, requestId: 'req-500' });
    expect(log.lines.join('\n')).not.toContain('Amelia');
  });
});
