import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routes, type RouteDefinition, type RouteId } from '../../../shared/api/routes';
import { permissions } from '../../../shared/domain/permissions';
import type { ApiHandler } from '../../../shared/http/api-route';
import { apiEvent, lambdaContext, partnerAccessClaims } from '../support/api-event';
import type { FakeDeps } from '../support/fake-deps';
import { accessTokenOf, claimsOf, personaFacts, personas, staffIdOf, type Persona } from './personas';
import { emptyAlertGroup, recordAlertIdOf, recordKinds, schoolWithRecords, seniorLeadershipGroup, teachingAssistant, type RecordKind } from './school-with-records';
import { requests, type RequestFor } from './route-requests';
import { useSchool } from './switchable-context';

// Every handler builds its context when imported, as on a cold start, from its declaration:
// it reads a complete test environment and is handed the fake school's declared ports only.
vi.mock('../../../shared/config/environment-source', () => import('./switchable-context').then((stand) => stand.environmentSourceStandIn));
vi.mock('../../../shared/deps/build-deps', () => import('./switchable-context').then((stand) => stand.buildDepsStandIn));

/**
 * What a cell answers. A 403 names its reason, because the front end steps up on
 * `elevation_required` and gives up on `forbidden`.
 */
type Outcome = 200 | 201 | 202 | 204 | 401 | 404 | 'forbidden' | 'elevation_required';
type ByRecord = Readonly<Record<RecordKind, Outcome>>;
type Expectation = Readonly<Record<Persona, Outcome | ByRecord>>;

const everyone = (outcome: Outcome): Expectation => ({
  anonymous: outcome,
  staffAuthor: outcome,
  staffAlerted: outcome,
  staffUnrelated: outcome,
  sltNotElevated: outcome,
  sltElevated: outcome,
  dslNotElevated: outcome,
  dslElevated: outcome,
  admin: outcome,
});
const signedIn = (outcome: Outcome): Expectation => ({ ...everyone(outcome), anonymous: 401 });
const adminOnly = (outcome: Outcome): Expectation => ({ ...everyone('forbidden'), anonymous: 401, admin: outcome });
/** Accounts, alert groups, categories: administrators, and DSLs once elevated (who alone make the safeguarding decisions below). */
const accountKeepers = (outcome: Outcome): Expectation => ({ ...adminOnly(outcome), dslNotElevated: 'elevation_required', dslElevated: outcome });
/**
 * Who reads safeguarding records (DSL/SLT roles, alert-group members, a category's viewers
 * and appliers) is decided by an elevated DSL alone: an administrator is refused (issue 8).
 */
const safeguardingDecision = (outcome: Outcome): Expectation => ({ ...accountKeepers(outcome), admin: 'forbidden' });

/** Readable by author and alerted; elevated viewers only when every category is open to them. */
const incidentContent = (allowed: 200 | 201): Expectation => ({
  anonymous: 401,
  staffAuthor: allowed,
  staffAlerted: allowed,
  staffUnrelated: 404,
  sltNotElevated: { behaviour: 'elevation_required', safeguarding: 404, childProtection: 404 },
  sltElevated: { behaviour: allowed, safeguarding: 404, childProtection: 404 },
  dslNotElevated: 'elevation_required',
  dslElevated: allowed,
  // `admin` alone grants no incident content.
  admin: 404,
});

/** Elevated DSLs only: everyone else signed in is refused, and a DSL is asked to step up. */
const elevatedDslOnly = (outcome: Outcome): Expectation => ({ ...everyone('forbidden'), anonymous: 401, dslNotElevated: 'elevation_required', dslElevated: outcome });
/**
 * Elevated DSLs and SLT (issue 11: SLT within the categories open to them); nobody else,
 * whatever they wrote or were sent.
 */
const elevatedLeads = (outcome: Outcome, forSlt: Outcome | ByRecord = outcome): Expectation => ({
  ...elevatedDslOnly(outcome),
  sltNotElevated: 'elevation_required',
  sltElevated: forSlt,
});

/**
 * The authorization matrix, written by hand from DESIGN.md section 1 and issue 5, not
 * derived from the permission table it checks.
 */
