import { describe, expect, it, vi } from 'vitest';
import { NotificationHeldError, notifyAlert, sendReminder } from '../../../shared/domain/notifications/notify-alert';
import { scheduleReminder } from '../../../shared/domain/notifications/schedule-reminder';
import type { ReminderRequestedDetail } from '../../../shared/domain/events';
import { recordIncident } from '../../../shared/domain/incidents/record-incident';
import type { AlertRaisedDetail } from '../../../shared/domain/events';
import type { ReminderDueDetail } from '../../../shared/domain/ports';
import { schoolDeps, type SchoolDeps } from '../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../support/school-cast';
import { incidentInput } from '../support/incident-input';

/** The AlertRaised details a real submission publishes, alerting the DSL. */
async function alertsRaised(deps: SchoolDeps): Promise<AlertRaisedDetail[]> {
  await recordIncident(
    deps,
    callerFor(staffOf.author),
    incidentInput({ categories: [{ categoryId: 'behaviour' }, { categoryId: 'safeguarding' }], alert: { staffIds: [staffOf.designatedLead.id] } }),
    requestOrigin,
  );
  return deps.incidents.outbox.filter((event) => event.detailType === 'AlertRaised').map((event) => event.detail as AlertRaisedDetail);
}

/**
 * The ReminderDue detail a real submission leads to: its ReminderRequested, from the outbox,
 * scheduled by the scheduling consumer; the author's note stays on the incident.
 */
async function reminderScheduled(deps: SchoolDeps): Promise<ReminderDueDetail> {
  await recordIncident(deps, callerFor(staffOf.author), incidentInput({ reminder: { at: '2025-01-20T08:00:00Z', note: 'Check in at register' } }), requestOrigin);
  const requested = deps.incidents.outbox.find((event) => event.detailType === 'ReminderRequested')!;
  await scheduleReminder(deps, requested.detail as ReminderRequestedDetail);
  return deps.reminders.scheduled[0]!.detail;
}

describe('notifyAlert', () => {
  it('emails the recipient naming the author and categories, never the pupil or the text', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(outcome).toBe('sent');
    expect(deps.mailer.sent).toHaveLength(1);
    const email = deps.mailer.sent[0]!;
    expect(email.to).toEqual([staffOf.designatedLead.email]);
    expect(email.text).toContain('Rukhsana Ahmed');
    expect(email.text).toContain('Behaviour, Safeguarding');
    expect(email.text).toContain(`https://lantern.castlemead.example.sch.uk/incidents/${detail!.incidentId}`);
    const everything = `${email.subject}\n${email.text}`;
    for (const secret of [pupilsOf.subject.givenName, pupilsOf.subject.familyName, 'pushed me', 'graze']) expect(everything).not.toContain(secret);
  });

  it('sends nothing the second time the same event arrives', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    await notifyAlert(deps, detail!);

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(outcome).toBe('already-sent');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('gives the claim back when the mailer fails, so the retry sends', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    vi.spyOn(deps.mailer, 'send').mockRejectedValueOnce(new Error('Throttling: Maximum sending rate exceeded'));

    // Act
    const failed = notifyAlert(deps, detail!);

    // Assess
    await expect(failed).rejects.toThrow('Maximum sending rate exceeded');
    expect(deps.notifications.entries.size).toBe(0);
    await expect(notifyAlert(deps, detail!)).resolves.toBe('sent');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('marks the alert sent once the mailer accepted it, so even a late redelivery sends nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    await notifyAlert(deps, detail!);
    deps.clock.advanceMinutes(60);

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(deps.notifications.entries.get(`alert#${detail!.alertId}`)).toMatchObject({ status: 'sent' });
    expect(outcome).toBe('already-sent');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('sends when the notifier that claimed the alert died before sending, once its claim is over 5 minutes old', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    await deps.notifications.claim(`alert#${detail!.alertId}`, deps.clock.now().toISOString());
    deps.clock.advanceMinutes(6);

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(outcome).toBe('sent');
    expect(deps.mailer.sent.map((email) => email.to)).toEqual([[staffOf.designatedLead.email]]);
  });

  it('sends nothing while another notifier claimed the alert under 5 minutes ago, and fails so the bus tries again later rather than drop it', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    await deps.notifications.claim(`alert#${detail!.alertId}`, deps.clock.now().toISOString());
    deps.clock.advanceMinutes(4);

    // Act
    const attempt = notifyAlert(deps, detail!);

    // Assess
    await expect(attempt).rejects.toThrow(NotificationHeldError);
    expect(deps.mailer.sent).toEqual([]);
    expect(deps.notifications.entries.get(`alert#${detail!.alertId}`)).toMatchObject({ status: 'sending' });
  });

  it('reports the email sent when marking it fails afterwards, and logs that', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    vi.spyOn(deps.notifications, 'markSent').mockRejectedValueOnce(new Error('ProvisionedThroughputExceededException'));

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(outcome).toBe('sent');
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.logLines.some((line) => line.includes('"level":"error"') && line.includes(detail!.alertId))).toBe(true);
  });

  it('sends nothing to a disabled account', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);
    await deps.staff.put({ ...staffOf.designatedLead, status: 'disabled' });

    // Act
    const outcome = await notifyAlert(deps, detail!);

    // Assess
    expect(outcome).toBe('no-recipient');
    expect(deps.mailer.sent).toEqual([]);
  });

  it('sends nothing to someone no longer in the directory', async () => {
    // Prepare
    const deps = schoolDeps();
    const [detail] = await alertsRaised(deps);

    // Act
    const outcome = await notifyAlert(deps, { ...detail!, recipientId: 'staff-gone', alertId: 'another-alert' });

    // Assess
    expect(outcome).toBe('no-recipient');
    expect(deps.mailer.sent).toEqual([]);
  });
});

