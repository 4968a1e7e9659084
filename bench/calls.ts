import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { declaredEnvironment, handlerEnvironment, usesByEntry } from '../local/handler-environment';
import { createHandlerModules } from '../local/handler-modules';
import type { LocalFacts } from '../local/local-facts';
import { demoStudents } from '../local/seed/demo-school';
import { routes, type RouteId } from '../shared/api/routes';
import { countAwsCalls } from './aws-call-counter';

/** One route's measured calls beside the fewest its design allows. */
export interface RouteCalls {
  readonly route: RouteId;
  readonly status: number;
  readonly counted: number;
  readonly calls: Record<string, number>;
  readonly designMinimum: number;
  readonly budget: number;
  readonly why: string;
  /** Items in each TransactWriteItems the request sent. */
  readonly transactionItems: number[];
}

interface CallCase {
  readonly route: RouteId;
  readonly designMinimum: number;
  /** What the route makes today, where that is above the minimum (the test holds it there). */
  readonly budget?: number;
  readonly why: string;
  /** Where the minimum depends on what the answer shows (e.g. a page with or without alerts). */
  readonly minimumFor?: (body: unknown) => number;
  readonly request: (context: { incidentId: string; alertId: string; studentId: string }) => { body?: unknown; pathParameters?: Record<string, string>; query?: Record<string, string> };
}

/**
 * The main routes, for a signed-in teacher (no elevation). Minimum = the reads the rules
 * need (the caller's profile: a token outlives a disabled account) plus one write when
 * something must be kept (an audit event, or the change and its audit in one transaction).
 */
export const callCases: readonly CallCase[] = [
  { route: 'me.read', designMinimum: 1, why: 'the caller’s current profile', request: () => ({}) },
  { route: 'school.read', designMinimum: 2, why: 'profile + the school profile item', request: () => ({}) },
  { route: 'categories.list', designMinimum: 3, why: 'profile + one Query of the categories + the audit Put (category lists are audited reads)', request: () => ({}) },
  { route: 'students.search', designMinimum: 3, why: 'profile + one Query of the name index + the audit Put (names shown are a read)', request: () => ({ query: { query: 'a' } }) },
  {
    route: 'incidents.create',
    designMinimum: 8,
    // The recording-quality findings stored at submission add the checker's roll lookups.
    budget: 10,
    why: 'budget 10 = the minimum 8 + the quality checker\'s roll lookups (one name-index Query per capitalised word, here "Bench" and "Ava"; the pupils on the draft are the create\'s own read); minimum: profile + the Idempotency-Key lookup, school profile, categories, alert groups, staff, pupils (6 reads, together; the answer\'s names come from them) + ONE TransactWriteItems (its outbox item carries the events: no PutEvents)',
    request: ({ studentId }) => ({ body: { studentId, description: 'Bench: Ava said "I forgot my lunch".', categories: [{ categoryId: 'well-being' }] } }),
  },
  { route: 'incidents.read', designMinimum: 6, why: 'profile + incident partition Query and categories (together) + audit Put alongside the view’s staff and pupil BatchGets (and the alert groups Query, only if the incident alerted a group)', request: ({ incidentId }) => ({ pathParameters: { id: incidentId } }) },
  {
    route: 'alerts.list',
    designMinimum: 3,
    why: 'profile + one Query of the caller’s alerts + the audit Put (a page with alerts adds one BatchGet of pupils’ names, alongside the Put)',
    minimumFor: (body) => 3 + ((body as { alerts?: unknown[] }).alerts?.length ? 1 : 0),
    request: () => ({ query: { limit: '20' } }),
  },
];

/**
 * Runs each case once in this process against a running local stack, through the same
 * handler modules, and counts the AWS calls its adapters made. The first request of each
 * route is a warm-up (cold-start reads, if any, are not a request's).
 */
export async function measureCalls(facts: LocalFacts, teacherId: string): Promise<RouteCalls[]> {
  // A throwaway cursor key: the bench follows no cursor across processes.
  const complete = handlerEnvironment(facts, { logLevel: 'error', cursorKey: 'bench-calls-cursor-key-0123456789abcdef0123' });
  const counter = countAwsCalls();
  // Each handler's cold start sees only its declaration's variables, as on the local stack.
  const modules = createHandlerModules({ environmentFor: (entry) => declaredEnvironment(complete, usesByEntry.get(entry) ?? []) });
  const studentId = demoStudents.find((student) => student.status === 'on_roll')!.id;
  let incidentId = '';
  const results: RouteCalls[] = [];
  for (const callCase of callCases) {
    const route = routes.find((candidate) => candidate.id === callCase.route)!;
    const handler = await modules.load<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>(route.entry);
    const invoke = async () => {
      const response = await handler(benchEvent(route.method, route.path, teacherId, callCase.request({ incidentId, alertId: '', studentId })), benchContext());
      if (callCase.route === 'incidents.create' && response.statusCode === 201) incidentId = JSON.parse(String(response.body)).id;
      return response;
    };
    await invoke();
    const { result: response, calls, total, transactionItems } = await counter.measure(invoke);
    const designMinimum = callCase.minimumFor ? callCase.minimumFor(JSON.parse(String(response.body || '{}'))) : callCase.designMinimum;
    results.push({ route: callCase.route, status: response.statusCode ?? 0, counted: total, calls, designMinimum, budget: callCase.budget ?? designMinimum, why: callCase.why, transactionItems });
  }
  return results;
}

let sequence = 0;

function benchEvent(method: string, path: string, staffId: string, request: { body?: unknown; pathParameters?: Record<string, string>; query?: Record<string, string> }): APIGatewayProxyEventV2WithJWTAuthorizer {
  sequence += 1;
  const now = Math.floor(Date.now() / 1000);
  const rawPath = path.replace('{id}', request.pathParameters?.id ?? '');
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath,
    rawQueryString: new URLSearchParams(request.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', 'idempotency-key': `bench-calls-${Date.now()}-${sequence}` },
    queryStringParameters: request.query,
    pathParameters: request.pathParameters,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'lantern-bench' },
      requestId: `bench-${sequence}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: { sub: staffId, 'cognito:groups': '[staff]', auth_time: now, iat: now, token_use: 'access' }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

function benchContext(): Context {
  return { awsRequestId: `bench-lambda-${sequence}`, getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
}
