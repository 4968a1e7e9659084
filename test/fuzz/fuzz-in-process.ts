import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { buildHttpApiEvent } from '../../local/gateway/build-http-api-event';
import { MAX_BODY_BYTES, MAX_HEADER_BYTES } from '../../local/gateway/http-gateway';
import { createRouteMatcher } from '../../local/gateway/match-route';
import { createLambdaContext } from '../../local/lambda-context';
import { routes as catalogue, type RouteDefinition } from '../../shared/api/routes';
import type { AuditEvent } from '../../shared/domain/audit/audit-event';
import { explainsItself, type FuzzFinding, type FuzzReport, type RouteFigures } from './fuzz-routes';
import { GARBAGE_TOKEN, requestsFor, type FuzzCaller, type FuzzRequest } from './route-requests';

type ApiHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | string | Record<string, unknown> | undefined>;

/** A school the handlers read and write through their ports: its stores, and its audit trail apart. */
export interface FuzzedSchool {
  /** Every store a write could touch (the audit trail excepted), by name. */
  readonly stores: Readonly<Record<string, unknown>>;
  readonly auditEvents: readonly AuditEvent[];
  /** Fields of a store that log what was read (a fake's record of its queries), not what it holds. */
  readonly readLogs?: readonly string[];
}

export interface InProcessFuzzOptions {
  /** Cases per route. */
  readonly runs: number;
  readonly seed: number;
  /** The handlers' clock: valid-looking dates are a minute before it. */
  readonly now: Date;
  /** A fresh school for one route's cases, installed where the handlers read their ports. */
  readonly freshSchool: () => Promise<FuzzedSchool>;
  /** A signed-in caller's access token, and the verified claims API Gateway's JWT authorizer hands over for it. */
  readonly signedIn: (caller: 'lead' | 'teacher') => { readonly accessToken: string; readonly claims: Record<string, string> };
  readonly handlerOf: (route: RouteDefinition) => Promise<ApiHandler>;
  /** Defaults to every route in the catalogue. */
  readonly routes?: readonly RouteDefinition[];
}

interface Answer {
  readonly status: number;
  readonly contentType?: string;
  readonly text: string;
}

/** What the stores hold, as a count of their entries and a checksum of their canonical JSON. */
export interface StoreFingerprint {
  readonly count: number;
  readonly checksum: string;
  /** Each store's own checksum, to name the one that changed. */
  readonly byStore: Readonly<Record<string, string>>;
}

/**
 * Canonical JSON of a store's state: Maps and Sets as sorted entries, object keys sorted, a
 * store's link to the shared audit trail and its read logs left out (the trail is checked on its own).
 */
function canonical(value: unknown, seen: WeakSet<object>, counter: { entries: number }, skipped: ReadonlySet<string>, depth = 0): string {
  if (value instanceof Map) {
    counter.entries += value.size;
    return canonical([...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)), seen, counter, skipped, depth + 1);
  }
  if (value instanceof Set) {
    counter.entries += value.size;
    return canonical([...value].map((entry) => canonical(entry, seen, { entries: 0 }, skipped, depth + 1)).sort(), seen, counter, skipped, depth + 1);
  }
  if (Array.isArray(value)) {
    if (depth <= 2) counter.entries += value.length;
    return `[${value.map((entry) => canonical(entry, seen, counter, skipped, depth + 1)).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    if (seen.has(value)) return '"(seen)"';
    seen.add(value);
    const entries = Object.entries(value)
      .filter(([key]) => key !== 'audit' && !skipped.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const text = `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child, seen, counter, skipped, depth + 1)}`).join(',')}}`;
    seen.delete(value);
    return text;
  }
  if (typeof value === 'function') return '"(function)"';
  return JSON.stringify(value) ?? 'null';
}

export function fingerprintStores(stores: Readonly<Record<string, unknown>>, readLogs: readonly string[] = []): StoreFingerprint {
  const counter = { entries: 0 };
  const skipped = new Set(readLogs);
  const byStore: Record<string, string> = {};
  const whole = createHash('sha256');
  for (const name of Object.keys(stores).sort()) {
    byStore[name] = createHash('sha256').update(canonical(stores[name], new WeakSet(), counter, skipped)).digest('hex');
    whole.update(`${name}:${byStore[name]}\n`);
  }
  return { count: counter.entries, checksum: whole.digest('hex'), byStore };
}