const expectations: Readonly<Record<string, Expectation>> = {
  'health.read': everyone(200),
  'config.read': everyone(200),
  'openapi.read': everyone(200),
  'me.read': signedIn(200),
  'school.read': signedIn(200),
  'students.search': signedIn(200),
  'staff.list': signedIn(200),
  'alertGroups.list': signedIn(200),
  'categories.list': signedIn(200),
  // Anyone may record; only a DSL may apply Child Protection, elevated or not.
  'incidents.create': {
    ...signedIn(201),
    staffAuthor: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
    staffAlerted: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
    staffUnrelated: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
    sltNotElevated: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
    sltElevated: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
    admin: { behaviour: 201, safeguarding: 201, childProtection: 'forbidden' },
  },
  'incidents.read': incidentContent(200),
  'actions.create': incidentContent(201),
  // Each persona marks their own alert.
  'alerts.list': signedIn(200),
  'me.incidents.list': signedIn(200),
  'me.reminders.list': signedIn(200),
  'alerts.markRead': signedIn(200),
  'alerts.acknowledge': signedIn(200),
  'me.mfa.setup': signedIn(200),
  'me.mfa.verify': signedIn(200),
  'staff.create': accountKeepers(201),
  'staff.update': accountKeepers(200),
  // The matrix requests add a member, rename a group with members, remove a group with members.
  'alertGroups.create': safeguardingDecision(201),
  'alertGroups.update': safeguardingDecision(200),
  'alertGroups.delete': safeguardingDecision(204),
  // A new category staff may apply; a change of guidance only.
  'categories.create': safeguardingDecision(201),
  'categories.update': accountKeepers(200),
  'audit.read': elevatedDslOnly(200),
  // Advice on one's own draft; the school's quality report is an elevated DSL's.
  'quality.check': signedIn(200),
  'reports.recordingQuality': elevatedDslOnly(200),
  // Casework (issue 11): elevated DSLs, and SLT limited to their categories entry by entry.
  'students.read': elevatedLeads(200),
  'students.chronology': elevatedLeads(200),
  'reports.summary': elevatedLeads(200),
  // Issue 13: an export leaves the system, so it is an elevated DSL's alone; SLT are refused,
  // whether the category asked for is open to them (Behaviour) or closed (Safeguarding, Child Protection).
  'students.exports.create': elevatedDslOnly(201),
  // A pupil's flags and leaving are a DSL's: SLT are refused even elevated.
  'students.flags.update': elevatedDslOnly(200),
  'students.update': elevatedDslOnly(200),
  // Leavers are found by elevated DSLs only: SLT, staff and administrators are refused.
  'students.find': elevatedDslOnly(200),
  // Uploading is recording; a file is read as its incident is.
  'files.create': signedIn(201),
  'files.read': incidentContent(200),
  // DSL casework (issue 11): decisions on a record are an elevated DSL's; SLT read lists,
  // histories and an incident's referrals, and only of incidents whose categories are open to them.
  'triage.list': elevatedDslOnly(200),
  'incidents.review': elevatedDslOnly(200),
  'incidents.list': elevatedLeads(200),
  'incidents.update': elevatedDslOnly(200),
  'incidents.history': elevatedLeads(200, { behaviour: 200, safeguarding: 404, childProtection: 404 }),
  'referrals.create': elevatedDslOnly(201),
  'incidentReferrals.list': elevatedLeads(200, { behaviour: 200, safeguarding: 404, childProtection: 404 }),
  'referrals.update': elevatedDslOnly(200),
  'referrals.list': elevatedDslOnly(200),
  // Pupil import (issue 15): administrators alone; a DSL's elevation does not open it.
  'students.import': adminOnly(201),
  'imports.start': adminOnly(202),
  'imports.read': adminOnly(200),
  // Partners (issue 16): a machine client's scope alone opens a partner route; every staff token is refused.
  'partners.encompass.create': { ...everyone('forbidden'), anonymous: 401 },
  // Matching a police notification to a child is an elevated DSL's.
  'encompass.list': elevatedDslOnly(200),
  'encompass.match': elevatedDslOnly(200),
} satisfies Record<RouteId, Expectation>;

