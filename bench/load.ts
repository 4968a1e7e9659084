import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
// autocannon ships no types; the bench uses its documented options and result fields only.
// @ts-expect-error no declaration file
import autocannon from 'autocannon';
import type { LocalFacts } from '../local/local-facts';
import { signIn } from '../local/sign-in';
import { demoStudents } from '../local/seed/demo-school';
import { auditPuts } from '../shared/adapters/dynamo/audit-trail';
import { ALERT_PREFIX, staffPartition, staffProfileKey } from '../shared/adapters/dynamo/keys';

export interface LoadFigure {
  readonly connections: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly perSecond: number;
  readonly non2xx: number;
}

export interface LoadResults {
  readonly create: LoadFigure[];
  readonly dashboard: LoadFigure[];
  readonly rawTransactWrite: LoadFigure;
  readonly rawQuery: LoadFigure;
  /** The dashboard's fewest calls, raw: the caller's profile, then the alerts Query, then the audit Put. */
  readonly rawDashboardMinimum: LoadFigure;
  readonly createItems: number;
  readonly stored: { readonly created201: number; readonly incidentsStored: number; readonly duplicates: number };
  readonly targets: {
    readonly createThroughput: { ratio: number; pass: boolean };
    readonly dashboardP99: { ratio: number; pass: boolean };
    /** Not the target: the dashboard beside the raw calls it cannot do without (bench/README.md says why). */
    readonly dashboardP99OverMinimum: { ratio: number; pass: boolean };
  };
}

const CONNECTIONS = [1, 8, 32] as const;
/** Bounded in time and count: loopback only, a few seconds a run. */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const MAX_REQUESTS = Number(process.env.BENCH_LOAD_MAX_REQUESTS ?? 600);
/** Creates are bounded by count (see below): this many per connection, at least 20 a run. */
const CREATES_PER_CONNECTION = Number(process.env.BENCH_CREATES_PER_CONNECTION ?? 10);

/**
 * Load on the local stack with autocannon, beside raw DynamoDB Local calls measured in the
 * same run: TransactWriteItems of as many items as a create writes, and a Query.
 */
