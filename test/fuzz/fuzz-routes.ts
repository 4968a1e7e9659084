import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import type { LocalFacts } from '../../local/local-facts';
import { signIn } from '../../local/sign-in';
import { routes, type RouteDefinition } from '../../shared/api/routes';
import { differences, fingerprint, type TableFingerprint } from './table-fingerprint';
import { GARBAGE_TOKEN, requestsFor, type FuzzCaller, type FuzzRequest } from './route-requests';

export interface FuzzOptions {
  /** Cases per route. */
  readonly runs: number;
  readonly seed: number;
  /** Requests between two fingerprints of the tables. */
  readonly batchSize?: number;
  /** Requests in flight at once within a batch. */
  readonly concurrency?: number;
  /** Defaults to every route in the catalogue. */
  readonly routes?: readonly RouteDefinition[];
}

/** Something that broke a property, with the request that did it. */
export interface FuzzFinding {
  readonly routeId: string;
  readonly property: 'no 5xx' | '4xx is JSON naming the problem' | 'a 4xx writes nothing' | 'answers';
  readonly status?: number;
  readonly request: FuzzRequest;
  readonly detail: string;
}

export interface RouteFigures {
  readonly routeId: string;
  readonly requests: number;
  readonly statuses: Record<string, number>;
  readonly serverErrors: number;
  readonly writesOn4xx: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly figures: readonly RouteFigures[];
  readonly findings: readonly FuzzFinding[];
}

interface Answered {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly requestId?: string;
}

/** Staff access tokens for the callers a fuzzed request may come from. */
async function callerTokens(facts: LocalFacts): Promise<Record<FuzzCaller, string | undefined>> {
  const lead = facts.users.find((user) => user.groups.includes('dsl') && user.totpSecret);
  const teacher = facts.users.find((user) => user.groups.length === 1 && user.groups[0] === 'staff');
  if (!lead || !teacher) throw new Error('The local stack has no demo DSL with an authenticator or no plain teacher');
  // The lead signs in with a code, so is elevated and passes every gate: the fuzz reaches validation.
  const [leadTokens, teacherTokens] = await Promise.all([signIn(lead.email, lead.password, lead.totpSecret, facts), signIn(teacher.email, teacher.password, undefined, facts)]);
  return { lead: leadTokens.accessToken, teacher: teacherTokens.accessToken, none: undefined, garbage: GARBAGE_TOKEN };
}