interface Decision {
  readonly routeId: RouteId;
  readonly name: string;
  readonly request: RequestFor;
  readonly expected: Expectation;
}

/** Anyone who may call an account or administration route at all, refused this one thing. */
const nobodyMay: Expectation = accountKeepers('forbidden');
const ownId = (persona: Persona) => (persona === 'anonymous' ? teachingAssistant.id : staffIdOf(persona));
const ownGroups = (persona: Persona) => (persona === 'anonymous' ? ['staff'] : [...personaFacts[persona].profile.groups]);
const aNewCategory = { name: 'Online safety', guidance: 'When a child has met something harmful online.' };

/**
 * Issue 8 items 2 and 5, written by hand: what an administrator may still do, what only an
 * elevated DSL may, and the refusals decided in the domain rather than at the gate.
 */
const safeguardingDecisions: readonly Decision[] = [
  { routeId: 'alertGroups.create', name: 'an empty group', request: () => ({ body: { name: 'Year 6 team', description: 'Everyone in Year 6' } }), expected: accountKeepers(201) },
  { routeId: 'alertGroups.create', name: 'a group with the caller in it', request: (persona) => ({ body: { name: 'Mine', memberIds: [ownId(persona)] } }), expected: nobodyMay },
  {
    routeId: 'alertGroups.update',
    name: 'adding a member',
    request: () => ({ pathParameters: { id: seniorLeadershipGroup.id }, body: { memberIds: [...seniorLeadershipGroup.memberIds, teachingAssistant.id] } }),
    expected: safeguardingDecision(200),
  },
  {
    routeId: 'alertGroups.update',
    name: 'adding a member to an empty group',
    request: () => ({ pathParameters: { id: emptyAlertGroup.id }, body: { memberIds: [teachingAssistant.id] } }),
    expected: safeguardingDecision(200),
  },
  {
    routeId: 'alertGroups.update',
    name: 'adding the caller',
    request: (persona) => ({ pathParameters: { id: emptyAlertGroup.id }, body: { memberIds: [ownId(persona)] } }),
    expected: nobodyMay,
  },
  { routeId: 'alertGroups.update', name: 'renaming an empty group', request: () => ({ pathParameters: { id: emptyAlertGroup.id }, body: { name: 'Year 1 and 2 team' } }), expected: accountKeepers(200) },
  { routeId: 'alertGroups.update', name: 'a group that does not exist', request: () => ({ pathParameters: { id: 'no-such-group' }, body: { name: 'Nobody' } }), expected: accountKeepers(404) },
  { routeId: 'alertGroups.delete', name: 'an empty group', request: () => ({ pathParameters: { id: emptyAlertGroup.id } }), expected: accountKeepers(204) },
  { routeId: 'categories.create', name: 'closed: DSLs apply and view it', request: () => ({ body: { id: 'online-safety', ...aNewCategory, appliedBy: ['dsl'], visibleTo: ['dsl'] } }), expected: accountKeepers(201) },
  { routeId: 'categories.create', name: 'open to SLT', request: () => ({ body: { id: 'online-safety', ...aNewCategory, appliedBy: ['dsl'], visibleTo: ['dsl', 'slt'] } }), expected: safeguardingDecision(201) },
  { routeId: 'categories.update', name: 'opening Safeguarding to SLT', request: () => ({ pathParameters: { id: 'safeguarding' }, body: { visibleTo: ['dsl', 'slt'] } }), expected: safeguardingDecision(200) },
  { routeId: 'categories.update', name: 'letting staff apply Child Protection', request: () => ({ pathParameters: { id: 'child-protection' }, body: { appliedBy: ['staff', 'dsl'] } }), expected: safeguardingDecision(200) },
  { routeId: 'categories.update', name: 'closing Safeguarding', request: () => ({ pathParameters: { id: 'safeguarding' }, body: { active: false } }), expected: safeguardingDecision(200) },
  { routeId: 'categories.update', name: 'new sub-categories', request: () => ({ pathParameters: { id: 'safeguarding' }, body: { subCategories: [{ id: 'online', name: 'Online' }] } }), expected: accountKeepers(200) },
  { routeId: 'categories.update', name: 'a category that does not exist', request: () => ({ pathParameters: { id: 'no-such-category' }, body: { guidance: 'Never used.' } }), expected: accountKeepers(404) },
  {
    routeId: 'staff.create',
    name: 'inviting a DSL',
    request: () => ({ body: { email: 'n.ward@castlemead.example.sch.uk', givenName: 'Nadia', familyName: 'Ward', jobTitle: 'Deputy DSL', groups: ['staff', 'dsl'] } }),
    expected: safeguardingDecision(201),
  },
  { routeId: 'staff.update', name: 'granting SLT', request: () => ({ pathParameters: { id: teachingAssistant.id }, body: { groups: ['staff', 'slt'] } }), expected: safeguardingDecision(200) },
  { routeId: 'staff.update', name: 'removing DSL', request: () => ({ pathParameters: { id: staffIdOf('dslNotElevated') }, body: { groups: ['staff'] } }), expected: safeguardingDecision(200) },
  {
    routeId: 'staff.update',
    name: "the caller's own groups",
    request: (persona) => ({ pathParameters: { id: ownId(persona) }, body: { groups: [...ownGroups(persona), 'slt'] } }),
    expected: nobodyMay,
  },
  { routeId: 'staff.update', name: 'an account that does not exist', request: () => ({ pathParameters: { id: 'no-such-member' }, body: { jobTitle: 'Nobody' } }), expected: accountKeepers(404) },
];

