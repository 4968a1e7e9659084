import { describe, expect, it } from 'vitest';
import { listEncompassNotifications, matchEncompassByHand, nextSchoolDay, receiveEncompassNotification } from '../../../../shared/domain/partners/receive-encompass';
import type { EncompassNotificationInput } from '../../../../shared/domain/partners/encompass-notification';
import type { PartnerCaller } from '../../../../shared/domain/identity/caller';
import type { AlertRaisedDetail } from '../../../../shared/domain/events';
import { notifyAlert } from '../../../../shared/domain/notifications/notify-alert';
import { urgentTriageIndexKey, triageIndexKey } from '../../../../shared/adapters/dynamo/keys';
import { fakeDeps, InMemoryStaffDirectory, InMemoryStudentDirectory } from '../../support/fake-deps';
import { callerFor, everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { ConflictError, UnprocessableError } from '../../../../shared/errors/lantern-error';

const police: PartnerCaller = { kind: 'partner', clientId: 'northshire-police-client', scopes: ['lantern/encompass.write'] };
/** Amara's twin by name and birthday, in another class: makes name + date of birth ambiguous. */
const namesake = { ...pupilsOf.subject, id: 'student-amara-2', upn: 'E123456789012', className: '4 Ash' };

function school(options: { pupils?: typeof everyPupil } = {}) {
  return fakeDeps({ staff: new InMemoryStaffDirectory(everyStaffMember), students: new InMemoryStudentDirectory(options.pupils ?? everyPupil) });
}

const notification = (child: Partial<EncompassNotificationInput['child']> = {}, policeReference = 'NP/2025/004417'): EncompassNotificationInput => ({
  policeReference,
  child: { givenName: 'Amara', familyName: 'Osei', dateOfBirth: '2016-05-14', ...child },
  occurredAt: '2025-01-14T21:40:00Z',
  location: 'The family home',
  childPresent: true,
  childVoice: 'Said she hid upstairs with her brother and heard shouting.',
  circumstances: 'Officers attended a verbal argument between the adults; no arrests.',
});

describe('an Operation Encompass notification from the police', () => {
  it('matches the child by exact UPN even when the police spell the name differently', async () => {
    // Prepare
    const deps = school();

    // Act
    const receipt = await receiveEncompassNotification(deps, police, notification({ givenName: 'Amarah', familyName: 'Ossei', upn: pupilsOf.subject.upn }), requestOrigin);

    // Assess
    expect(receipt.created).toBe(true);
    const stored = deps.encompass.notifications.get(receipt.notificationId)!;
    expect(stored).toMatchObject({ status: 'matched', match: 'upn', studentId: pupilsOf.subject.id });
    expect(deps.incidents.recorded[0]!.incident).toMatchObject({ studentId: pupilsOf.subject.id, categories: [{ categoryId: 'operation-encompass' }], encompass: { notificationId: receipt.notificationId, forSchoolDay: '2025-01-16' } });
  });

  it('matches by NHS number when there is no UPN', async () => {
    // Prepare
    const deps = school();
    deps.students.nhsNumbers.set('9434765919', pupilsOf.classmate.id);

    // Act
    const receipt = await receiveEncompassNotification(deps, police, notification({ givenName: 'Leo', familyName: 'Walsh', nhsNumber: '9434765919' }), requestOrigin);

    // Assess
    expect(deps.encompass.notifications.get(receipt.notificationId)).toMatchObject({ status: 'matched', match: 'nhs_number', studentId: pupilsOf.classmate.id });
  });

  it('matches by forename, surname and date of birth, in any case, when no identifier is sent', async () => {
    // Prepare
    const deps = school();

    // Act
    const receipt = await receiveEncompassNotification(deps, police, notification({ givenName: 'AMARA', familyName: 'osei ' }), requestOrigin);

    // Assess
    expect(deps.encompass.notifications.get(receipt.notificationId)).toMatchObject({ status: 'matched', match: 'name_and_date_of_birth', studentId: pupilsOf.subject.id });
  });

  it('leaves two pupils with the same name and date of birth for a DSL to match by hand, recording nothing on either', async () => {
    // Prepare
    const deps = school({ pupils: [...everyPupil, namesake] });

    // Act
    const receipt = await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Assess
    expect(deps.encompass.notifications.get(receipt.notificationId)).toMatchObject({ status: 'unmatched', unmatchedReason: 'ambiguous' });
    expect(deps.incidents.recorded).toEqual([]);
    expect(deps.alerts.alerts.size).toBe(0);
    expect(deps.pupilFiles.records.size).toBe(0);
  });

  it('leaves a child not on the roll (or with another birthday) unmatched', async () => {
    // Prepare
    const deps = school();

    // Act
    const receipt = await receiveEncompassNotification(deps, police, notification({ dateOfBirth: '2015-05-14' }), requestOrigin);

    // Assess
    expect(deps.encompass.notifications.get(receipt.notificationId)).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_match' });
    expect(deps.incidents.recorded).toEqual([]);
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'encompass.receive', recordType: 'encompass', clientId: police.clientId, outcome: 'allowed' });
  });

  it('answers a police reference sent again with the first receipt and writes nothing more', async () => {
    // Prepare
    const deps = school();
    const first = await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Act
    const again = await receiveEncompassNotification(deps, police, notification({}, ' np/2025/004417'), requestOrigin);

    // Assess
    expect(again).toEqual({ ...first, created: false });
    expect(deps.encompass.writes).toHaveLength(1);
    expect(deps.incidents.recorded).toHaveLength(1);
  });

  it("sets the pupil's Operation Encompass flag from the incident's date", async () => {
    // Prepare
    const deps = school();

    // Act
    await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Assess
    expect(deps.pupilFiles.records.get(pupilsOf.subject.id)).toMatchObject({ version: 1, flags: [{ kind: 'operation_encompass', startDate: '2025-01-14' }] });
    expect(deps.pupilFiles.flagChanges).toHaveLength(1);
  });

  it("alerts every DSL and the pupil's key adult at once, in the incident's own write", async () => {
    // Prepare
    const deps = school();
    deps.pupilFiles.records.set(pupilsOf.subject.id, { studentId: pupilsOf.subject.id, flags: [], keyAdultStaffId: staffOf.teachingAssistant.id, version: 3 });

    // Act
    await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Assess
    const write = deps.incidents.recorded[0]!;
    expect(write.alerts.map((alert) => alert.recipientId).sort()).toEqual([staffOf.designatedLead.id, staffOf.teachingAssistant.id].sort());
    expect(write.events.filter((event) => event.detailType === 'AlertRaised')).toHaveLength(2);
    expect(write.events.map((event) => event.detailType)).toContain('IncidentRecorded');
    expect(write.audit).toMatchObject({ action: 'encompass.receive', clientId: police.clientId, studentIds: [pupilsOf.subject.id] });
    expect(deps.pupilFiles.records.get(pupilsOf.subject.id)).toMatchObject({ version: 4, keyAdultStaffId: staffOf.teachingAssistant.id });
  });

  it('emails each of them without the pupil, the police reference or anything the police wrote', async () => {
    // Prepare
    const deps = school();
    await receiveEncompassNotification(deps, police, notification({ upn: pupilsOf.subject.upn }), requestOrigin);
    const details = deps.incidents.outbox.filter((event) => event.detailType === 'AlertRaised').map((event) => event.detail as AlertRaisedDetail);

    // Act
    for (const detail of details) await notifyAlert(deps, detail);

    // Assess
    expect(deps.mailer.sent).toHaveLength(1);
    const everything = deps.mailer.sent.map((email) => `${email.subject}\n${email.text}`).join('\n');
    expect(everything).toContain('Operation Encompass');
    for (const secret of ['Amara', 'Osei', pupilsOf.subject.upn, 'NP/2025', 'hid upstairs', 'family home', 'argument', '2016-05-14']) expect(everything).not.toContain(secret);
  });

  it('heads the triage list: its key sorts before every incident recorded by staff', () => {
    // Prepare
    const encompassKey = urgentTriageIndexKey('2025-01-16', '2025-01-15T22:00:00.000Z', 'incident-b');

    // Act
    const staffKey = triageIndexKey('2024-09-01T08:00:00.000Z', 'incident-a');

    // Assess
    expect(encompassKey.gsi2pk).toBe(staffKey.gsi2pk);
    expect(encompassKey.gsi2sk < staffKey.gsi2sk).toBe(true);
  });
});

