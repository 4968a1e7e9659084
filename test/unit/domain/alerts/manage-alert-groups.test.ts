import { describe, expect, it } from 'vitest';
import { changeAlertGroup, createAlertGroup, removeAlertGroup } from '../../../../shared/domain/alerts/manage-alert-groups';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import { schoolDeps } from '../../support/school-deps';
import { alertGroupsOf, callerFor, requestOrigin, staffOf } from '../../support/school-cast';

const admin = callerFor(staffOf.officeManager);

describe('createAlertGroup', () => {
  it('saves the group with each member once, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Pastoral team', description: 'Learning mentors', memberIds: [staffOf.teachingAssistant.id, staffOf.deputyHead.id, staffOf.teachingAssistant.id] };

    // Act
    const group = await createAlertGroup(deps, admin, input, requestOrigin);

    // Assess
    expect(group).toEqual({ id: '01jht000000000000000000001', name: 'Pastoral team', description: 'Learning mentors', memberIds: [staffOf.teachingAssistant.id, staffOf.deputyHead.id] });
    expect(deps.alertGroups.groups).toContainEqual(group);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.create', recordType: 'alert-group', recordId: group.id, staffId: staffOf.officeManager.id })]);
  });

  it('does not let an administrator put themselves in a group (its alerts carry incident content)', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Everything', description: '', memberIds: [staffOf.officeManager.id] };

    // Act
    const attempt = createAlertGroup(deps, admin, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.alertGroups.groups).toHaveLength(2);
    expect(deps.audit.events).toEqual([]);
  });

  it('refuses a member who is not staff, naming the entry', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = { name: 'Pastoral team', description: '', memberIds: [staffOf.teachingAssistant.id, 'staff-nobody'] };

    // Act
    const attempt = createAlertGroup(deps, admin, input, requestOrigin);

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
    const group = await changeAlertGroup(deps, admin, alertGroupsOf.seniorLeadership.id, { memberIds: [staffOf.deputyHead.id] }, requestOrigin);

    // Assess
    expect(group).toEqual({ ...alertGroupsOf.seniorLeadership, memberIds: [staffOf.deputyHead.id] });
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.update', recordId: alertGroupsOf.seniorLeadership.id })]);
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
    await removeAlertGroup(deps, admin, alertGroupsOf.yearFourTeam.id, requestOrigin);

    // Assess
    expect(deps.alertGroups.groups.map((group) => group.id)).toEqual([alertGroupsOf.seniorLeadership.id]);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'alert-group.delete', recordId: alertGroupsOf.yearFourTeam.id })]);
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