const errorCodeOf: Partial<Record<Outcome, string>> = {
  401: 'unauthorized',
  404: 'not_found',
  forbidden: 'forbidden',
  elevation_required: 'elevation_required',
};

/** Status and error code together, so a 403 for the wrong reason fails. */
function answerFor(outcome: Outcome): { status: number; error?: string } {
  if (outcome === 'forbidden' || outcome === 'elevation_required') return { status: 403, error: outcome };
  return { status: outcome, error: errorCodeOf[outcome] };
}

function answerOf(response: APIGatewayProxyStructuredResultV2): { status: number; error?: string } {
  const body = response.body ? (JSON.parse(response.body) as { error?: string }) : {};
  return { status: response.statusCode ?? 0, error: body.error };
}

function expectedOutcome(routeId: string, persona: Persona, record: RecordKind): Outcome | undefined {
  const cell = expectations[routeId]?.[persona];
  return typeof cell === 'object' ? cell[record] : cell;
}

const handlers = new Map<string, Promise<ApiHandler>>();

function handlerOf(route: RouteDefinition): Promise<ApiHandler> {
  if (!handlers.has(route.entry)) {
    handlers.set(route.entry, import(path.resolve(route.entry)).then((module: { handler: ApiHandler }) => module.handler));
  }
  return handlers.get(route.entry)!;
}

/** Calls the route's real handler module as API Gateway would, against a fresh school. */
async function call(route: RouteDefinition, persona: Persona, record: RecordKind, pathParameters?: Record<string, string>, requestFor: RequestFor = requests[route.id as RouteId]) {
  const deps = await schoolWithRecords();
  useSchool(deps);
  const request = requestFor(persona, record);
  await request.arrange?.(deps);
  const parameters = pathParameters ?? request.pathParameters;
  const event = apiEvent({
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(parameters?.[name] ?? '')),
    claims: claimsOf(persona),
    ...(persona === 'anonymous' ? {} : { headers: { authorization: `Bearer ${accessTokenOf(persona)}` } }),
    pathParameters: parameters,
    query: request.query,
    body: request.body,
  });
  const handler = await handlerOf(route);
  const before = { state: stateOf(deps), auditEvents: deps.audit.events.length };
  const response = await handler(event, lambdaContext());
  return { response, deps, changed: stateOf(deps) !== before.state, audited: deps.audit.events.slice(before.auditEvents) };
}

