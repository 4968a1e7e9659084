import { describe, expect, it } from 'vitest';
import { auditRefusals } from '../../../../shared/http/middleware/audit-refusals';
import { errorMap } from '../../../../shared/http/middleware/error-map';
import type { RouteStep } from '../../../../shared/http/middleware/route-state';
import { refusingAbout } from '../../../../shared/domain/audit/audit-context';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../shared/errors/lantern-error';
import { fakeDeps } from '../../support/fake-deps';
import { apiEvent } from '../../support/api-event';
import { safeguardingLead } from '../../support/callers';
import { recordingLogger } from '../../support/recording-logger';
import { given, runSteps } from './route-pipeline';

const origin = { requestId: 'req-refusal', sourceIp: '203.0.113.9' };
const throwing = (error: () => unknown): RouteStep => ({ before: () => Promise.reject(error()) });
const incidentEvent = () => apiEvent({ method: 'GET', path: '/v1/incidents/incident-7', pathParameters: { id: 'incident-7' } });

describe('auditRefusals', () => {
  it('audits a refusal decided after it against the route and the record in the path, before the answer', async () => {
    // Prepare
    const deps = fakeDeps();
    const lead = safeguardingLead(true);
    const steps = [errorMap(recordingLogger().logger), given({ caller: lead, origin }), auditRefusals('incidents.read', deps), throwing(() => new ForbiddenError('Not yours.'))];

    // Act
    const { response } = await runSteps(steps, incidentEvent());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ staffId: lead.staffId, action: 'incidents.read', recordType: 'route', recordId: 'incident-7', outcome: 'refused', reason: 'forbidden', requestId: 'req-refusal' }),
    ]);
  });

  it('audits a refusal the domain made against what the domain said it was about, with its pupils', async () => {
    // Prepare
    const deps = fakeDeps();
    const lead = safeguardingLead(true);
    const subject = { action: 'incident.read', recordType: 'incident' as const, recordId: 'incident-7', studentIds: ['student-ava'] };
    const refusing = throwing(() => {
      try {
        return refusingAbout(subject, () => {
          throw new NotFoundError('No such incident.');
        });
      } catch (error) {
        return error;
      }
    });

    // Act
    const { response } = await runSteps([errorMap(recordingLogger().logger), given({ caller: lead, origin }), auditRefusals('incidents.read', deps), refusing], incidentEvent());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'incident.read', recordType: 'incident', recordId: 'incident-7', studentIds: ['student-ava'], reason: 'not_found' })]);
  });

  it('audits nothing for a mistyped field, which is not an attempt on a record', async () => {
    // Prepare
    const deps = fakeDeps();
    const steps = [errorMap(recordingLogger().logger), given({ caller: safeguardingLead(true), origin }), auditRefusals('incidents.read', deps), throwing(() => ValidationError.forField('id', 'is required'))];

    // Act
    const { response } = await runSteps(steps, incidentEvent());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(deps.audit.events).toEqual([]);
  });

  it('fails the request with the generic 500 when the refusal cannot be audited', async () => {
    // Prepare
    const deps = fakeDeps();
    deps.audit.record = () => Promise.reject(new Error('audit table unavailable'));
    const steps = [errorMap(recordingLogger().logger), given({ caller: safeguardingLead(true), origin }), auditRefusals('incidents.read', deps), throwing(() => new ForbiddenError('Not yours.'))];

    // Act
    const { response } = await runSteps(steps, incidentEvent());

    // Assess
    expect(response.statusCode).toBe(500);
  });
});
