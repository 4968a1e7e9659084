import { describe, expect, it } from 'vitest';
import { readIncident } from '../../../../shared/domain/incidents/read-incident';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { searchStaff } from '../../../../shared/domain/directory/search-staff';
import { assertGate } from '../../../../shared/domain/permissions';
import { ForbiddenError, NotFoundError } from '../../../../shared/errors/lantern-error';
import { fakeDeps, InMemoryAlertGroupDirectory, InMemoryStaffDirectory, InMemoryStudentDirectory } from '../../support/fake-deps';
import { callerFor, everyAlertGroup, everyPupil, everyStaffMember, requestOrigin, staffOf } from '../../support/school-cast';
import { staffProfile } from '../../support/staff-profiles';
import { actionInput, incidentInput } from '../../support/incident-input';

/**
 * Issue 8 item 4. The rule: incidents are shared only with the `staff` group. An account
 * without it (administration only, like a trust IT account) cannot be alerted, tagged or
 * assigned, is not offered to alert, records nothing, and reads nothing, even where an
 * older record or alert group still names it.
 */
const itAccount = staffProfile({
  id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d00a',
  email: 'it.support@castlemead.example.sch.uk',
  givenName: 'Ira',
  familyName: 'Tanaka',
  jobTitle: 'Trust IT',
  groups: ['admin'],
});

function school() {
  return fakeDeps({
    staff: new InMemoryStaffDirectory([...everyStaffMember, itAccount]),
    students: new InMemoryStudentDirectory(everyPupil),
    alertGroups: new InMemoryAlertGroupDirectory([...everyAlertGroup, { id: 'office', name: 'Office', description: '', memberIds: [itAccount.id, staffOf.teachingAssistant.id] }]),
  });
}

describe('an account without the staff group', () => {
  it('cannot be alerted directly by a teacher: the incident is refused naming the field, and nothing is written', async () => {
    // Prepare
    const deps = school();

    // Act
    const attempt = recordIncident(deps, callerFor(staffOf.author), incidentInput({ alert: { staffIds: [itAccount.id] } }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'alert.staffIds.0' });
    expect(deps.incidents.recorded).toEqual([]);
  });

  it('cannot be assigned or tagged', async () => {
    // Prepare
    const deps = school();
    const { incident } = await recordIncident(deps, callerFor(staffOf.author), incidentInput(), requestOrigin);

    // Act
    const assigned = recordIncident(deps, callerFor(staffOf.author), incidentInput({ assignedTo: [itAccount.id] }), requestOrigin);
    const tagged = addAction(deps, callerFor(staffOf.author), incident.id, actionInput({ taggedStaffIds: [itAccount.id] }), requestOrigin);

    // Assess
    await expect(assigned).rejects.toMatchObject({ code: 'unprocessable', field: 'assignedTo.0' });
    await expect(tagged).rejects.toMatchObject({ code: 'unprocessable', field: 'taggedStaffIds.0' });
  });

  it('gets no alert through an alert group that still lists it', async () => {
    // Prepare
    const deps = school();

    // Act
    await recordIncident(deps, callerFor(staffOf.author), incidentInput({ alert: { groupIds: ['office'] } }), requestOrigin);

    // Assess
    expect(deps.incidents.recorded[0]!.alerts.map((alert) => alert.recipientId)).toEqual([staffOf.teachingAssistant.id]);
  });

  it('reads nothing it was alerted to before the rule, and is told it is not there', async () => {
    // Prepare: an incident recorded when the account was still in the staff group.
    const deps = school();
    const formerStaff = { ...itAccount, groups: ['staff' as const, 'admin' as const] };
    await deps.staff.put(formerStaff);
    const { incident } = await recordIncident(deps, callerFor(staffOf.author), incidentInput({ alert: { staffIds: [itAccount.id] } }), requestOrigin);
    await deps.staff.put(itAccount);

    // Act
    const attempt = readIncident(deps, callerFor(itAccount), incident.id, requestOrigin);

    // Assess
    expect(incident.alerted.staff.map((member) => member.id)).toEqual([itAccount.id]);
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('records nothing: the recording routes are for the staff group', () => {
    // Act
    const attempt = () => assertGate('incidents.create', callerFor(itAccount));

    // Assess
    expect(attempt).toThrow(ForbiddenError);
  });

  it('is not offered to a teacher choosing whom to alert, but an administrator still sees it to manage it', async () => {
    // Prepare
    const deps = school();

    // Act
    const forTeacher = await searchStaff(deps, callerFor(staffOf.author), 'T', requestOrigin);
    const forAdministrator = await searchStaff(deps, callerFor(staffOf.officeManager), 'T', requestOrigin);

    // Assess
    expect(forTeacher.staff.map((member) => member.id)).not.toContain(itAccount.id);
    expect(forTeacher.staff.map((member) => member.id)).toContain(staffOf.teachingAssistant.id);
    expect(forAdministrator.staff.map((member) => member.id)).toContain(itAccount.id);
  });
});