function answerOf(result: Awaited<ReturnType<ApiHandler>>): Answer {
  if (typeof result === 'object' && result !== null && typeof (result as { statusCode?: unknown }).statusCode === 'number') {
    const structured = result as APIGatewayProxyStructuredResultV2 & { statusCode: number };
    const contentType = Object.entries(structured.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const text = structured.body === undefined ? '' : structured.isBase64Encoded ? Buffer.from(structured.body, 'base64').toString('utf8') : structured.body;
    return { status: structured.statusCode, contentType: contentType === undefined ? undefined : String(contentType), text };
  }
  return { status: 200, contentType: 'application/json', text: typeof result === 'string' ? result : JSON.stringify(result ?? null) };
}

const json = (status: number, body: unknown): Answer => ({ status, contentType: 'application/json', text: JSON.stringify(body) });

/**
 * Fuzzes every route's real handler module in this process, the way the local gateway
 * calls it (the same route matcher, payload 2.0 event builder and Lambda context; its 401, 404, 413 and
 * 431 before any handler), against an in-memory school. Cases run one after another, so
 * each is fingerprinted on its own: a 4xx must leave every store's count and checksum as
 * they were and add nothing to the audit trail but refusals. The same properties as the
 * local-stack fuzz (never a 5xx; each 4xx JSON naming the problem), in seconds rather
 * than minutes; DynamoDB's own limits are left to the local-stack fuzz.
 */
export async function fuzzRoutesInProcess(options: InProcessFuzzOptions): Promise<FuzzReport> {
  const matchRoute = createRouteMatcher(catalogue);
  const findings: FuzzFinding[] = [];
  const figures: RouteFigures[] = [];

  const invoke = async (request: FuzzRequest): Promise<Answer> => {
    const headers: Record<string, string> = { host: '127.0.0.1', accept: '*/*', ...request.headers };
    const caller: FuzzCaller = request.caller;
    if (caller === 'lead' || caller === 'teacher') headers.authorization = `Bearer ${options.signedIn(caller).accessToken}`;
    else if (caller === 'garbage') headers.authorization = `Bearer ${GARBAGE_TOKEN}`;
    const body = Buffer.from(request.method === 'GET' ? '' : (request.body ?? ''), 'utf8');
    if (body.byteLength > 0) headers['content-length'] = String(body.byteLength);
    const headBytes = Buffer.byteLength(`${request.method} ${request.url} HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}`);
    if (headBytes > MAX_HEADER_BYTES) return json(431, { error: 'request_too_large', message: `The request's URL and headers are over ${MAX_HEADER_BYTES} bytes together.` });
    const rawPath = request.url.split('?')[0] ?? '/';
    const match = matchRoute(request.method, rawPath);
    if (!match) return json(404, { message: 'Not Found' });
    const signedIn = caller === 'lead' || caller === 'teacher';
    if (!match.route.public && !signedIn) return json(401, { message: 'Unauthorized' });
    if (body.byteLength > MAX_BODY_BYTES) return json(413, { message: 'Request Entity Too Large' });
    const requestId = randomUUID();
    const event = buildHttpApiEvent({
      request: { method: request.method, url: request.url, rawHeaders: Object.entries(headers).flat(), body, sourceIp: '127.0.0.1' },
      route: match.route,
      pathParameters: match.pathParameters,
      authorization: signedIn && !match.route.public ? { claims: options.signedIn(caller).claims, scopes: null } : undefined,
      requestId,
      apiId: 'local',
      now: options.now,
    });
    const handler = await options.handlerOf(match.route);
    try {
      return answerOf(await handler(event, createLambdaContext({ functionName: match.route.id, requestId, region: 'eu-west-2', timeoutMs: 30_000 })));
    } catch (error) {
      // Lambda reports an unhandled error; API Gateway answers a bare 500.
      return { status: 500, contentType: 'application/json', text: JSON.stringify({ message: 'Internal Server Error', thrown: String(error).slice(0, 200) }) };
    }
  };

  for (const [index, route] of (options.routes ?? catalogue).entries()) {
    const school = await options.freshSchool();
    const requests = fc.sample(requestsFor(route, options.now), { seed: options.seed + index, numRuns: options.runs });
    const statuses: Record<string, number> = {};
    let serverErrors = 0;
    let writesOn4xx = 0;
    for (const request of requests) {
      const before = fingerprintStores(school.stores, school.readLogs);
      const auditedBefore = school.auditEvents.length;
      const answer = await invoke(request);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status >= 500) {
        serverErrors += 1;
        findings.push({ routeId: route.id, property: 'no 5xx', status: answer.status, request, detail: answer.text.slice(0, 300) });
        continue;
      }
      if (answer.status < 400) continue;
      const problem = explainsItself(answer.contentType, answer.text);
      if (problem) findings.push({ routeId: route.id, property: '4xx is JSON naming the problem', status: answer.status, request, detail: problem });
      const after = fingerprintStores(school.stores, school.readLogs);
      const strayAudit = school.auditEvents.slice(auditedBefore).filter((event) => event.outcome !== 'refused');
      if (after.checksum !== before.checksum || strayAudit.length > 0) {
        writesOn4xx += 1;
        const changed = Object.keys(school.stores).filter((name) => before.byStore[name] !== after.byStore[name]);
        findings.push({
          routeId: route.id,
          property: 'a 4xx writes nothing',
          status: answer.status,
          request,
          detail: `stores: ${before.count} → ${after.count} entries, changed: ${changed.join(', ') || 'none'}; ${strayAudit.length} audit events that are not refusals`,
        });
      }
    }
    figures.push({ routeId: route.id, requests: requests.length, statuses, serverErrors, writesOn4xx });
  }
  return { seed: options.seed, figures, findings };
}