describe('sendReminder', () => {
  it('emails the owner that a reminder is due, with the link, and never the note they typed', async () => {
    // Prepare
    const deps = schoolDeps();
    const reminderDue = await reminderScheduled(deps);

    // Act
    const outcome = await sendReminder(deps, reminderDue);

    // Assess
    expect(outcome).toBe('sent');
    expect(deps.mailer.sent).toEqual([expect.objectContaining({ to: [staffOf.author.email], subject: 'Lantern reminder' })]);
    expect(deps.mailer.sent[0]!.text).toContain(`/incidents/${reminderDue.incidentId}`);
    expect(JSON.stringify(deps.mailer.sent[0])).not.toContain('Check in at register');
  });

  it.each([
    ['the incident is not there', (detail: ReminderDueDetail) => ({ ...detail, incidentId: '01JHT0000000000000000000ZZ' })],
    ['the incident has no reminder', (detail: ReminderDueDetail) => detail],
  ])('sends nothing when %s', async (_case, change) => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, callerFor(staffOf.author), incidentInput(), requestOrigin);
    const detail = change({ reminderId: `${incident.id}-reminder`, incidentId: incident.id, ownerId: staffOf.author.id });

    // Act
    const outcome = await sendReminder(deps, detail);

    // Assess
    expect(outcome).toBe('no-reminder');
    expect(deps.mailer.sent).toEqual([]);
  });

  it('sends a redelivered reminder only once', async () => {
    // Prepare
    const deps = schoolDeps();
    const reminderDue = await reminderScheduled(deps);
    await sendReminder(deps, reminderDue);

    // Act
    const outcome = await sendReminder(deps, reminderDue);

    // Assess
    expect(outcome).toBe('already-sent');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('gives the claim back when the mailer fails, so the retry sends', async () => {
    // Prepare
    const deps = schoolDeps();
    const reminderDue = await reminderScheduled(deps);
    vi.spyOn(deps.mailer, 'send').mockRejectedValueOnce(new Error('Service unavailable'));

    // Act
    const failed = sendReminder(deps, reminderDue);

    // Assess
    await expect(failed).rejects.toThrow('Service unavailable');
    await expect(sendReminder(deps, reminderDue)).resolves.toBe('sent');
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it('sends nothing when the owner’s account is disabled', async () => {
    // Prepare
    const deps = schoolDeps();
    const reminderDue = await reminderScheduled(deps);

    // Act
    const outcome = await sendReminder(deps, { ...reminderDue, ownerId: staffOf.leaver.id });

    // Assess
    expect(outcome).toBe('no-recipient');
    expect(deps.mailer.sent).toEqual([]);
  });
});
