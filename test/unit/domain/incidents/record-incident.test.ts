import { describe, expect, it } from 'vitest';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { ValidationError } from '../../../../shared/errors/lantern-error';
import { schoolDeps } from '../../support/school-deps';
import { alertGroupsOf, callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const mark = { side: 'front' as const, x: 0.4, y: 0.3, description: 'Red graze, about 3 cm, left elbow' };

/** A lunchtime concern with a linked pupil, a body map, and alerts to people and groups. */
const lunchtimeConcern = () =>
  incidentInput({
    occurredAt: '2025-01-14T12:20:00Z',
    linkedStudents: [{ studentId: pupilsOf.classmate.id, role: 'alleged_perpetrator' }],
    location: 'Playground',
    bodyMap: [mark, { ...mark, side: 'back', x: 0.5, y: 0.6, description: 'Bruise, yellowing, lower back' }],
    assignedTo: [staffOf.designatedLead.id],
    alert: {
      // The author alerting themselves, and the TA named and in a group, must not double up.
      staffIds: [staffOf.teachingAssistant.id, staffOf.author.id],
      groupIds: [alertGroupsOf.seniorLeadership.id, alertGroupsOf.yearFourTeam.id],
    },
    agencies: ['Early Help'],
  });

describe('recordIncident', () => {
  it('writes the incident, its alerts, the audit event and the idempotency record as ONE write', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const result = await recordIncident(deps, author, lunchtimeConcern(), { ...requestOrigin, idempotencyKey: 'retry-7c1e' });

    // Assess
    expect(deps.incidents.recorded).toHaveLength(1);
    const write = deps.incidents.recorded[0]!;
    expect(result).toMatchObject({ created: true, incident: { id: write.incident.id } });
    expect(write.incident).toMatchObject({
      studentId: pupilsOf.subject.id,
      authorId: staffOf.author.id,
      occurredAt: '2025-01-14T12:20:00.000Z',
      recordedAt: '2025-01-15T10:00:00.000Z',
      status: 'active',
      version: 1,
    });
    expect(write.idempotency).toEqual({
      callerId: staffOf.author.id,
      key: 'retry-7c1e',
      requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      incidentId: write.incident.id,
      expiresAt: '2025-01-16T10:00:00.000Z',
      // So a replay can publish the alerts again.
      alerts: write.alerts.map((alert) => ({ recipientId: alert.recipientId, alertId: alert.id })),
    });
    expect(write.idempotency!.alerts).toHaveLength(3);
    expect(write.audit).toMatchObject({ action: 'incident.create', outcome: 'allowed', recordType: 'incident', recordId: write.incident.id, studentIds: [pupilsOf.subject.id, pupilsOf.classmate.id], staffId: staffOf.author.id });
    expect(deps.audit.events).toEqual([write.audit]);
  });

  it('leaves out the idempotency record when no key was given', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await recordIncident(deps, author, lunchtimeConcern(), requestOrigin);

    // Assess
    expect(deps.incidents.recorded).toHaveLength(1);
    expect(deps.incidents.recorded[0]!.idempotency).toBeUndefined();
  });

  it('numbers body-map marks in the order drawn and derives day and session at the school', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await recordIncident(deps, author, lunchtimeConcern(), requestOrigin);

    // Assess
    const { incident } = deps.incidents.recorded[0]!;
    expect(incident.bodyMap.map((each) => [each.number, each.side, each.description])).toEqual([
      [1, 'front', 'Red graze, about 3 cm, left elbow'],
      [2, 'back', 'Bruise, yellowing, lower back'],
    ]);
    expect([incident.dayOfWeek, incident.session]).toEqual(['Tuesday', 'lunch']);
  });

  it('alerts each recipient once: groups expanded, the author and disabled accounts left out', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await recordIncident(deps, author, lunchtimeConcern(), requestOrigin);

    // Assess
    const write = deps.incidents.recorded[0]!;
    const recipients = write.alerts.map((alert) => alert.recipientId);
    expect([...recipients].sort()).toEqual([staffOf.designatedLead.id, staffOf.teachingAssistant.id, staffOf.deputyHead.id].sort());
    expect(write.incident.alertedStaffIds).toEqual(recipients);
    expect(write.alerts[0]).toMatchObject({ kind: 'incident', incidentId: write.incident.id, authorName: 'Rukhsana Ahmed', categoryNames: ['Behaviour'] });
    expect(new Set(write.alerts.map((alert) => alert.id)).size).toBe(3);
  });

  it('writes IncidentRecorded and one AlertRaised per alert to the outbox, none carrying the pupil or the text', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await recordIncident(deps, author, lunchtimeConcern(), requestOrigin);

    // Assess
    const write = deps.incidents.recorded[0]!;
    expect(deps.incidents.outbox.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised', 'AlertRaised', 'AlertRaised']);
    expect(deps.incidents.outbox[0]!.detail).toEqual({
      incidentId: write.incident.id,
      authorId: staffOf.author.id,
      categoryIds: ['behaviour'],
      occurredAt: '2025-01-14T12:20:00.000Z',
    });
    const published = JSON.stringify(deps.incidents.outbox);
    for (const secret of ['Amara', 'Osei', 'Leo', 'Walsh', 'pushed me', 'graze', pupilsOf.subject.id]) expect(published).not.toContain(secret);
  });

  it('returns the incident as its author sees it, names resolved', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const { incident } = await recordIncident(deps, author, lunchtimeConcern(), requestOrigin);

    // Assess
    expect(incident.student).toEqual({ id: pupilsOf.subject.id, name: 'Amara Osei', yearGroup: 'Year 4', className: '4 Oak' });
    expect(incident.linkedStudents).toEqual([{ id: pupilsOf.classmate.id, name: 'Leo Walsh', role: 'alleged_perpetrator' }]);
    expect(incident.assignedTo).toEqual([{ id: staffOf.designatedLead.id, name: 'Daniel Okafor' }]);
    expect(incident.alerted.groups.map((group) => group.name)).toEqual(['Senior leadership', 'Year 4 team']);
    expect(incident.actions).toEqual([]);
  });

  it('requests the planner reminder for its author, by ids only: the note stays on the incident', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ reminder: { at: '2025-01-20T08:00:00Z', note: 'Check in at morning register' } });

    // Act
    const { incident } = await recordIncident(deps, author, input, requestOrigin);

    // Assess
    const requested = deps.incidents.outbox.filter((event) => event.detailType === 'ReminderRequested');
    expect(requested.map((event) => event.detail)).toEqual([
      { reminderId: `${incident.id}-reminder`, incidentId: incident.id, ownerId: staffOf.author.id, at: '2025-01-20T08:00:00.000Z' },
    ]);
    expect(JSON.stringify(deps.incidents.outbox)).not.toContain('morning register');
    expect(incident.reminder).toEqual({ at: '2025-01-20T08:00:00.000Z', note: 'Check in at morning register' });
  });

  it('requests no reminder when there is none', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await recordIncident(deps, author, incidentInput(), requestOrigin);

    // Assess
    expect(deps.incidents.outbox.map((event) => event.detailType)).not.toContain('ReminderRequested');
  });

  it('refuses a reminder in the past, writing and scheduling nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ reminder: { at: '2025-01-15T09:59:00Z', note: '' } });

    // Act
    const attempt = recordIncident(deps, author, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'reminder.at' }] });
    expect(deps.incidents.recorded).toEqual([]);
    expect(deps.reminders.scheduled).toEqual([]);
    expect(deps.incidents.outbox).toEqual([]);
  });

  it('refuses an occurredAt in the future before writing anything', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ occurredAt: '2025-01-15T11:00:00Z' });

    // Act
    const attempt = recordIncident(deps, author, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'occurredAt' }] });
    expect(deps.incidents.recorded).toEqual([]);
  });
});

