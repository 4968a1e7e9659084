import { describe, expect, it } from 'vitest';
import { listAlerts } from '../../../../shared/domain/alerts/list-alerts';
import type { Alert } from '../../../../shared/domain/alerts/alert';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';

const alert = (id: string, overrides: Partial<Alert> = {}): Alert => ({
  id,
  recipientId: staffOf.designatedLead.id,
  incidentId: `incident-${id}`,
  kind: 'incident',
  authorId: staffOf.author.id,
  authorName: 'Rukhsana Ahmed',
  categoryNames: ['Behaviour'],
  studentId: pupilsOf.subject.id,
  createdAt: '2025-01-15T10:00:00.000Z',
  ...overrides,
});

describe('listAlerts', () => {
  it('lists the caller’s own alerts newest first, with the pupil’s name resolved', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([
      alert('01JHT0000000000000000000A1'),
      alert('01JHT0000000000000000000A2', { studentId: pupilsOf.classmate.id, kind: 'action', actionId: 'action-1' }),
      alert('01JHT0000000000000000000A3', { recipientId: staffOf.teachingAssistant.id }),
    ]);

    // Act
    const page = await listAlerts(deps, callerFor(staffOf.designatedLead), { unreadOnly: false, limit: 20 }, requestOrigin);

    // Assess
    expect(page).toEqual({
      alerts: [
        {
          id: '01JHT0000000000000000000A2',
          kind: 'action',
          incidentId: 'incident-01JHT0000000000000000000A2',
          actionId: 'action-1',
          author: { id: staffOf.author.id, name: 'Rukhsana Ahmed' },
          categoryNames: ['Behaviour'],
          student: { id: pupilsOf.classmate.id, name: 'Leo Walsh' },
          createdAt: '2025-01-15T10:00:00.000Z',
        },
        expect.objectContaining({ id: '01JHT0000000000000000000A1', student: { id: pupilsOf.subject.id, name: 'Amara Osei' } }),
      ],
    });
  });

  it('filters to unread alerts and pages with a cursor', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([
      alert('01JHT0000000000000000000A1'),
      alert('01JHT0000000000000000000A2', { readAt: '2025-01-15T10:10:00.000Z' }),
      alert('01JHT0000000000000000000A3'),
      alert('01JHT0000000000000000000A4'),
    ]);
    const lead = callerFor(staffOf.designatedLead);

    // Act
    const first = await listAlerts(deps, lead, { unreadOnly: true, limit: 2 }, requestOrigin);
    const second = await listAlerts(deps, lead, { unreadOnly: true, limit: 2, cursor: first.nextCursor }, requestOrigin);

    // Assess
    expect(first.alerts.map((each) => each.id)).toEqual(['01JHT0000000000000000000A4', '01JHT0000000000000000000A3']);
    expect(first.nextCursor).toBeDefined();
    expect(second.alerts.map((each) => each.id)).toEqual(['01JHT0000000000000000000A1']);
    expect(second).not.toHaveProperty('nextCursor');
  });

  it('says "Unknown pupil" when the pupil has gone from the directory', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([alert('01JHT0000000000000000000A1', { studentId: 'student-gone' })]);

    // Act
    const page = await listAlerts(deps, callerFor(staffOf.designatedLead), { unreadOnly: false, limit: 20 }, requestOrigin);

    // Assess
    expect(page.alerts[0]!.student).toEqual({ id: 'student-gone', name: 'Unknown pupil' });
  });

  it('audits the list before answering: it shows pupils’ names', async () => {
    // Prepare
    const deps = schoolDeps();
    deps.alerts.add([
      alert('01JHT0000000000000000000A1'),
      alert('01JHT0000000000000000000A2', { studentId: pupilsOf.classmate.id }),
      alert('01JHT0000000000000000000A3'),
    ]);
    const lead = callerFor(staffOf.designatedLead);

    // Act
    await listAlerts(deps, lead, { unreadOnly: false, limit: 20 }, requestOrigin);

    // Assess
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'alert.list',
        outcome: 'allowed',
        recordType: 'alert',
        recordId: staffOf.designatedLead.id,
        staffId: staffOf.designatedLead.id,
        requestId: requestOrigin.requestId,
        sourceIp: requestOrigin.sourceIp,
        // The pupils shown, each once, in the order shown (newest alert first).
        studentIds: [pupilsOf.subject.id, pupilsOf.classmate.id],
      }),
    ]);
  });
});
