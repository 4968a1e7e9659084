import { describe, expect, it } from 'vitest';
import { markAlert } from '../../../../shared/domain/alerts/mark-alert';
import type { Alert } from '../../../../shared/domain/alerts/alert';
import { NotFoundError } from '../../../../shared/errors/lantern-error';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { throughRefusalSeam } from '../../support/refusal-seam';

const leadsAlert: Alert = {
  id: '01JHT0000000000000000000A1',
  recipientId: staffOf.designatedLead.id,
  incidentId: '01JHT0000000000000000000I1',
  kind: 'incident',
  authorId: staffOf.author.id,
  authorName: 'Rukhsana Ahmed',
  categoryNames: ['Safeguarding'],
  studentId: pupilsOf.subject.id,
  createdAt: '2025-01-15T09:00:00.000Z',
};
const lead = callerFor(staffOf.designatedLead);

describe('markAlert', () => {
  it('marks an alert read at the current time and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([leadsAlert]);

    // Act
    const view = await markAlert(deps, lead, leadsAlert.id, 'read', requestOrigin);

    // Assess
    expect(view).toMatchObject({ id: leadsAlert.id, readAt: '2025-01-15T10:00:00.000Z', student: { name: 'Amara Osei' } });
    expect(view).not.toHaveProperty('acknowledgedAt');
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'alert.read', outcome: 'allowed', recordType: 'alert', recordId: leadsAlert.id, studentIds: [pupilsOf.subject.id] }),
    ]);
  });

  it('keeps the first reading time when the alert is acknowledged later', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([leadsAlert]);
    await markAlert(deps, lead, leadsAlert.id, 'read', requestOrigin);
    deps.clock.advanceMinutes(45);

    // Act
    const view = await markAlert(deps, lead, leadsAlert.id, 'acknowledged', requestOrigin);

    // Assess
    expect(view).toMatchObject({ readAt: '2025-01-15T10:00:00.000Z', acknowledgedAt: '2025-01-15T10:45:00.000Z' });
    expect(deps.audit.events.map((event) => event.action)).toEqual(['alert.read', 'alert.acknowledge']);
  });

  it('acknowledging an unread alert reads it at the same moment', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([leadsAlert]);

    // Act
    const view = await markAlert(deps, lead, leadsAlert.id, 'acknowledged', requestOrigin);

    // Assess
    expect(view).toMatchObject({ readAt: '2025-01-15T10:00:00.000Z', acknowledgedAt: '2025-01-15T10:00:00.000Z' });
  });

  it('tells someone else the alert is not there, audits the refusal and changes nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([leadsAlert]);

    // Act
    const attempt = throughRefusalSeam(deps, callerFor(staffOf.unrelatedTeacher), markAlert(deps, callerFor(staffOf.unrelatedTeacher), leadsAlert.id, 'read', requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.alerts.alerts.get(leadsAlert.id)!.readAt).toBeUndefined();
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'alert.read', outcome: 'refused', reason: 'not_found', recordId: leadsAlert.id, staffId: staffOf.unrelatedTeacher.id }),
    ]);
  });
});
