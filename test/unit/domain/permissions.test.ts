import { describe, expect, it } from 'vitest';
import {
  allOf,
  anyOf,
  assertGate,
  assertRecordAccess,
  elevated,
  elevatedViewer,
  inGroup,
  permissions,
  publicAccess,
  readsAsElevatedViewer,
  relatedAs,
  signedIn,
  type Decision,
  type Permission,
  type RecordFacts,
  type Relationship,
} from '../../../shared/domain/permissions';
import type { RouteId } from '../../../shared/api/routes';
import type { Caller } from '../../../shared/domain/identity/caller';
import type { Group } from '../../../shared/domain/identity/groups';
import { anonymous } from '../../../shared/domain/identity/caller';
import { ElevationRequiredError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../../shared/errors/lantern-error';
import { safeguardingLead, seniorLeader, teacher } from '../support/callers';

/** A record the caller stands to as `kinds`, filed under categories viewable by `viewers`. */
const related = (...kinds: Relationship[]): RecordFacts => ({ relationships: new Set(kinds), categoryViewers: [['dsl', 'slt']] });
const filedUnder = (...categoryViewers: (readonly Group[])[]): RecordFacts => ({ relationships: new Set(), categoryViewers });

const errorFor: Record<Decision, (new (message: string) => Error) | undefined> = {
  allow: undefined,
  unauthenticated: UnauthorizedError,
  elevation_required: ElevationRequiredError,
  forbidden: ForbiddenError,
  hidden: NotFoundError,
};

const callers: [string, Caller][] = [
  ['an anonymous caller', anonymous],
  ['a teacher', teacher()],
  ['a DSL who has not stepped up', safeguardingLead(false)],
  ['an elevated DSL', safeguardingLead(true)],
  ['an elevated member of SLT', seniorLeader(true)],
];

function thrownBy(check: () => void): unknown {
  try {
    check();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('permission rules', () => {
  it('lets anyone through publicAccess', () => {
    // Prepare
    const callers = [anonymous, teacher()];

    // Act
    const decisions = callers.map((caller) => publicAccess.decide({ caller }));

    // Assess
    expect(decisions).toEqual(['allow', 'allow']);
  });

  it('asks an anonymous caller to sign in, and lets any member of staff through signedIn', () => {
    // Prepare
    const callers = [anonymous, teacher(), safeguardingLead()];

    // Act
    const decisions = callers.map((caller) => signedIn.decide({ caller }));

    // Assess
    expect(decisions).toEqual(['unauthenticated', 'allow', 'allow']);
  });

  it('lets only the named groups through inGroup', () => {
    // Prepare
    const leadsOnly = inGroup('dsl', 'slt');

    // Act
    const decisions = [anonymous, teacher(), safeguardingLead(), seniorLeader()].map((caller) => leadsOnly.decide({ caller }));

    // Assess
    expect(decisions).toEqual(['unauthenticated', 'forbidden', 'allow', 'allow']);
  });

  it('asks a member who has not stepped up to elevate', () => {
    // Prepare
    const callers = [anonymous, safeguardingLead(false), safeguardingLead(true)];

    // Act
    const decisions = callers.map((caller) => elevated.decide({ caller }));

    // Assess
    expect(decisions).toEqual(['unauthenticated', 'elevation_required', 'allow']);
  });

  it('hides a record from staff with none of the named relationships to it', () => {
    // Prepare
    const authorOrAlerted = relatedAs('author', 'alerted');

    // Act
    const decisions = [
      authorOrAlerted.decide({ caller: teacher(), record: related('alerted') }),
      authorOrAlerted.decide({ caller: teacher(), record: related('assigned', 'tagged') }),
      authorOrAlerted.decide({ caller: teacher() }),
      authorOrAlerted.decide({ caller: anonymous, record: related('author') }),
    ];

    // Assess
    expect(decisions).toEqual(['allow', 'hidden', 'hidden', 'unauthenticated']);
  });

  it('lets an elevated reader see a record only when every category on it is open to their groups', () => {
    // Prepare: Behaviour is open to dsl and slt; Safeguarding to dsl only.
    const behaviour: Group[] = ['dsl', 'slt'];
    const safeguarding: Group[] = ['dsl'];

    // Act
    const decisions = {
      sltOnBehaviour: elevatedViewer.decide({ caller: seniorLeader(true), record: filedUnder(behaviour) }),
      sltOnBehaviourAndSafeguarding: elevatedViewer.decide({ caller: seniorLeader(true), record: filedUnder(behaviour, safeguarding) }),
      dslOnBehaviourAndSafeguarding: elevatedViewer.decide({ caller: safeguardingLead(true), record: filedUnder(behaviour, safeguarding) }),
      dslNotSteppedUp: elevatedViewer.decide({ caller: safeguardingLead(false), record: filedUnder(safeguarding) }),
      teacher: elevatedViewer.decide({ caller: teacher(), record: filedUnder(behaviour) }),
      noCategories: elevatedViewer.decide({ caller: safeguardingLead(true), record: filedUnder() }),
      anonymous: elevatedViewer.decide({ caller: anonymous, record: filedUnder(behaviour) }),
    };

    // Assess
    expect(decisions).toEqual({
      sltOnBehaviour: 'allow',
      sltOnBehaviourAndSafeguarding: 'hidden',
      dslOnBehaviourAndSafeguarding: 'allow',
      dslNotSteppedUp: 'elevation_required',
      teacher: 'hidden',
      noCategories: 'hidden',
      anonymous: 'unauthenticated',
    });
    expect(readsAsElevatedViewer(seniorLeader(true), filedUnder(behaviour))).toBe(true);
    expect(readsAsElevatedViewer(seniorLeader(false), filedUnder(behaviour))).toBe(false);
  });

  it('needs every rule in allOf and answers the first refusal', () => {
    // Prepare
    const elevatedLead = allOf(inGroup('dsl'), elevated);

    // Act
    const decisions = [anonymous, teacher(), safeguardingLead(false), safeguardingLead(true)].map((caller) => elevatedLead.decide({ caller }));

    // Assess
    expect(decisions).toEqual(['unauthenticated', 'forbidden', 'elevation_required', 'allow']);
  });

  it('allows through anyOf when one rule allows', () => {
    // Prepare
    const authorOrElevated = anyOf(relatedAs('author'), elevated);

    // Act
    const decisions = [
      authorOrElevated.decide({ caller: teacher(), record: related('author') }),
      authorOrElevated.decide({ caller: safeguardingLead(true), record: related() }),
    ];

    // Assess
    expect(decisions).toEqual(['allow', 'allow']);
  });

  it('prefers asking to sign in over every other refusal in anyOf', () => {
    // Prepare
    const rule = anyOf(relatedAs('author'), elevated, inGroup('dsl'));

    // Act
    const decision = rule.decide({ caller: anonymous, record: related() });

    // Assess
    expect(decision).toBe('unauthenticated');
  });

  it('prefers stepping up to hiding in anyOf', () => {
    // Prepare
    const rule = anyOf(relatedAs('author', 'alerted'), elevated);

    // Act
    const decision = rule.decide({ caller: safeguardingLead(false), record: related() });

    // Assess
    expect(decision).toBe('elevation_required');
  });

  it('prefers stepping up to a forbidden group in anyOf', () => {
    // Prepare
    const rule = anyOf(inGroup('admin'), elevated);

    // Act
    const decision = rule.decide({ caller: seniorLeader(false) });

    // Assess
    expect(decision).toBe('elevation_required');
  });

  it('describes combined rules in words', () => {
    // Prepare
    const rule = allOf(inGroup('dsl'), anyOf(relatedAs('author'), elevated));

    // Act
    const description = rule.description;

    // Assess
    expect(description).toBe("signed in and in dsl and in staff, and the record's author or elevated with an authenticator");
  });
});

describe('assertGate', () => {
  it('returns quietly for an allowed caller', () => {
    // Prepare
    const caller = teacher();

    // Act
    const check = () => assertGate('me.read', caller);

    // Assess
    expect(check).not.toThrow();
  });

  it('throws UnauthorizedError for an anonymous caller on a signed-in route', () => {
    // Prepare
    const caller = anonymous;

    // Act
    const check = () => assertGate('me.read', caller);

    // Assess
    expect(check).toThrow(UnauthorizedError);
  });

  it('lets an anonymous caller through a public route', () => {
    // Prepare
    const caller = anonymous;

    // Act
    const check = () => assertGate('health.read', caller);

    // Assess
    expect(check).not.toThrow();
  });
});

describe('assertRecordAccess', () => {
  it('throws UnauthorizedError for an anonymous caller', () => {
    // Prepare
    const caller = anonymous;

    // Act
    const check = () => assertRecordAccess('me.read', caller, related('author'));

    // Assess
    expect(check).toThrow(UnauthorizedError);
  });

  it('allows a signed-in caller through a route without a record rule', () => {
    // Prepare
    const caller = teacher();

    // Act
    const check = () => assertRecordAccess('me.read', caller, related());

    // Assess
    expect(check).not.toThrow();
  });

  it('hides an incident from a teacher with no part in it, and asks a DSL to step up', () => {
    // Prepare
    const safeguardingRecord = filedUnder(['dsl']);

    // Act
    const teacherCheck = () => assertRecordAccess('incidents.read', teacher(), safeguardingRecord);
    const leadCheck = () => assertRecordAccess('incidents.read', safeguardingLead(false), safeguardingRecord);
    const authorCheck = () => assertRecordAccess('incidents.read', teacher(), { ...safeguardingRecord, relationships: new Set(['author']) });

    // Assess
    expect(teacherCheck).toThrow(NotFoundError);
    expect(leadCheck).toThrow(ElevationRequiredError);
    expect(authorCheck).not.toThrow();
  });

  it.each(callers)('throws the typed error matching each route’s decision for %s', (_, caller) => {
    // Prepare
    const routeIds = Object.keys(permissions) as RouteId[];
    const records = [related(), related('author'), related('alerted', 'tagged'), filedUnder(['dsl']), filedUnder(['dsl', 'slt'], ['dsl'])];

    // Act
    const outcomes = routeIds.flatMap((routeId) =>
      records.map((record) => {
        const permission: Permission = permissions[routeId];
        const gate = permission.gate.decide({ caller, record });
        const decision = gate === 'allow' && permission.record ? permission.record.decide({ caller, record }) : gate;
        return { routeId, decision, thrown: thrownBy(() => assertRecordAccess(routeId, caller, record)) };
      }),
    );

    // Assess
    for (const { decision, thrown } of outcomes) {
      const expected = errorFor[decision];
      if (expected) expect(thrown).toBeInstanceOf(expected);
      else expect(thrown).toBeUndefined();
    }
  });
});

describe('assertGate over the whole table', () => {
  it.each(callers)('throws exactly when the gate refuses %s', (_, caller) => {
    // Prepare
    const routeIds = Object.keys(permissions) as RouteId[];

    // Act
    const outcomes = routeIds.map((routeId) => ({ decision: permissions[routeId].gate.decide({ caller }), thrown: thrownBy(() => assertGate(routeId, caller)) }));

    // Assess
    for (const { decision, thrown } of outcomes) {
      const expected = errorFor[decision];
      if (expected) expect(thrown).toBeInstanceOf(expected);
      else expect(thrown).toBeUndefined();
    }
  });
});