describe('the school day a notification is for', () => {
  it('is the same day before school starts on a weekday, and the next weekday after', () => {
    // Assess
    expect(nextSchoolDay(new Date('2025-01-15T06:30:00Z'), 'Europe/London')).toBe('2025-01-15');
    expect(nextSchoolDay(new Date('2025-01-15T10:00:00Z'), 'Europe/London')).toBe('2025-01-16');
    // Friday evening and Saturday → Monday.
    expect(nextSchoolDay(new Date('2025-01-17T21:00:00Z'), 'Europe/London')).toBe('2025-01-20');
    expect(nextSchoolDay(new Date('2025-01-18T09:00:00Z'), 'Europe/London')).toBe('2025-01-20');
    // 07:30 BST is before school in June.
    expect(nextSchoolDay(new Date('2025-06-16T06:30:00Z'), 'Europe/London')).toBe('2025-06-16');
  });
});

describe('a DSL matching a notification by hand', () => {
  it('records, flags and alerts as if matched on arrival, audited against the DSL and the pupil', async () => {
    // Prepare
    const deps = school({ pupils: [...everyPupil, namesake] });
    const dsl = callerFor(staffOf.designatedLead, { elevated: true });
    const { notificationId } = await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Act
    const { notification: matched } = await matchEncompassByHand(deps, dsl, notificationId, namesake.id, requestOrigin);

    // Assess
    expect(matched).toMatchObject({ status: 'matched', match: 'by_hand', studentId: namesake.id, matchedBy: staffOf.designatedLead.id });
    expect(matched).not.toHaveProperty('unmatchedReason');
    expect(deps.incidents.recorded[0]!.incident).toMatchObject({ studentId: namesake.id, categories: [{ categoryId: 'operation-encompass' }] });
    expect(deps.incidents.recorded[0]!.audit).toMatchObject({ action: 'encompass.match', staffId: staffOf.designatedLead.id, studentIds: [namesake.id] });
    expect(deps.pupilFiles.records.get(namesake.id)?.flags).toHaveLength(1);
  });

  it('refuses to match one already matched', async () => {
    // Prepare
    const deps = school();
    const dsl = callerFor(staffOf.designatedLead, { elevated: true });
    const { notificationId } = await receiveEncompassNotification(deps, police, notification(), requestOrigin);

    // Act
    const attempt = matchEncompassByHand(deps, dsl, notificationId, pupilsOf.classmate.id, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(deps.incidents.recorded).toHaveLength(1);
  });

  it('refuses a pupil who is not on roll', async () => {
    // Prepare
    const deps = school();
    const dsl = callerFor(staffOf.designatedLead, { elevated: true });
    const { notificationId } = await receiveEncompassNotification(deps, police, notification({ dateOfBirth: '2015-01-01' }), requestOrigin);

    // Act
    const attempt = matchEncompassByHand(deps, dsl, notificationId, pupilsOf.archived.id, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    expect(deps.incidents.recorded).toEqual([]);
  });

  it('lists unmatched notifications first, and audits the list against the matched pupils', async () => {
    // Prepare
    const deps = school();
    const dsl = callerFor(staffOf.designatedLead, { elevated: true });
    await receiveEncompassNotification(deps, police, notification({}, 'NP/1'), requestOrigin);
    deps.clock.advanceMinutes(1);
    await receiveEncompassNotification(deps, police, notification({ dateOfBirth: '2015-01-01' }, 'NP/2'), requestOrigin);

    // Act
    const { notifications } = await listEncompassNotifications(deps, dsl, requestOrigin);

    // Assess
    expect(notifications.map((each) => [each.policeReference, each.status])).toEqual([
      ['NP/2', 'unmatched'],
      ['NP/1', 'matched'],
    ]);
    expect(notifications[0]).not.toHaveProperty('clientId');
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'encompass.list', studentIds: [pupilsOf.subject.id] });
  });
});
