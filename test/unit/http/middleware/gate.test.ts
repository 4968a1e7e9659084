import { describe, expect, it } from 'vitest';
import { gate } from '../../../../shared/http/middleware/gate';
import { ElevationRequiredError } from '../../../../shared/errors/lantern-error';
import { apiEvent } from '../../support/api-event';
import { safeguardingLead } from '../../support/callers';
import { given, runSteps } from './route-pipeline';

const origin = { requestId: 'req-gate', sourceIp: '203.0.113.9' };

describe('gate', () => {
  it('lets through a caller the permission table allows on the route', async () => {
    // Prepare
    const lead = safeguardingLead(true);

    // Act
    const { response } = await runSteps([given({ caller: lead, origin }), gate('audit.read')], apiEvent({ method: 'GET', path: '/v1/audit' }));

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a caller the table does not allow, before the route runs', async () => {
    // Prepare
    const lead = safeguardingLead(false);

    // Act
    const attempt = runSteps([given({ caller: lead, origin }), gate('audit.read')], apiEvent({ method: 'GET', path: '/v1/audit' }));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ElevationRequiredError);
  });
});