async function send(apiUrl: string, request: FuzzRequest, token: string | undefined): Promise<{ status: number; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...request.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${apiUrl}${request.url}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : request.body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Why a 4xx answer fails to say, as JSON, what was wrong; undefined when it does. */
export function explainsItself(contentType: string | null | undefined, text: string): string | undefined {
  if (!contentType?.includes('application/json')) return `content-type ${contentType}`;
  let body: { message?: unknown; error?: unknown; issues?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return 'body is not JSON';
  }
  if (typeof body.message !== 'string' || body.message.trim() === '') return 'no message';
  if (body.error === 'validation_failed') {
    const issues = Array.isArray(body.issues) ? (body.issues as { field?: unknown; message?: unknown }[]) : [];
    if (!issues.length || issues.some((issue) => typeof issue.field !== 'string' || typeof issue.message !== 'string')) return 'validation failure without fields';
  }
  return undefined;
}

/** Runs `tasks` with at most `limit` in flight, keeping their order in the results. */
async function inPool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Fuzzes every route of the catalogue against a running local stack: never a 5xx; each 4xx
 * is JSON with a message (and the fields, for a validation failure); and, by a count and
 * checksum of both tables before and after each batch, a 4xx changes no item. The audit
 * trail may gain only the batch's own events: refusals for its 4xx, reads for its 2xx.
 * When a batch also wrote records through a 2xx, its 4xx cases are replayed one at a time
 * between fingerprints, so a write is never excused by a neighbour.
 */
export async function fuzzRoutes(facts: LocalFacts, options: FuzzOptions): Promise<FuzzReport> {
  const tokens = await callerTokens(facts);
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 8;
  const findings: FuzzFinding[] = [];
  const figures: RouteFigures[] = [];

  const settled = async () => {
    await fetch(facts.events.idleUrl);
  };
  const tables = async (): Promise<[TableFingerprint, TableFingerprint]> => {
    await settled();
    return Promise.all([fingerprint(documents, facts.dynamodb.recordsTable), fingerprint(documents, facts.dynamodb.auditTable)]);
  };

  try {
    for (const [index, route] of (options.routes ?? routes).entries()) {
      const requests = fc.sample(requestsFor(route), { seed: options.seed + index, numRuns: options.runs });
      const route4xxWrites: FuzzFinding[] = [];
      const statuses: Record<string, number> = {};
      let serverErrors = 0;

      const answer = async (request: FuzzRequest): Promise<Answered | undefined> => {
        let response: Awaited<ReturnType<typeof send>>;
        try {
          response = await send(facts.apiUrl, request, tokens[request.caller]);
        } catch (error) {
          findings.push({ routeId: route.id, property: 'answers', request, detail: String(error) });
          return undefined;
        }
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) {
          serverErrors += 1;
          findings.push({ routeId: route.id, property: 'no 5xx', status: response.status, request, detail: response.text.slice(0, 300) });
        } else if (response.status >= 400) {
          const problem = explainsItself(response.headers.get('content-type'), response.text);
          if (problem) findings.push({ routeId: route.id, property: '4xx is JSON naming the problem', status: response.status, request, detail: problem });
        }
        return { request, status: response.status, requestId: response.headers.get('x-request-id') ?? response.headers.get('apigw-requestid') ?? undefined };
      };

      for (let start = 0; start < requests.length; start += batchSize) {
        const batch = requests.slice(start, start + batchSize);
        const [recordsBefore, auditBefore] = await tables();
        const answered = (await inPool(batch.map((request) => () => answer(request)), concurrency)).filter((entry): entry is Answered => entry !== undefined);
        const [recordsAfter, auditAfter] = await tables();

        const refused = answered.filter((entry) => entry.status >= 400 && entry.status < 500);
        const succeeded = answered.filter((entry) => entry.status < 400);
        const records = differences(recordsBefore, recordsAfter);
        const audit = differences(auditBefore, auditAfter);
        const refusedIds = new Set(refused.map((entry) => entry.requestId));
        const succeededIds = new Set(succeeded.map((entry) => entry.requestId));
        const strayAudit = audit.added.filter((item) => {
          const requestId = String(item.requestId);
          if (refusedIds.has(requestId)) return item.outcome !== 'refused';
          return !succeededIds.has(requestId);
        });
        const recordsChanged = records.added.length + records.removedOrChanged.length > 0;
        if (audit.removedOrChanged.length || strayAudit.length) {
          const first = audit.removedOrChanged[0] ?? strayAudit[0];
          const culprit = refused.find((entry) => entry.requestId === first?.requestId) ?? refused[0];
          if (culprit) route4xxWrites.push({ routeId: route.id, property: 'a 4xx writes nothing', status: culprit.status, request: culprit.request, detail: `audit trail: ${audit.removedOrChanged.length} changed, ${strayAudit.length} not a refusal of this batch` });
        }
        if (recordsChanged && refused.length) {
          if (!succeeded.length) {
            route4xxWrites.push({ routeId: route.id, property: 'a 4xx writes nothing', request: refused[0]!.request, detail: `records table changed by a batch of refusals only (${records.added.length} added, ${records.removedOrChanged.length} changed or removed)` });
          } else {
            // Someone in the batch wrote legitimately: replay each refusal on its own.
            // Only the records table: the audit trail's new items are already told apart by request id.
            const records = async () => {
              await settled();
              return fingerprint(documents, facts.dynamodb.recordsTable);
            };
            for (const entry of refused) {
              const before = await records();
              const again = await answer(entry.request);
              const after = await records();
              const change = differences(before, after);
              if (again && again.status >= 400 && again.status < 500 && change.added.length + change.removedOrChanged.length > 0) {
                route4xxWrites.push({ routeId: route.id, property: 'a 4xx writes nothing', status: again.status, request: entry.request, detail: `records table: ${change.added.length} added, ${change.removedOrChanged.length} changed or removed` });
              }
            }
          }
        }
      }
      findings.push(...route4xxWrites);
      figures.push({ routeId: route.id, requests: requests.length, statuses, serverErrors, writesOn4xx: route4xxWrites.length });
    }
  } finally {
    documents.destroy();
  }
  return { seed: options.seed, figures, findings };
}

/** One line a route: requests, statuses, 5xx and writes on 4xx. */
export function formatFigures(report: FuzzReport): string {
  const lines = report.figures.map((figure) => {
    const statuses = Object.entries(figure.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    return `${figure.routeId.padEnd(22)} ${String(figure.requests).padStart(6)} requests  5xx ${figure.serverErrors}  writes on 4xx ${figure.writesOn4xx}  (${statuses})`;
  });
  const total = report.figures.reduce((sum, figure) => sum + figure.requests, 0);
  const errors = report.figures.reduce((sum, figure) => sum + figure.serverErrors, 0);
  const writes = report.figures.reduce((sum, figure) => sum + figure.writesOn4xx, 0);
  return [...lines, `all ${report.figures.length} routes: ${total} requests, 5xx ${errors}, writes on 4xx ${writes}, seed ${report.seed}`].join('\n');
}
