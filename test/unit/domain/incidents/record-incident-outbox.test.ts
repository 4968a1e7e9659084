import { describe, expect, it, vi } from 'vitest';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { notifyAlert } from '../../../../shared/domain/notifications/notify-alert';
import { scheduleReminder } from '../../../../shared/domain/notifications/schedule-reminder';
import type { AlertRaisedDetail, ReminderRequestedDetail } from '../../../../shared/domain/events';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const withKey = (idempotencyKey: string) => ({ ...requestOrigin, idempotencyKey });
const alertingWithReminder = () =>
  incidentInput({ alert: { staffIds: [staffOf.designatedLead.id] }, reminder: { at: '2025-01-20T08:00:00Z', note: 'Check in at morning register' } });

describe('recordIncident and its outbox', () => {
  it('writes IncidentRecorded, an AlertRaised per recipient and ReminderRequested in the incident\'s own write', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const result = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-outbox'));

    // Assess
    const [write] = deps.incidents.recorded;
    expect(write?.events.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised', 'ReminderRequested']);
    expect(write?.events.at(-1)?.detail).toEqual({
      reminderId: `${result.incident.id}-reminder`,
      incidentId: result.incident.id,
      ownerId: author.staffId,
      at: '2025-01-20T08:00:00.000Z',
    });
    // Nothing leaves from the request path: the reminder is only requested, never scheduled here.
    expect(deps.reminders.scheduled).toEqual([]);
    expect(JSON.stringify(write?.events)).not.toContain(pupilsOf.subject.givenName);
    expect(JSON.stringify(write?.events)).not.toContain('morning register');
  });

  it('leaves no event when the write fails, and a retry with the same key writes them once', async () => {
    // Prepare
    const deps = schoolDeps();
    vi.spyOn(deps.incidents, 'record').mockRejectedValueOnce(new Error('TransactionCanceledException'));
    await expect(recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'))).rejects.toThrow('TransactionCanceledException');
    expect(deps.incidents.outbox).toEqual([]);

    // Act
    const retry = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'));
    const replay = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'));

    // Assess
    expect(retry.created).toBe(true);
    expect(replay).toMatchObject({ created: false, incident: { id: retry.incident.id } });
    expect(deps.incidents.outbox.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised', 'ReminderRequested']);
  });

  it('lets the consumers act on what the outbox holds exactly once, however often it is delivered', async () => {
    // Prepare
    const deps = schoolDeps();
    await recordIncident(deps, author, alertingWithReminder(), requestOrigin);
    const raised = deps.incidents.outbox.find((event) => event.detailType === 'AlertRaised')!.detail as AlertRaisedDetail;
    const requested = deps.incidents.outbox.find((event) => event.detailType === 'ReminderRequested')!.detail as ReminderRequestedDetail;

    // Act
    const sends = [await notifyAlert(deps, raised), await notifyAlert(deps, raised)];
    const schedules = [await scheduleReminder(deps, requested), await scheduleReminder(deps, requested)];

    // Assess
    expect(sends).toEqual(['sent', 'already-sent']);
    expect(deps.mailer.sent.map((email) => email.to)).toEqual([[staffOf.designatedLead.email]]);
    expect(schedules).toEqual(['scheduled', 'already-scheduled']);
    expect(deps.reminders.scheduled).toEqual([
      { id: requested.reminderId, at: new Date('2025-01-20T08:00:00Z'), detail: { reminderId: requested.reminderId, incidentId: requested.incidentId, ownerId: author.staffId } },
    ]);
  });

  it('schedules a reminder redriven after its time for a minute from now rather than never', async () => {
    // Prepare
    const deps = schoolDeps();
    const now = deps.clock.now();
    const requested: ReminderRequestedDetail = { reminderId: 'r-late', incidentId: 'i-late', ownerId: author.staffId, at: new Date(now.getTime() - 3_600_000).toISOString() };

    // Act
    await scheduleReminder(deps, requested);

    // Assess
    expect(deps.reminders.scheduled[0]?.at).toEqual(new Date(now.getTime() + 60_000));
  });
});