/** Everything a write could touch, apart from the audit trail. */
function stateOf(deps: FakeDeps): string {
  return JSON.stringify({
    staff: [...deps.staff.profiles.values()],
    categories: deps.categories.categories,
    alertGroups: deps.alertGroups.groups,
    alerts: [...deps.alerts.alerts.values()],
    incidents: deps.incidents.recorded.length,
    actions: deps.incidents.actionsAppended.length,
    accounts: [...deps.identity.accounts.values()],
    authenticators: [...deps.identity.confirmedAuthenticators],
    events: deps.incidents.outbox.length,
    incidentStates: deps.incidents.all(),
    versions: deps.casework.versions.length,
    referrals: [...deps.referrals.referrals.values()],
    referralChecks: deps.referralChecks.scheduled.length,
    encompass: [...deps.encompass.notifications.values()],
  });
}

/**
 * Refusals the code does not audit yet, against issue 5 ("every refused attempt writes an
 * audit event"): a DSL-only category is refused inside `validateCategoryChoices`, outside
 * any `auditRefusal`. Reported, not fixed here. When it is fixed these cells fail: delete
 * the entry.
 */
const unauditedRefusals = new Set<string>();

/**
 * A refusal changes nothing, and is audited once with its reason when the caller is
 * signed in (an anonymous request never reaches a handler in AWS).
 */
function assertRefusalLeftNoTrace(routeId: string, record: RecordKind, outcome: Outcome, persona: Persona, result: Awaited<ReturnType<typeof call>>) {
  const { status, error } = answerFor(outcome);
  if (status < 400) return;
  expect(result.changed, 'a refused request changed the school').toBe(false);
  const audited = result.audited.map((event) => ({ outcome: event.outcome, reason: event.reason }));
  const expected = persona === 'anonymous' ? [] : [{ outcome: 'refused', reason: error }];
  if (persona !== 'anonymous' && unauditedRefusals.has(`${routeId} ${record}`)) {
    expect(audited, `${routeId} now audits this refusal: remove it from unauditedRefusals`).not.toEqual(expected);
    return;
  }
  expect(audited, 'the audit trail of a refusal').toEqual(expected);
}

const describeOutcome = (outcome: Outcome | undefined) =>
  outcome === undefined ? 'no expectation' : typeof outcome === 'number' ? String(outcome) : `403 ${outcome}`;
const sortedIds = (ids: Iterable<string>) => [...ids].sort();

describe('the authorization matrix', () => {
  describe('covers every route in the catalogue', () => {
    it('has an expectation for every route, and none for a route that does not exist', () => {
      // Prepare
      const routeIds = routes.map((route) => route.id);

      // Act
      const expected = Object.keys(expectations);

      // Assess
      expect(sortedIds(expected)).toEqual(sortedIds(routeIds));
    });

    it('finds a rule in the permission table for every route, and none for a route that does not exist', () => {
      // Prepare
      const routeIds = routes.map((route) => route.id);

      // Act
      const ruled = Object.keys(permissions);

      // Assess
      expect(sortedIds(ruled)).toEqual(sortedIds(routeIds));
    });

    it('has a valid request for every route', () => {
      // Prepare
      const routeIds = routes.map((route) => route.id);

      // Act
      const requested = Object.keys(requests);

      // Assess
      expect(sortedIds(requested)).toEqual(sortedIds(routeIds));
    });

    it('states an outcome for every persona and record on every route', () => {
      // Prepare
      const missing: string[] = [];

      // Act
      for (const route of routes) {
        for (const persona of personas) {
          for (const record of recordKinds) {
            if (expectedOutcome(route.id, persona, record) === undefined) missing.push(`${route.id} ${persona} ${record}`);
          }
        }
      }

      // Assess
      expect(missing).toEqual([]);
    });
  });

  for (const route of routes) {
    describe(`${route.id} (${route.method} ${route.path})`, () => {
      for (const persona of personas) {
        for (const record of recordKinds) {
          const outcome = expectedOutcome(route.id, persona, record);
          it(`${persona}, ${record} record → ${describeOutcome(outcome)}`, async () => {
            // Prepare
            if (outcome === undefined) expect.fail(`No expected outcome for ${route.id} as ${persona} on the ${record} record: add one to the matrix`);

            // Act
            const result = await call(route, persona, record);

            // Assess
            expect(answerOf(result.response), `${route.id} as ${persona} on the ${record} record answered ${result.response.body}`).toEqual(answerFor(outcome));
            assertRefusalLeftNoTrace(route.id, record, outcome, persona, result);
          });
        }
      }
    });
  }

  // An alert is found under its recipient: anyone else is told it is not there.
  describe("someone else's alert", () => {
    const alertRoutes = routes.filter((route) => route.id === 'alerts.markRead' || route.id === 'alerts.acknowledge');
    const others = personas.filter((persona) => persona !== 'staffAlerted');

    it('is measured on both alert routes', () => {
      // Assess
      expect(alertRoutes.map((route) => route.id).sort()).toEqual(['alerts.acknowledge', 'alerts.markRead']);
    });

    for (const route of alertRoutes) {
      for (const persona of others) {
        for (const record of recordKinds) {
          const outcome: Outcome = persona === 'anonymous' ? 401 : 404;
          it(`${route.id}: ${persona} on the alerted teacher's ${record} alert → ${outcome}`, async () => {
            // Act
            const result = await call(route, persona, record, { id: recordAlertIdOf(record) });

            // Assess
            expect(answerOf(result.response), `${result.response.body}`).toEqual(answerFor(outcome));
            assertRefusalLeftNoTrace(route.id, record, outcome, persona, result);
          });
        }
      }
    }
  });
});

