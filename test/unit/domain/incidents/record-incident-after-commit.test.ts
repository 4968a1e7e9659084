import { describe, expect, it, vi } from 'vitest';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { notifyAlert } from '../../../../shared/domain/notifications/notify-alert';
import type { AlertRaisedDetail } from '../../../../shared/domain/events';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const withKey = (idempotencyKey: string) => ({ ...requestOrigin, idempotencyKey });
const alertingWithReminder = () =>
  incidentInput({ alert: { staffIds: [staffOf.designatedLead.id] }, reminder: { at: '2025-01-20T08:00:00Z', note: 'Check in at morning register' } });

describe('recordIncident when a step after the commit fails', () => {
  it('still answers with the saved incident when publishing fails, logging ids only', async () => {
    // Prepare
    const deps = schoolDeps();
    vi.spyOn(deps.events, 'publish').mockRejectedValueOnce(new Error('PutEvents throttled for Amara Osei'));

    // Act
    const result = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'));

    // Assess
    expect(result).toMatchObject({ created: true, incident: { id: deps.incidents.recorded[0]!.incident.id } });
    expect(deps.reminders.scheduled).toHaveLength(1);
    const failures = deps.logLines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'error');
    expect(failures).toEqual([expect.objectContaining({ incidentId: result.incident.id, error: expect.objectContaining({ name: 'Error' }) })]);
    expect(deps.logLines.join('\n')).not.toContain('Amara');
  });

  it('still answers with the saved incident when scheduling the reminder fails, its events published', async () => {
    // Prepare
    const deps = schoolDeps();
    vi.spyOn(deps.reminders, 'schedule').mockRejectedValueOnce(new Error('ServiceQuotaExceededException'));

    // Act
    const result = await recordIncident(deps, author, alertingWithReminder(), requestOrigin);

    // Assess
    expect(result.created).toBe(true);
    expect(deps.events.published.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised']);
    expect(deps.logLines.some((line) => line.includes('"level":"error"') && line.includes(result.incident.id))).toBe(true);
  });

  it('publishes the alerts on a retry with the same key, so the email the first attempt lost goes out', async () => {
    // Prepare
    const deps = schoolDeps();
    vi.spyOn(deps.events, 'publish').mockRejectedValueOnce(new Error('PutEvents unavailable'));
    const first = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'));

    // Act
    const retry = await recordIncident(deps, author, alertingWithReminder(), withKey('c9e2-flaky'));

    // Assess
    expect(retry).toMatchObject({ created: false, incident: { id: first.incident.id } });
    // The first attempt published nothing; the retry publishes the lot.
    expect(deps.events.published.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised']);
    const raised = deps.events.published[1]!.detail as AlertRaisedDetail;
    expect(raised).toMatchObject({ recipientId: staffOf.designatedLead.id, incidentId: first.incident.id, alertId: deps.incidents.recorded[0]!.alerts[0]!.id });
    await expect(notifyAlert(deps, raised)).resolves.toBe('sent');
    expect(deps.mailer.sent.map((email) => email.to)).toEqual([[staffOf.designatedLead.email]]);
    // Only the first attempt schedules the reminder.
    expect(deps.reminders.scheduled).toHaveLength(1);
    expect(deps.incidents.recorded).toHaveLength(1);
    expect(JSON.stringify(deps.events.published)).not.toContain(pupilsOf.subject.givenName);
  });
});
