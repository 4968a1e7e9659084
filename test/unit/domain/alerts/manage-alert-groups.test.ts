import { describe, expect, it } from 'vitest';
import { changeAlertGroup, createAlertGroup, removeAlertGroup } from '../../../../shared/domain/alerts/manage-alert-groups';
import { ElevationRequiredError, ForbiddenError, NotFoundError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import { InMemoryStaffDirectory } from '../../support/fake-deps';
import { staffProfile } from '../../support/staff-profiles';
import { throughRefusalSeam } from '../../support/refusal-seam';
import { schoolDeps } from '../../support/school-deps';
import { alertGroupsOf, callerFor, everyStaffMember, requestOrigin, staffOf } from '../../support/school-cast';

const admin = callerFor(staffOf.officeManager);
const elevatedLead = callerFor(staffOf.designatedLead, { elevated: true });
/** An administration-only account (trust IT): no `staff` group. */
const itAccount = staffProfile({ id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d008', email: 'it.support@castlemead.example.sch.uk', givenName: 'Ira', familyName: 'Tanaka', groups: ['admin'] });

describe('createAlertGroup', () => {
  it('saves the group with each member once, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Pastoral team', description: 'Learning mentors', memberIds: [staffOf.teachingAssistant.id, staffOf.deputyHead.id, staffOf.teachingAssistant.id] };

    // Act
    const group = await createAlertGroup(deps, elevatedLead, input, requestOrigin);

    // Assess
    expect(group).toEqual({ id: '01jht000000000000000000001', name: 'Pastoral team', description: 'Learning mentors', memberIds: [staffOf.teachingAssistant.id, staffOf.deputyHead.id] });
    expect(deps.alertGroups.groups).toContainEqual(group);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'alert-group.create',
        recordType: 'alert-group',
        recordId: group.id,
        staffId: staffOf.designatedLead.id,
        detail: { membersBefore: '', membersAfter: `${staffOf.teachingAssistant.id},${staffOf.deputyHead.id}` },
      }),
    ]);
  });

  it('lets an administrator set up an empty group: nobody receives anything until a DSL adds members', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const group = await createAlertGroup(deps, admin, { name: 'Pastoral team', description: '', memberIds: [] }, requestOrigin);

    // Assess
    expect(deps.alertGroups.groups).toContainEqual(group);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.create', outcome: 'allowed', staffId: staffOf.officeManager.id })]);
  });

  it('refuses an administrator a group with members, and audits the refusal with the members asked for', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Pastoral team', description: '', memberIds: [staffOf.teachingAssistant.id] };

    // Act
    const attempt = throughRefusalSeam(deps, admin, createAlertGroup(deps, admin, input, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.alertGroups.groups).toHaveLength(2);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'alert-group.create', outcome: 'refused', reason: 'forbidden', detail: { membersBefore: '', membersAfter: staffOf.teachingAssistant.id } }),
    ]);
  });

  it('refuses an account outside the staff group as a member: it is never sent incidents', async () => {
    // Prepare
    const deps = { ...schoolDeps(), staff: new InMemoryStaffDirectory([...everyStaffMember, itAccount]) };

    // Act
    const attempt = createAlertGroup(deps, elevatedLead, { name: 'Safeguarding team', description: '', memberIds: [itAccount.id] }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'memberIds.0' });
  });

  it('does not let an administrator put themselves in a group (its alerts carry incident content)', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Everything', description: '', memberIds: [staffOf.officeManager.id] };

    // Act
    const attempt = throughRefusalSeam(deps, admin, createAlertGroup(deps, admin, input, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.alertGroups.groups).toHaveLength(2);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.create', outcome: 'refused', reason: 'forbidden' })]);
  });

  it('refuses a member who is not staff, naming the entry', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Pastoral team', description: '', memberIds: [staffOf.teachingAssistant.id, 'staff-nobody'] };

    // Act
    const attempt = createAlertGroup(deps, elevatedLead, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ field: 'memberIds.1' });
    expect(deps.alertGroups.groups).toHaveLength(2);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('changeAlertGroup', () => {
  it('changes only what was sent', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const group = await changeAlertGroup(deps, elevatedLead, alertGroupsOf.seniorLeadership.id, { memberIds: [staffOf.deputyHead.id] }, requestOrigin);

    // Assess
    expect(group).toEqual({ ...alertGroupsOf.seniorLeadership, memberIds: [staffOf.deputyHead.id] });
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'alert-group.update',
        recordId: alertGroupsOf.seniorLeadership.id,
        detail: { membersBefore: alertGroupsOf.seniorLeadership.memberIds.join(','), membersAfter: staffOf.deputyHead.id },
      }),
    ]);
  });

  it('refuses an administrator adding an account they invented to a group, changing nothing (issue 8)', async () => {
    // Prepare
    const invented = staffProfile({ id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d009', email: 'helper@castlemead.example.sch.uk', givenName: 'Sam', familyName: 'Helper' });
    const deps = { ...schoolDeps(), staff: new InMemoryStaffDirectory([...everyStaffMember, invented]) };
    const memberIds = [...alertGroupsOf.seniorLeadership.memberIds, invented.id];

    // Act
    const attempt = throughRefusalSeam(deps, admin, changeAlertGroup(deps, admin, alertGroupsOf.seniorLeadership.id, { memberIds }, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.alertGroups.groups.find((group) => group.id === alertGroupsOf.seniorLeadership.id)).toEqual(alertGroupsOf.seniorLeadership);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.update', outcome: 'refused', reason: 'forbidden', recordId: alertGroupsOf.seniorLeadership.id })]);
  });

  it('asks a DSL who has not stepped up to elevate before changing members', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = changeAlertGroup(deps, callerFor(staffOf.designatedLead), alertGroupsOf.seniorLeadership.id, { memberIds: [] }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ElevationRequiredError);
  });

  it('refuses an administrator renaming a group with members (a teacher chooses it by name), but not an elevated DSL', async () => {
    // Prepare
    const deps = schoolDeps();
    const swap = { name: 'Safeguarding team' };

    // Act
    const byAdmin = changeAlertGroup(deps, admin, alertGroupsOf.yearFourTeam.id, swap, requestOrigin);
    const byLead = await changeAlertGroup(deps, elevatedLead, alertGroupsOf.yearFourTeam.id, swap, requestOrigin);

    // Assess
    await expect(byAdmin).rejects.toBeInstanceOf(ForbiddenError);
    expect(byLead.name).toBe('Safeguarding team');
    expect(deps.audit.events.at(-1)!.detail).toMatchObject({ nameBefore: alertGroupsOf.yearFourTeam.name, nameAfter: 'Safeguarding team' });
  });

  it('answers 404 for a group that does not exist', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = changeAlertGroup(deps, admin, 'governors', { name: 'Governors' }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('removeAlertGroup', () => {
  it('removes the group and audits it', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await removeAlertGroup(deps, elevatedLead, alertGroupsOf.yearFourTeam.id, requestOrigin);

    // Assess
    expect(deps.alertGroups.groups.map((group) => group.id)).toEqual([alertGroupsOf.seniorLeadership.id]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'alert-group.delete', recordId: alertGroupsOf.yearFourTeam.id, detail: { membersBefore: alertGroupsOf.yearFourTeam.memberIds.join(','), membersAfter: '' } }),
    ]);
  });

  it('refuses an administrator removing a group with members (that removes its memberships)', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = removeAlertGroup(deps, admin, alertGroupsOf.yearFourTeam.id, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.alertGroups.groups).toHaveLength(2);
  });

  it('answers 404 for a group that does not exist', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = removeAlertGroup(deps, admin, 'governors', requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.alertGroups.groups).toHaveLength(2);
  });
});
