import { describe, expect, it, vi } from 'vitest';
import { changeStaff, inviteStaff } from '../../../../shared/domain/staff/manage-staff';
import { ConflictError, ElevationRequiredError, ForbiddenError, NotFoundError } from '../../../../shared/errors/lantern-error';
import { NewStaffMember, StaffChange } from '../../../../shared/schemas/staff-admin';
import type { StaffProfile } from '../../../../shared/domain/staff/staff-profile';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { throughRefusalSeam } from '../../support/refusal-seam';

const admin = callerFor(staffOf.officeManager);
const elevatedLead = callerFor(staffOf.designatedLead, { elevated: true });

/** Deps whose identity provider holds a sign-in account for each of these staff. */
async function withAccounts(...profiles: StaffProfile[]): Promise<SchoolDeps> {
  const deps = schoolDeps();
  for (const profile of profiles) await deps.identity.createAccount({ email: profile.email, givenName: profile.givenName, familyName: profile.familyName, groups: profile.groups });
  return deps;
}

describe('inviteStaff', () => {
  it('creates the sign-in account and the profile, and audits the invitation', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = NewStaffMember.parse({ email: 'S.Patel@CastleMead.example.sch.uk', givenName: 'Sunita', familyName: 'Patel', jobTitle: 'SENCo', groups: ['staff', 'slt', 'staff'] });

    // Act
    const account = await inviteStaff(deps, elevatedLead, input, requestOrigin);

    // Assess
    const created = deps.identity.accounts.get('s.patel@castlemead.example.sch.uk');
    expect(created).toMatchObject({ groups: ['staff', 'slt'], enabled: true });
    expect(account).toEqual({
      id: created!.staffId,
      email: 's.patel@castlemead.example.sch.uk',
      givenName: 'Sunita',
      familyName: 'Patel',
      name: 'Sunita Patel',
      jobTitle: 'SENCo',
      groups: ['staff', 'slt'],
      status: 'active',
      mfaEnrolled: false,
      createdAt: '2025-01-15T10:00:00.000Z',
      updatedAt: '2025-01-15T10:00:00.000Z',
    });
    expect(await deps.staff.get(created!.staffId)).toMatchObject({ email: 's.patel@castlemead.example.sch.uk', status: 'active' });
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'staff.create', recordType: 'staff', recordId: created!.staffId, staffId: staffOf.designatedLead.id, detail: { groups: 'staff,slt' } }),
    ]);
  });

  it('does not let an administrator invite someone into the DSL or SLT role', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = NewStaffMember.parse({ email: 'made.up@castlemead.example.sch.uk', givenName: 'Made', familyName: 'Up', jobTitle: 'DSL', groups: ['staff', 'dsl'] });

    // Act
    const attempt = inviteStaff(deps, admin, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.identity.accounts.size).toBe(0);
    expect(deps.audit.events).toEqual([]);
  });

  it('finishes an invitation that failed after the sign-in account was made, instead of refusing it', async () => {
    // Prepare
    const deps = schoolDeps();
    await deps.identity.createAccount({ email: 'half.done@castlemead.example.sch.uk', givenName: 'Half', familyName: 'Done', groups: [] });
    const input = NewStaffMember.parse({ email: 'half.done@castlemead.example.sch.uk', givenName: 'Half', familyName: 'Done', jobTitle: 'Teacher', groups: ['staff'] });

    // Act
    const account = await inviteStaff(deps, admin, input, requestOrigin);

    // Assess
    expect(account.id).toBe(deps.identity.accounts.get('half.done@castlemead.example.sch.uk')!.staffId);
    expect(deps.identity.accounts.get('half.done@castlemead.example.sch.uk')!.groups).toEqual(['staff']);
    expect(await deps.staff.get(account.id)).toMatchObject({ status: 'active' });
  });

  it('refuses an email address that already has an account, whatever its case', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = NewStaffMember.parse({ email: 'R.Ahmed@castlemead.example.sch.uk', givenName: 'Rukhsana', familyName: 'Ahmed', jobTitle: 'Teacher', groups: ['staff'] });

    // Act
    const attempt = inviteStaff(deps, admin, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(deps.identity.accounts.size).toBe(0);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('changeStaff', () => {
  it('changes groups in the profile and in the identity provider, and audits it', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.teachingAssistant);
    deps.clock.advanceMinutes(5);

    // Act
    const account = await changeStaff(deps, elevatedLead, staffOf.teachingAssistant.id, StaffChange.parse({ groups: ['staff', 'dsl'] }), requestOrigin);

    // Assess
    expect(account.groups).toEqual(['staff', 'dsl']);
    expect(await deps.staff.get(staffOf.teachingAssistant.id)).toMatchObject({ groups: ['staff', 'dsl'], updatedAt: '2025-01-15T10:05:00.000Z' });
    expect(deps.identity.accounts.get(staffOf.teachingAssistant.email)!.groups).toEqual(['staff', 'dsl']);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'staff.update', recordId: staffOf.teachingAssistant.id, detail: { groupsBefore: 'staff', groupsAfter: 'staff,dsl' } }),
    ]);
  });

  it('does not let an administrator make someone a DSL, nor a DSL who is not elevated', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.teachingAssistant);
    const unelevatedLead = callerFor(staffOf.designatedLead);

    // Act
    const byAdmin = throughRefusalSeam(deps, admin, changeStaff(deps, admin, staffOf.teachingAssistant.id, { groups: ['staff', 'dsl'] }, requestOrigin));
    const byUnelevated = changeStaff(deps, unelevatedLead, staffOf.teachingAssistant.id, { groups: ['staff', 'slt'] }, requestOrigin);

    // Assess
    await expect(byAdmin).rejects.toBeInstanceOf(ForbiddenError);
    await expect(byUnelevated).rejects.toBeInstanceOf(ElevationRequiredError);
    expect((await deps.staff.get(staffOf.teachingAssistant.id))!.groups).toEqual(['staff']);
    // The refusal is audited (by the route's seam) with the groups before and those asked for.
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'staff.update',
        outcome: 'refused',
        reason: 'forbidden',
        recordType: 'staff',
        recordId: staffOf.teachingAssistant.id,
        detail: { groupsBefore: 'staff', groupsRequested: 'staff,dsl' },
      }),
    ]);
  });

  it('refuses a change made against a profile someone else changed meanwhile', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.teachingAssistant);
    const staleRead = deps.staff.get.bind(deps.staff);
    const stale = (await staleRead(staffOf.teachingAssistant.id))!;
    await deps.staff.put({ ...stale, status: 'disabled', updatedAt: '2025-01-15T10:01:00.000Z' });
    vi.spyOn(deps.staff, 'get').mockResolvedValueOnce(stale);

    // Act
    const attempt = changeStaff(deps, admin, staffOf.teachingAssistant.id, { jobTitle: 'Cover supervisor' }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect((await deps.staff.get(staffOf.teachingAssistant.id))!.status).toBe('disabled');
  });

  it('disables an account in the profile, which every request reads, and in the identity provider', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.teachingAssistant);

    // Act
    const account = await changeStaff(deps, admin, staffOf.teachingAssistant.id, { status: 'disabled' }, requestOrigin);

    // Assess
    expect(account.status).toBe('disabled');
    expect((await deps.staff.get(staffOf.teachingAssistant.id))!.status).toBe('disabled');
    expect(deps.identity.accounts.get(staffOf.teachingAssistant.email)!.enabled).toBe(false);
  });

  it('enables a disabled account again', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.leaver);
    await deps.identity.setEnabled(staffOf.leaver.email, false);

    // Act
    await changeStaff(deps, admin, staffOf.leaver.id, { status: 'active' }, requestOrigin);

    // Assess
    expect(deps.identity.accounts.get(staffOf.leaver.email)!.enabled).toBe(true);
  });

  it('changes a job title without touching the identity provider', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.teachingAssistant);
    const setGroups = vi.spyOn(deps.identity, 'setGroups');
    const setEnabled = vi.spyOn(deps.identity, 'setEnabled');

    // Act
    const account = await changeStaff(deps, admin, staffOf.teachingAssistant.id, { jobTitle: 'Higher level teaching assistant', status: 'active' }, requestOrigin);

    // Assess
    expect(account.jobTitle).toBe('Higher level teaching assistant');
    expect(setGroups).not.toHaveBeenCalled();
    expect(setEnabled).not.toHaveBeenCalled();
  });

  it('does not let an administrator disable their own account', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.officeManager);

    // Act
    const attempt = changeStaff(deps, admin, staffOf.officeManager.id, { status: 'disabled' }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect((await deps.staff.get(staffOf.officeManager.id))!.status).toBe('active');
    expect(deps.identity.accounts.get(staffOf.officeManager.email)!.enabled).toBe(true);
    expect(deps.audit.events).toEqual([]);
  });

  it('does not let an administrator take themselves out of admin', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.officeManager);

    // Act
    const attempt = changeStaff(deps, admin, staffOf.officeManager.id, { groups: ['staff'] }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect((await deps.staff.get(staffOf.officeManager.id))!.groups).toEqual(['staff', 'admin']);
  });

  it('lets an administrator change their own job title', async () => {
    // Prepare
    const deps = await withAccounts(staffOf.officeManager);

    // Act
    const account = await changeStaff(deps, admin, staffOf.officeManager.id, { jobTitle: 'Trust IT lead' }, requestOrigin);

    // Assess
    expect(account.jobTitle).toBe('Trust IT lead');
  });

  it('answers 404 for someone not in the directory', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = changeStaff(deps, admin, 'staff-nobody', { status: 'disabled' }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
