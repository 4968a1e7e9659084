import { describe, expect, it } from 'vitest';
import { requestContext } from '../../../../shared/http/middleware/request-context';
import { apiEvent, lambdaContext } from '../../support/api-event';
import { recordingLogger } from '../../support/recording-logger';
import { runSteps } from './route-pipeline';

describe('requestContext', () => {
  it('takes API Gateway’s request id and source address, and logs one outcome line carrying them', async () => {
    // Prepare
    const log = recordingLogger();
    const event = apiEvent({ method: 'GET', path: '/v1/me', requestId: 'Kx3vYhQmLPEEMVw=' });

    // Act
    const { state } = await runSteps([requestContext('me.read', log.logger)], event);

    // Assess
    expect(state).toMatchObject({ requestId: 'Kx3vYhQmLPEEMVw=', origin: { requestId: 'Kx3vYhQmLPEEMVw=', sourceIp: event.requestContext.http.sourceIp } });
    expect(log.entries()).toEqual([
      expect.objectContaining({ message: 'request completed', requestId: 'Kx3vYhQmLPEEMVw=', route: 'me.read', status: 200, durationMs: expect.any(Number) }),
    ]);
  });

  it('falls back to Lambda’s request id when the event has none', async () => {
    // Prepare
    const log = recordingLogger();
    const event = apiEvent({ method: 'GET', path: '/v1/me' });
    const withoutId = { ...event, requestContext: { ...event.requestContext, requestId: undefined as unknown as string } };

    // Act
    const { state } = await runSteps([requestContext('me.read', log.logger)], withoutId, lambdaContext('lambda-request-7'));

    // Assess
    expect(state?.requestId).toBe('lambda-request-7');
  });
});