describe('recordIncident reads', () => {
  it('asks for everything a create reads at once, before any answer comes back', async () => {
    // Prepare
    const deps = schoolDeps();
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holding = <T>(name: string, read: () => Promise<T>) => async () => {
      started.push(name);
      await gate;
      return read();
    };
    deps.schoolProfile.get = holding('school profile', deps.schoolProfile.get.bind(deps.schoolProfile));
    deps.categories.list = holding('categories', deps.categories.list.bind(deps.categories));
    deps.alertGroups.list = holding('alert groups', deps.alertGroups.list.bind(deps.alertGroups));
    deps.staff.list = holding('staff', deps.staff.list.bind(deps.staff));
    const getMany = deps.students.getMany.bind(deps.students);
    deps.students.getMany = async (ids) => {
      started.push('pupils');
      await gate;
      return getMany(ids);
    };
    const findIdempotency = deps.incidents.findIdempotency.bind(deps.incidents);
    deps.incidents.findIdempotency = async (callerId, key) => {
      started.push('idempotency');
      await gate;
      return findIdempotency(callerId, key);
    };

    // Act
    const recording = recordIncident(deps, author, lunchtimeConcern(), { ...requestOrigin, idempotencyKey: 'retry-parallel-1' });
    await new Promise((resolve) => setImmediate(resolve));
    const startedBeforeAnyAnswer = [...started];
    release();
    await recording;

    // Assess
    expect(startedBeforeAnyAnswer.sort()).toEqual(['alert groups', 'categories', 'idempotency', 'pupils', 'school profile', 'staff']);
    expect(deps.incidents.recorded).toHaveLength(1);
  });
});