export async function measureLoad(facts: LocalFacts, createItems: number): Promise<LoadResults> {
  const teacher = facts.users.find((user) => user.groups.includes('staff') && !user.groups.includes('dsl') && !user.totpSecret)!;
  const { accessToken } = await signIn(teacher.email, teacher.password, undefined, facts);
  const studentId = demoStudents.find((student) => student.status === 'on_roll')!.id;
  const body = JSON.stringify({ studentId, description: 'Bench: Ava said "I forgot my lunch".', categories: [{ categoryId: 'well-being' }] });
  const before = await storedIncidents(facts);
  let created201 = 0;
  let keys = 0;

  const create: LoadFigure[] = [];
  for (const connections of CONNECTIONS) {
    create.push(
      await cannon(`${facts.apiUrl}/v1/incidents`, connections, {
        // Bounded by count, not time: autocannon drops the requests in flight when its time
        // is up, whose incidents would be stored with no 201 seen. By count, every request
        // is answered, so incidents stored must equal the 201s received.
        amount: Math.max(20, connections * CREATES_PER_CONNECTION),
        requests: [
          {
            method: 'POST',
            body,
            headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
            // A fresh Idempotency-Key each request: every 201 must be exactly one stored incident.
            setupRequest: (request: { headers?: Record<string, string> }) => {
              keys += 1;
              return { ...request, headers: { ...request.headers, 'idempotency-key': `bench-load-${Date.now()}-${keys}` } };
            },
          },
        ],
        onStatus: (status: number) => {
          if (status === 201) created201 += 1;
        },
      }),
    );
  }
  const dashboard: LoadFigure[] = [];
  for (const connections of CONNECTIONS) {
    dashboard.push(await cannon(`${facts.apiUrl}/v1/alerts?limit=20`, connections, { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } }));
  }

  const after = await storedIncidents(facts);
  const newIds = after.ids.filter((id) => !before.ids.includes(id));
  // As many items as the bench's create wrote in one transaction (counted at the client).
  const raw = documentClient(facts);
  let sequence = 0;
  const rawTransactWrite = await rawLoad(32, () => {
    sequence += 1;
    const id = `BENCH#${Date.now()}#${sequence}`;
    return raw.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: createItems }, (_, index) => ({
          Put: { TableName: index === createItems - 1 ? facts.dynamodb.auditTable : facts.dynamodb.recordsTable, Item: { pk: `${id}#${index}`, sk: 'BENCH', type: 'Bench' }, ConditionExpression: 'attribute_not_exists(pk)' },
        })),
      }),
    );
  });
  // The page GET /v1/alerts?limit=20 reads: the teacher's newest alerts, by the stack's own keys.
  const alertsPage = {
    TableName: facts.dynamodb.recordsTable,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': staffPartition(teacher.id), ':prefix': ALERT_PREFIX },
    ScanIndexForward: false,
    Limit: 20,
  };
  const rawQuery = await rawLoad(32, () => raw.send(new QueryCommand(alertsPage)));
  // What a dashboard request cannot do without, as raw calls in sequence: the caller's
  // profile (a token outlives a disabled account), the page, and the audit event of the read.
  const rawDashboardMinimum = await rawLoad(32, async () => {
    sequence += 1;
    const call = sequence;
    await raw.send(new GetCommand({ TableName: facts.dynamodb.recordsTable, Key: staffProfileKey(teacher.id) }));
    await raw.send(new QueryCommand(alertsPage));
    const [put] = auditPuts(facts.dynamodb.auditTable, {
      id: `BENCH-${Date.now()}-${call}`,
      at: new Date().toISOString(),
      action: 'alert.list',
      outcome: 'allowed',
      staffId: teacher.id,
      groups: ['staff'],
      elevated: false,
      recordType: 'alert',
      recordId: teacher.id,
      requestId: `bench-${call}`,
      sourceIp: '127.0.0.1',
    });
    await raw.send(new PutCommand(put!.Put));
  });
  const create32 = create.at(-1)!;
  const dashboard32 = dashboard.at(-1)!;
  const createRatio = create32.perSecond / rawTransactWrite.perSecond;
  const dashboardRatio = dashboard32.p99Ms / Math.max(rawQuery.p99Ms, 0.001);
  const dashboardOverMinimum = dashboard32.p99Ms / Math.max(rawDashboardMinimum.p99Ms, 0.001);
  return {
    create,
    dashboard,
    rawTransactWrite,
    rawQuery,
    rawDashboardMinimum,
    createItems,
    stored: { created201, incidentsStored: newIds.length, duplicates: newIds.length - new Set(newIds).size },
    targets: { createThroughput: { ratio: createRatio, pass: createRatio >= 0.6 }, dashboardP99: { ratio: dashboardRatio, pass: dashboardRatio <= 3 }, dashboardP99OverMinimum: { ratio: dashboardOverMinimum, pass: dashboardOverMinimum <= 3 } },
  };
}

async function cannon(url: string, connections: number, options: Record<string, unknown> & { onStatus?: (status: number) => void }): Promise<LoadFigure> {
  const { onStatus, ...request } = options;
  // `amount` would override `duration`; `maxOverallRequests` bounds the count alongside it.
  const instance = autocannon({ url, connections, duration: SECONDS, maxOverallRequests: MAX_REQUESTS, ...request });
  if (onStatus) instance.on('response', (_client: unknown, status: number) => onStatus(status));
  const result = await instance;
  return {
    connections,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    perSecond: result.requests.total / (result.duration || SECONDS),
    non2xx: result.non2xx,
  };
}

/** `connections` callers in a loop for the same bounded time and count as autocannon. */
async function rawLoad(connections: number, call: () => Promise<unknown>): Promise<LoadFigure> {
  const latencies: number[] = [];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline && latencies.length < MAX_REQUESTS) {
        const at = performance.now();
        await call();
        latencies.push(performance.now() - at);
      }
    }),
  );
  latencies.sort((left, right) => left - right);
  const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0;
  return { connections, requests: latencies.length, p50Ms: at(0.5), p99Ms: at(0.99), perSecond: latencies.length / ((Date.now() - started) / 1000), non2xx: 0 };
}

function documentClient(facts: LocalFacts) {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }));
}

/** Every incident id in the records table (a Scan: the bench's own count, never a request path). */
async function storedIncidents(facts: LocalFacts): Promise<{ ids: string[] }> {
  const client = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } });
  const ids: string[] = [];
  for await (const page of paginateScan({ client }, { TableName: facts.dynamodb.recordsTable, FilterExpression: '#type = :incident', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':incident': { S: 'Incident' } }, ProjectionExpression: 'id' })) {
    for (const item of page.Items ?? []) if (item.id?.S) ids.push(item.id.S);
  }
  return { ids };
}
