import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { NewStaffMember, StaffChange } from '../../schemas/staff-admin';
import type { StaffProfile } from './staff-profile';
import { displayName } from './staff-profile';
import { ConflictError } from '../../errors/lantern-error';
import { auditEvent, foundAbout, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { assertMayChangeGroups } from '../permissions';

export function staffAccountView(profile: StaffProfile) {
  return {
    id: profile.id,
    email: profile.email,
    givenName: profile.givenName,
    familyName: profile.familyName,
    name: displayName(profile),
    jobTitle: profile.jobTitle,
    groups: [...profile.groups],
    status: profile.status,
    mfaEnrolled: Boolean(profile.mfaEnrolledAt),
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

/**
 * An administrator invites a member of staff: Cognito emails a temporary password and the
 * first sign-in sets their own (NEW_PASSWORD_REQUIRED, under the pool's policy).
 */
export async function inviteStaff(deps: Pick<Deps, 'staff' | 'identity' | 'clock' | 'ids'>, caller: StaffCaller, input: NewStaffMember, origin: RequestOrigin) {
  const groups = [...new Set(input.groups)];
  // A refused invitation is audited with the groups it asked for (by the route's refusal seam).
  refusingAbout({ action: 'staff.create', recordType: 'staff', recordId: 'new', detail: { groupsRequested: groups.join(',') } }, () =>
    assertMayChangeGroups(caller, { before: [], after: groups }),
  );
  const existing = await deps.staff.list();
  if (existing.some((member) => member.email.toLowerCase() === input.email)) throw new ConflictError('There is already an account with this email address.');
  // An invitation that failed half-way left a sign-in account without a profile: finish it.
  const orphan = await deps.identity.findAccount(input.email);
  const { staffId } = orphan ?? (await deps.identity.createAccount({ email: input.email, givenName: input.givenName, familyName: input.familyName, groups }));
  if (orphan) await deps.identity.setGroups(input.email, groups);
  const now = deps.clock.now().toISOString();
  const profile: StaffProfile = {
    id: staffId,
    email: input.email,
    givenName: input.givenName,
    familyName: input.familyName,
    jobTitle: input.jobTitle,
    groups,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  await deps.staff.save(profile, auditEvent(deps, caller, origin, { action: 'staff.create', recordType: 'staff', recordId: staffId, detail: { groups: groups.join(',') } }));
  return staffAccountView(profile);
}

/**
 * Changes groups, job title or status. The profile is what every request reads, so the
 * change applies to the very next request; Cognito is brought into line after it so that
 * new tokens agree and a disabled account cannot sign in again.
 */
export async function changeStaff(deps: Pick<Deps, 'staff' | 'identity' | 'clock' | 'ids'>, caller: StaffCaller, staffId: string, change: StaffChange, origin: RequestOrigin) {
  const found = await deps.staff.get(staffId);
  const refused = { action: 'staff.update', recordType: 'staff' as const, recordId: staffId };
  const profile = foundAbout(refused, found, 'No such member of staff.');
  // Locking yourself out would leave nobody to undo it.
  if (staffId === caller.staffId && change.status === 'disabled') throw new ConflictError('You cannot disable your own account.');
  const groups = change.groups;
  if (groups) {
    refusingAbout({ ...refused, detail: { groupsBefore: profile.groups.join(','), groupsRequested: [...new Set(groups)].join(',') } }, () =>
      assertMayChangeGroups(caller, { staffId, before: profile.groups, after: groups }),
    );
  }
  const updated: StaffProfile = {
    ...profile,
    ...(change.groups ? { groups: [...new Set(change.groups)] } : {}),
    ...(change.status ? { status: change.status } : {}),
    ...(change.jobTitle ? { jobTitle: change.jobTitle } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  const detail = {
    ...(change.groups ? { groupsBefore: profile.groups.join(','), groupsAfter: updated.groups.join(',') } : {}),
    ...(change.status ? { statusBefore: profile.status, statusAfter: updated.status } : {}),
  };
  // Conditional on the profile as read: a concurrent change is refused, not overwritten.
  await deps.staff.save(updated, auditEvent(deps, caller, origin, { action: 'staff.update', recordType: 'staff', recordId: staffId, detail }), { expectedUpdatedAt: profile.updatedAt });
  if (change.groups) await deps.identity.setGroups(profile.email, updated.groups);
  if (change.status && change.status !== profile.status) await deps.identity.setEnabled(profile.email, change.status === 'active');
  return staffAccountView(updated);
}
