import type { RouteId } from '../api/routes';
import type { Caller } from './identity/caller';
import type { Group } from './identity/groups';
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

export const signedIn = rule('any signed-in member of staff', ({ caller }) =>
  caller.kind === 'staff' ? 'allow' : 'unauthenticated',
);

export const inGroup = (...allowed: Group[]) =>
  rule(`signed in and in ${allowed.join(' or ')}`, ({ caller }) => {
    if (caller.kind !== 'staff') return 'unauthenticated';
    return caller.groups.some((group) => allowed.includes(group)) ? 'allow' : 'forbidden';
  });

export const elevated = rule('elevated with an authenticator', ({ caller }) => {
  if (caller.kind !== 'staff') return 'unauthenticated';
  return caller.elevation.elevated ? 'allow' : 'elevation_required';
});

export const relatedAs = (...kinds: Relationship[]) =>
  rule(`the record's ${kinds.join(', ')}`, ({ caller, record }) => {
    if (caller.kind !== 'staff') return 'unauthenticated';
    return kinds.some((kind) => record?.relationships.has(kind)) ? 'allow' : 'hidden';
  });

/**
 * An elevated reader whose groups may view EVERY category on the record (a Behaviour +
 * Safeguarding incident stays with the DSLs). Someone who could never see it is told it
 * is not there; someone who could, once elevated, is asked to step up.
 */
export const elevatedViewer = rule('elevated, and every category on the record is open to their groups', ({ caller, record }) => {
  if (caller.kind !== 'staff') return 'unauthenticated';
  const categories = record?.categoryViewers ?? [];
  const mayView = categories.length > 0 && categories.every((viewers) => viewers.some((group) => caller.groups.includes(group)));
  if (!mayView) return 'hidden';
  return caller.elevation.elevated ? 'allow' : 'elevation_required';
});

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
  'incidents.create': { gate: signedIn },
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
  'staff.create': { gate: anyOf(inGroup('admin'), allOf(inGroup('dsl'), elevated)) },
  'staff.update': { gate: anyOf(inGroup('admin'), allOf(inGroup('dsl'), elevated)) },
  'alertGroups.create': { gate: inGroup('admin') },
  'alertGroups.update': { gate: inGroup('admin') },
  'alertGroups.delete': { gate: inGroup('admin') },
  'categories.create': { gate: inGroup('admin') },
  'categories.update': { gate: inGroup('admin') },
  'audit.read': { gate: allOf(inGroup('dsl'), elevated) },
} satisfies Record<RouteId, Permission>;

/**
 * The DSL and SLT roles open pupils' histories, so only an elevated DSL may grant or
 * remove them; otherwise an administrator could make themselves (or an invented account)
 * a DSL. Nobody changes their own groups.
 */
export const mayChangeSafeguardingRoles = allOf(inGroup('dsl'), elevated);
const safeguardingRoles: readonly Group[] = ['dsl', 'slt'];

export function assertMayChangeGroups(caller: Caller, target: { staffId?: string; before: readonly Group[]; after: readonly Group[] }): void {
  if (caller.kind !== 'staff') throw new UnauthorizedError('Sign in to use Lantern.');
  const changed = [...target.before.filter((group) => !target.after.includes(group)), ...target.after.filter((group) => !target.before.includes(group))];
  if (changed.length === 0) return;
  if (target.staffId === caller.staffId) throw new ForbiddenError('You cannot change your own groups; ask another administrator.');
  if (changed.some((group) => safeguardingRoles.includes(group)) && mayChangeSafeguardingRoles.decide({ caller }) !== 'allow') {
    throw new ForbiddenError('Only a DSL, elevated with their authenticator, may grant or remove the DSL or SLT role.');
  }
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
