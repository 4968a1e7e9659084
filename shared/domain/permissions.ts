import type { RouteId } from '../api/routes';
import type { Caller } from './identity/caller';
import type { Group } from './identity/groups';
import { requireStaff } from './identity/require-staff';
import { ElevationRequiredError, ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/lantern-error';

/**
 * The one permission table. Every route id has a rule; the `satisfies` below makes a
 * route without a rule a compile error, and the authorization tests enumerate it.
 *
 * A rule answers for a caller and, for record routes, the caller's relationship to the
 * record. Refusals that must not reveal a record exists answer `hidden` (a 404).
 */
export type Relationship = 'author' | 'alerted' | 'assigned' | 'tagged';

/** What the domain knows of a record once loaded: how the caller stands to it, and its categories' viewers. */
export interface RecordFacts {
  readonly relationships: ReadonlySet<Relationship>;
  /** For each category on the record, the groups that may view it when elevated. */
  readonly categoryViewers: readonly (readonly Group[])[];
}

export interface AccessRequest {
  readonly caller: Caller;
  /** Present once the domain has loaded the record the route is about. */
  readonly record?: RecordFacts;
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'elevation_required' | 'hidden';

export interface Rule {
  readonly description: string;
  decide(request: AccessRequest): Decision;
}

const rule = (description: string, decide: Rule['decide']): Rule => ({ description, decide });

export const publicAccess = rule('anyone, signed in or not', () => 'allow');

/** Who is not staff: no one signed in (401), or a partner's system, which staff routes refuse (403). */
const notStaff = (caller: Caller): Decision => (caller.kind === 'partner' ? 'forbidden' : 'unauthenticated');

export const signedIn = rule('any signed-in member of staff', ({ caller }) =>
  caller.kind === 'staff' ? 'allow' : notStaff(caller),
);

/**
 * A partner's system whose token carries `scope` (API Gateway's authorizer checks the scope
 * too). Staff tokens are refused here whatever their groups: partner routes are for machines.
 */
export const partnerScope = (scope: string) =>
  rule(`a partner client granted ${scope}`, ({ caller }) => {
    if (caller.kind === 'anonymous') return 'unauthenticated';
    if (caller.kind !== 'partner') return 'forbidden';
    return caller.scopes.includes(scope) ? 'allow' : 'forbidden';
  });

export const inGroup = (...allowed: Group[]) =>
  rule(`signed in and in ${allowed.join(' or ')}`, ({ caller }) => {
    if (caller.kind !== 'staff') return notStaff(caller);
    return caller.groups.some((group) => allowed.includes(group)) ? 'allow' : 'forbidden';
  });

export const elevated = rule('elevated with an authenticator', ({ caller }) => {
  if (caller.kind !== 'staff') return notStaff(caller);
  return caller.elevation.elevated ? 'allow' : 'elevation_required';
});

/**
 * Incidents are shared only with the `staff` group (DESIGN: every member of staff's account
 * has it). An account without it (an administration-only account, e.g. trust IT) records
 * nothing, cannot be alerted, tagged or assigned, and is not offered to alert: so
 * administration alone never brings incident content, whatever anyone clicks.
 */
export const recordingGroup: Group = 'staff';

export function sharesIncidents(account: { readonly groups: readonly Group[] }): boolean {
  return account.groups.includes(recordingGroup);
}

/** Someone an incident or action may alert, tag or assign now: in `staff`, and not disabled. */
export function mayBeSentIncidents(account: { readonly groups: readonly Group[]; readonly status: 'active' | 'disabled' }): boolean {
  return sharesIncidents(account) && account.status === 'active';
}

/** A relationship to a record counts only for an account in the `staff` group (see recordingGroup). */
export const relatedAs = (...kinds: Relationship[]) =>
  rule(`in ${recordingGroup}, and the record's ${kinds.join(', ')}`, ({ caller, record }) => {
    if (caller.kind !== 'staff') return notStaff(caller);
    return sharesIncidents(caller) && kinds.some((kind) => record?.relationships.has(kind)) ? 'allow' : 'hidden';
  });

/**
 * An elevated reader whose groups may view EVERY category on the record (a Behaviour +
 * Safeguarding incident stays with the DSLs). Someone who could never see it is told it
 * is not there; someone who could, once elevated, is asked to step up.
 */
export const elevatedViewer = rule('elevated, and every category on the record is open to their groups', ({ caller, record }) => {
  if (caller.kind !== 'staff') return notStaff(caller);
  if (!opensEveryCategory(caller, record?.categoryViewers ?? [])) return 'hidden';
  return caller.elevation.elevated ? 'allow' : 'elevation_required';
});

/**
 * True when, for each category (given by the groups that may view it), one of the account's
 * groups is among its viewers; never for no categories. The one rule for a record and for
 * the entries of a list, a pupil's file, a chronology or a report (casework/category-visibility).
 */
export function opensEveryCategory(account: { readonly groups: readonly Group[] }, categoryViewers: readonly (readonly Group[])[]): boolean {
  return categoryViewers.length > 0 && categoryViewers.every((viewers) => viewers.some((group) => account.groups.includes(group)));
}

/** Only DSLs see a pupil's safeguarding flags, key adult and NHS number (and changes to them on the chronology). */
export const seesSafeguarding = (account: { readonly groups: readonly Group[] }) => account.groups.includes('dsl');

/** True when the caller reads the record as an elevated viewer (and so sees every action). */
export function readsAsElevatedViewer(caller: Caller, record: RecordFacts): boolean {
  return elevatedViewer.decide({ caller, record }) === 'allow';
}

/** Every rule must allow; the first refusal is the answer. */
export const allOf = (...rules: Rule[]) =>
  rule(rules.map((each) => each.description).join(' and '), (request) => {
    for (const each of rules) {
      const decision = each.decide(request);
      if (decision !== 'allow') return decision;
    }
    return 'allow';
  });

/** Any rule may allow; otherwise the most helpful refusal (step up before hide). */
export const anyOf = (...rules: Rule[]) =>
  rule(rules.map((each) => each.description).join(' or '), (request) => {
    const decisions = rules.map((each) => each.decide(request));
    if (decisions.includes('allow')) return 'allow';
    for (const preferred of ['unauthenticated', 'elevation_required', 'forbidden', 'hidden'] as const) {
      if (decisions.includes(preferred)) return preferred;
    }
    return 'forbidden';
  });

/**
 * Decisions about who reads safeguarding records are a DSL's, elevated with their
 * authenticator: the DSL and SLT roles, alert-group membership, and who views or applies a
 * category. Otherwise an administrator could read incidents through an account they
 * invent (invite it as staff, add it to the Safeguarding team, wait for the next alert).
 */
export const safeguardingDecision = allOf(inGroup('dsl'), elevated);

/** Who sees every staff account in the directory, with its email, groups and status: administrators, who manage them. */
export const seesAccountDetails = inGroup('admin');

/** Who keeps accounts, alert groups and categories: administrators, and elevated DSLs (who alone make the safeguarding decisions within them). */
export const accountKeeper = anyOf(inGroup('admin'), safeguardingDecision);

/**
 * Each route has a gate (who may call it at all: sign-in, group, elevation), checked
 * before any record is read, and for record routes a rule over the caller's
 * relationship to the record, checked by the domain once it has loaded the record.
 */
export interface Permission {
  readonly gate: Rule;
  readonly record?: Rule;
}

export const permissions = {
  'health.read': { gate: publicAccess },
  'config.read': { gate: publicAccess },
  'openapi.read': { gate: publicAccess },
  'me.read': { gate: signedIn },
  'school.read': { gate: signedIn },
  'students.search': { gate: signedIn },
  'staff.list': { gate: signedIn },
  'alertGroups.list': { gate: signedIn },
  'categories.list': { gate: signedIn },
  'incidents.create': { gate: inGroup(recordingGroup) },
  'incidents.read': { gate: signedIn, record: anyOf(relatedAs('author', 'alerted', 'assigned', 'tagged'), elevatedViewer) },
  'actions.create': { gate: signedIn, record: anyOf(relatedAs('author', 'alerted', 'assigned', 'tagged'), elevatedViewer) },
  // An alert is found under the caller's own id: someone else's is simply not there.
  'alerts.list': { gate: signedIn },
  'alerts.markRead': { gate: signedIn },
  'alerts.acknowledge': { gate: signedIn },
  // The caller's own incidents and reminders, found under their own id.
  'me.incidents.list': { gate: signedIn },
  'me.reminders.list': { gate: signedIn },
  'me.mfa.setup': { gate: signedIn },
  'me.mfa.verify': { gate: signedIn },
  // Administration grants no incident content: none of these routes return any.
  // Administrators keep accounts; an elevated DSL may too (and only they grant dsl/slt: see below).
  'staff.create': { gate: accountKeeper },
  'staff.update': { gate: accountKeeper },
  // Alert groups and categories: administrators, and elevated DSLs, who alone decide who is
  // in a group and who views or applies a category (assertMayChangeAlertGroup, assertMayChangeCategoryRules).
  'alertGroups.create': { gate: accountKeeper },
  'alertGroups.update': { gate: accountKeeper },
  'alertGroups.delete': { gate: accountKeeper },
  'categories.create': { gate: accountKeeper },
  'categories.update': { gate: accountKeeper },
  'audit.read': { gate: safeguardingDecision },
  // Advice to the author on their own draft: anyone who records.
  'quality.check': { gate: inGroup(recordingGroup) },
  // The school's quality report is a DSL's, elevated: counts only, no author.
  'reports.recordingQuality': { gate: safeguardingDecision },
  // Casework (issue 11): elevated DSLs, and SLT within the categories open to them (decided
  // entry by entry in the domain); flags and leavers are a DSL's.
  'students.read': { gate: allOf(inGroup('dsl', 'slt'), elevated) },
  'students.chronology': { gate: allOf(inGroup('dsl', 'slt'), elevated) },
  'reports.summary': { gate: allOf(inGroup('dsl', 'slt'), elevated) },
  // A chronology export leaves the system (issue 13): an elevated DSL's alone. The category rule
  // still applies inside it: a category closed to the caller is refused, incidents with one left out.
  'students.exports.create': { gate: safeguardingDecision },
  // Leavers are kept and found by elevated DSLs only (the recording search never shows them).
  'students.find': { gate: safeguardingDecision },
  'students.flags.update': { gate: safeguardingDecision },
  'students.update': { gate: safeguardingDecision },
  // Uploading is part of recording; a file is read by whoever may read its incident (and action).
  'files.create': { gate: inGroup(recordingGroup) },
  'files.read': { gate: signedIn, record: anyOf(relatedAs('author', 'alerted', 'assigned', 'tagged'), elevatedViewer) },
  // DSL casework (issue 11). Decisions on a record (re-categorise, assign, close, review,
  // refer) are a DSL's; SLT read lists, histories and referrals within their categories.
  'triage.list': { gate: safeguardingDecision },
  'incidents.review': { gate: safeguardingDecision, record: elevatedViewer },
  'incidents.list': { gate: allOf(inGroup('dsl', 'slt'), elevated) },
  'incidents.update': { gate: safeguardingDecision, record: elevatedViewer },
  'incidents.history': { gate: allOf(inGroup('dsl', 'slt'), elevated), record: elevatedViewer },
  'referrals.create': { gate: safeguardingDecision, record: elevatedViewer },
  'incidentReferrals.list': { gate: allOf(inGroup('dsl', 'slt'), elevated), record: elevatedViewer },
  'referrals.update': { gate: safeguardingDecision, record: elevatedViewer },
  'referrals.list': { gate: safeguardingDecision },
  // The school's roll from its MIS: administrators (trust IT, the office). It brings no incident content.
  'students.import': { gate: inGroup('admin') },
  'imports.start': { gate: inGroup('admin') },
  'imports.read': { gate: inGroup('admin') },
  // Partners (issue 16): machine clients by scope only; staff tokens are refused there.
  'partners.encompass.create': { gate: partnerScope('lantern/encompass.write') },
  // Matching a police notification to a child is a safeguarding decision.
  'encompass.list': { gate: safeguardingDecision },
  'encompass.match': { gate: safeguardingDecision },
} satisfies Record<RouteId, Permission>;

const safeguardingRoles: readonly Group[] = ['dsl', 'slt'];

/** Throws the refusal of a safeguarding decision by someone who may not make it. */
function assertSafeguardingDecision(caller: Caller, what: string): void {
  const decision = safeguardingDecision.decide({ caller });
  if (decision === 'forbidden') throw new ForbiddenError(`Only a DSL, elevated with their authenticator, may ${what}.`);
  throwIfRefused(decision);
}

const changedBetween = <T>(before: readonly T[], after: readonly T[]) => [...before.filter((entry) => !after.includes(entry)), ...after.filter((entry) => !before.includes(entry))];

/** Nobody changes their own groups; only an elevated DSL grants or removes DSL or SLT. */
export function assertMayChangeGroups(caller: Caller, target: { staffId?: string; before: readonly Group[]; after: readonly Group[] }): void {
  const { staffId } = requireStaff(caller);
  const changed = changedBetween(target.before, target.after);
  if (changed.length === 0) return;
  if (target.staffId === staffId) throw new ForbiddenError('You cannot change your own groups; ask another administrator.');
  if (changed.some((group) => safeguardingRoles.includes(group))) assertSafeguardingDecision(caller, 'grant or remove the DSL or SLT role');
}

/** What decides who an alert group's button reaches: its members, and the name and description teachers choose it by. */
export interface AlertGroupShape {
  readonly name: string;
  readonly description: string;
  readonly memberIds: readonly string[];
}

/**
 * Membership of an alert group decides who reads what a teacher sends to it, so only an
 * elevated DSL changes it (creating a group with members, or removing one that has members,
 * changes memberships too). The name and description of a group with members are what a
 * teacher chooses it by: renaming one could send safeguarding concerns to the wrong people,
 * so that is a DSL's decision as well. Administrators may set up a group (create it empty,
 * rename or remove one while it has no members). Nobody adds themselves.
 * `before` is absent for a new group, `after` for a removed one.
 */
export function assertMayChangeAlertGroup(caller: Caller, change: { before?: AlertGroupShape; after?: AlertGroupShape }): void {
  const { staffId } = requireStaff(caller);
  const membersBefore = change.before?.memberIds ?? [];
  const membersAfter = change.after?.memberIds ?? [];
  if (membersAfter.includes(staffId) && !membersBefore.includes(staffId)) {
    throw new ForbiddenError('You cannot add yourself to an alert group; ask another DSL.');
  }
  if (changedBetween(membersBefore, membersAfter).length > 0) assertSafeguardingDecision(caller, "change who is in an alert group");
  const renamed = change.before && change.after && (change.before.name !== change.after.name || change.before.description !== change.after.description);
  if (renamed && membersBefore.length > 0) assertSafeguardingDecision(caller, 'rename or redescribe an alert group that has members');
}

/** A category's rules: who may put it on an incident, who may see its incidents once elevated, and whether it can be chosen at all. */
export interface CategoryRules {
  readonly appliedBy: readonly Group[];
  readonly visibleTo: readonly Group[];
  readonly active: boolean;
}

/** A new category an administrator adds starts closed: only DSLs apply it and see it, until a DSL opens it. */
const closedCategoryRules: Omit<CategoryRules, 'active'> = { appliedBy: ['dsl'], visibleTo: ['dsl'] };

/**
 * Who views or applies a category decides who reads its incidents (opening Safeguarding to
 * SLT, or letting anyone apply Child Protection), so only an elevated DSL changes its rules,
 * including a new category's. Administrators keep its name, guidance, sub-categories and
 * extra fields. `before` is absent for a new category, which is compared with the closed rules.
 */
export function assertMayChangeCategoryRules(caller: Caller, change: { before?: CategoryRules; after: CategoryRules }): void {
  requireStaff(caller);
  const before = change.before ?? { ...closedCategoryRules, active: change.after.active };
  const changed =
    changedBetween(before.appliedBy, change.after.appliedBy).length > 0 || changedBetween(before.visibleTo, change.after.visibleTo).length > 0 || before.active !== change.after.active;
  if (changed) assertSafeguardingDecision(caller, 'change who views or applies a category, or open or close one');
}

export function assertGate(routeId: RouteId, caller: Caller): void {
  throwIfRefused(permissions[routeId].gate.decide({ caller }));
}

/** For record routes: call once the record, and so the caller's relationships, are known. */
export function assertRecordAccess(routeId: RouteId, caller: Caller, record: RecordFacts): void {
  const permission: Permission = permissions[routeId];
  throwIfRefused(permission.gate.decide({ caller, record }));
  if (permission.record) throwIfRefused(permission.record.decide({ caller, record }));
}

/** Throws the typed error matching a refusal; returns quietly when allowed. */
function throwIfRefused(decision: Decision): void {
  switch (decision) {
    case 'allow':
      return;
    case 'unauthenticated':
      throw new UnauthorizedError('Sign in to use Lantern.');
    case 'elevation_required':
      throw new ElevationRequiredError('This needs a recent sign-in with your authenticator. Elevate your access and try again.');
    case 'hidden':
      throw new NotFoundError('No such record.');
    case 'forbidden':
      throw new ForbiddenError('Your role does not allow this.');
  }
}