// Issue 8: the decisions an administrator may and may not make, request by request.
describe('safeguarding decisions and refusals decided in the domain', () => {
  for (const decision of safeguardingDecisions) {
    const route = routes.find((candidate) => candidate.id === decision.routeId)!;
    describe(`${decision.routeId}: ${decision.name}`, () => {
      for (const persona of personas) {
        const outcome = decision.expected[persona] as Outcome;
        it(`${persona} → ${describeOutcome(outcome)}`, async () => {
          // Act
          const result = await call(route, persona, 'behaviour', undefined, decision.request);

          // Assess
          expect(answerOf(result.response), `${result.response.body}`).toEqual(answerFor(outcome));
          assertRefusalLeftNoTrace(route.id, 'behaviour', outcome, persona, result);
        });
      }
    });
  }
});

/**
 * Partner tokens (issue 16): a client-credentials token opens only the partner route its
 * scope names, and every staff route refuses it (403 forbidden, audited with its client id),
 * whatever scopes it carries. Public routes answer anyone.
 */
describe('partner tokens on every route', () => {
  const partners = {
    police: { clientId: 'police-client', scopes: ['lantern/encompass.write'] },
    localAuthority: { clientId: 'la-client', scopes: ['lantern/la.summary.read', 'lantern/la.shared.read'] },
  } as const;
  const partnerOutcome = (route: RouteDefinition, partner: keyof typeof partners): Outcome => {
    if (route.public) return 200;
    return (route.scopes ?? []).some((scope) => (partners[partner].scopes as readonly string[]).includes(scope)) ? 201 : 'forbidden';
  };

  for (const route of routes) {
    for (const partner of Object.keys(partners) as (keyof typeof partners)[]) {
      const outcome = partnerOutcome(route, partner);
      it(`${route.id}: the ${partner} partner → ${describeOutcome(outcome)}`, async () => {
        // Prepare
        const deps = await schoolWithRecords();
        useSchool(deps);
        const request = requests[route.id as RouteId]('staffAuthor', 'behaviour');
        await request.arrange?.(deps);
        const event = apiEvent({
          method: route.method,
          path: route.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(request.pathParameters?.[name] ?? '')),
          claims: partnerAccessClaims(partners[partner]),
          headers: { authorization: 'Bearer partner-token' },
          pathParameters: request.pathParameters,
          query: request.query,
          body: request.body,
        });
        const before = { state: stateOf(deps), auditEvents: deps.audit.events.length };

        // Act
        const response = await (await handlerOf(route))(event, lambdaContext());

        // Assess
        expect(answerOf(response), `${response.body}`).toEqual(answerFor(outcome));
        if (outcome === 'forbidden') {
          expect(stateOf(deps), 'a refused partner changed the school').toBe(before.state);
          expect(deps.audit.events.slice(before.auditEvents).map((each) => ({ outcome: each.outcome, reason: each.reason, clientId: each.clientId }))).toEqual([
            { outcome: 'refused', reason: 'forbidden', clientId: partners[partner].clientId },
          ]);
        }
      });
    }
  }
});
