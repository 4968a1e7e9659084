import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalFacts } from '../local/local-facts';
import { signIn } from '../local/sign-in';
import { demoStudents } from '../local/seed/demo-school';
import { counterChanges, counterItem } from '../shared/adapters/dynamo/report-store';
import { timelineIncidentItem } from '../shared/adapters/dynamo/timeline-items';
import type { Incident } from '../shared/domain/incidents/incident';
import type { DayOfWeek } from '../shared/domain/incidents/school-session';
import { countedFactsOf, recountDeltas } from '../shared/domain/reports/report-facts';

/**
 * How a chronology page and a school year's report scale with the incidents the school
 * holds: each measured at 100 and at 10,000 incidents on the same local stack, through the
 * HTTP gateway as an elevated DSL, and printed as the ratio between the two (target ≤ 1.5).
 *
 * Each scale has its own pupil (who is the subject of every one of its incidents, so their
 * timeline partition grows with it) and its own school year of report counters. They are
 * written by batched writes of the items the adapters themselves build (each incident's
 * timeline entry, and the counter items the casework projector would have added up), not
 * through the HTTP route: 10,000 creates would measure the create, not the reads. The
 * incident items themselves are left out: neither read touches them (each is a Query on its
 * own partition), and on DynamoDB Local here every 25 items written cost about half a second.
 */
export const CASEWORK_SCALES = [100, 10_000] as const;
const REQUESTS = Number(process.env.BENCH_CASEWORK_REQUESTS ?? 25);
const WARM_UP = 3;
const CHRONOLOGY_LIMIT = 50;
const TARGET_RATIO = 1.5;
const categories = ['behaviour', 'bullying', 'well-being', 'safeguarding', 'attendance'] as const;
const locations = ['Playground', 'Classroom', 'Dining hall', 'Corridor'] as const;

interface ScaleSeed {
  readonly incidents: number;
  readonly studentId: string;
  /** The school year its incidents happened in, and the report's range. */
  readonly year: { readonly from: string; readonly to: string };
  /** Counter items its year holds (month and day items together): what the report reads from. */
  readonly counterItems: number;
}

export interface CaseworkMeasure {
  readonly name: string;
  readonly atScale: Record<string, { medianMs: number; p90Ms: number }>;
  readonly ratio: number;
  readonly pass: boolean;
}

export interface CaseworkScaleResults {
  readonly scales: readonly ScaleSeed[];
  readonly requestsEach: number;
  readonly measures: readonly CaseworkMeasure[];
  readonly target: string;
}

export async function measureCaseworkScale(facts: LocalFacts): Promise<CaseworkScaleResults> {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: { ...facts.credentials } }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const pupils = demoStudents.filter((student) => student.status === 'on_roll');
  const scales: ScaleSeed[] = [];
  for (const [index, incidents] of CASEWORK_SCALES.entries()) {
    // School years long before the demo school's own incidents, one per scale, so neither's counts mix.
    const startYear = 2019 + index;
    const seed: Omit<ScaleSeed, 'counterItems'> = { incidents, studentId: pupils[pupils.length - 1 - index]!.id, year: { from: `${startYear}-09-01`, to: `${startYear + 1}-08-31` } };
    const started = Date.now();
    const counterItems = await seedScale(documents, facts.dynamodb.recordsTable, seed);
    console.log(`  seeded ${incidents} incidents (${counterItems} counter items for ${seed.year.from}…${seed.year.to}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    scales.push({ ...seed, counterItems });
  }
  documents.destroy();

  const dsl = facts.users.find((user) => user.groups.includes('dsl') && user.totpSecret)!;
  const { accessToken } = await signIn(dsl.email, dsl.password, dsl.totpSecret, facts);
  const get = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${facts.apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path.split('?')[0]} answered ${response.status}: the bench measures answers, not refusals`);
    return performance.now() - started;
  };
  // 1 March of the school year: a page that starts deep in the pupil's timeline.
  const middleOf = (seed: ScaleSeed) => `${seed.year.to.slice(0, 4)}-03-01T00:00:00.000Z`;
  const cases: { name: string; path: (seed: ScaleSeed) => string }[] = [
    { name: 'chronology, first page', path: (seed) => `/v1/students/${seed.studentId}/chronology?limit=${CHRONOLOGY_LIMIT}` },
    { name: 'chronology, a page from mid-year', path: (seed) => `/v1/students/${seed.studentId}/chronology?limit=${CHRONOLOGY_LIMIT}&from=${encodeURIComponent(middleOf(seed))}` },
    { name: 'report, school year by category', path: (seed) => `/v1/reports/summary?from=${seed.year.from}&to=${seed.year.to}&groupBy=category` },
    { name: 'report, school year by month', path: (seed) => `/v1/reports/summary?from=${seed.year.from}&to=${seed.year.to}&groupBy=month` },
  ];
  const measures: CaseworkMeasure[] = [];
  for (const each of cases) {
    for (const seed of scales) for (let warm = 0; warm < WARM_UP; warm += 1) await get(each.path(seed));
    // Interleaved, so a busy moment on the shared machine falls on both scales alike.
    const timings = new Map<number, number[]>(scales.map((seed) => [seed.incidents, []]));
    for (let run = 0; run < REQUESTS; run += 1) for (const seed of scales) timings.get(seed.incidents)!.push(await get(each.path(seed)));
    const atScale = Object.fromEntries(scales.map((seed) => [String(seed.incidents), summary(timings.get(seed.incidents)!)]));
    const ratio = atScale[String(CASEWORK_SCALES[1])]!.medianMs / atScale[String(CASEWORK_SCALES[0])]!.medianMs;
    measures.push({ name: each.name, atScale, ratio, pass: ratio <= TARGET_RATIO });
  }
  return { scales, requestsEach: REQUESTS, measures, target: `median at ${CASEWORK_SCALES[1]} ≤ ${TARGET_RATIO}× median at ${CASEWORK_SCALES[0]}` };
}

export function printCaseworkScale(results: CaseworkScaleResults): void {
  console.log(`\nCasework reads at ${CASEWORK_SCALES.join(' and ')} incidents (an elevated DSL through the gateway, ${results.requestsEach} requests each, interleaved)\n`);
  for (const measure of results.measures) {
    const figures = CASEWORK_SCALES.map((scale) => `${scale}: median ${measure.atScale[String(scale)]!.medianMs.toFixed(1).padStart(6)} ms, p90 ${measure.atScale[String(scale)]!.p90Ms.toFixed(1).padStart(6)} ms`).join('   ');
    console.log(`${measure.name.padEnd(34)} ${figures}   ratio ${measure.ratio.toFixed(2)}× — ${measure.pass ? 'PASS' : 'FAIL'}`);
  }
  console.log(`Target: ${results.target}`);
}

async function seedScale(documents: DynamoDBDocumentClient, table: string, seed: Omit<ScaleSeed, 'counterItems'>): Promise<number> {
  const yearStart = Date.parse(`${seed.year.from}T00:00:00Z`);
  const yearMs = Date.parse(`${seed.year.to}T23:59:59Z`) - yearStart;
  const incidents = Array.from({ length: seed.incidents }, (_, index) => benchIncident(seed, index, yearStart + Math.floor((index / seed.incidents) * yearMs)));
  // What the projector would have counted, added up: one item per day or month, category set and shard.
  const counted = incidents.map((incident, index) => countedFactsOf(incident, { timeZone: 'Europe/London', yearGroup: `Year ${(index % 6) + 1}` }));
  const changes = counterChanges(counted.flatMap((facts) => recountDeltas(undefined, facts)));
  const items = [...incidents.map((incident) => timelineIncidentItem(incident, incident.studentId)), ...changes.map(counterItem)];
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, index) => items.slice(index * 25, index * 25 + 25));
  // Four writers at a time: DynamoDB Local serialises writes, more would only queue.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await writeBatch(documents, table, batch);
      }
    }),
  );
  return changes.length;
}

async function writeBatch(documents: DynamoDBDocumentClient, table: string, batch: Record<string, unknown>[]): Promise<void> {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > 10) throw new Error('DynamoDB Local left items unwritten after 10 retries');
    const result = await documents.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

function benchIncident(seed: Omit<ScaleSeed, 'counterItems'>, index: number, occurredAtMs: number): Incident {
  const occurredAt = new Date(occurredAtMs).toISOString();
  const category = categories[index % categories.length]!;
  return {
    id: `bench-${seed.incidents}-${String(index).padStart(5, '0')}`,
    studentId: seed.studentId,
    linkedStudents: [],
    occurredAt,
    recordedAt: new Date(occurredAtMs + ((index % 9) + 1) * 600_000).toISOString(),
    dayOfWeek: new Date(occurredAtMs).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/London' }) as DayOfWeek,
    session: 'am',
    location: locations[index % locations.length]!,
    description: 'Bench: Mia said "I fell off the climbing frame" and held her wrist.',
    categories: [{ categoryId: category, subCategoryIds: [], fields: {} }, ...(index % 7 === 0 && category !== 'well-being' ? [{ categoryId: 'well-being', subCategoryIds: [], fields: {} }] : [])],
    bodyMap: [],
    status: index % 3 === 0 ? 'closed' : 'active',
    authorId: 'bench-author',
    assignedTo: [],
    alert: { staffIds: [], groupIds: [] },
    alertedStaffIds: [],
    agencies: [],
    version: 1 + (index % 4),
  };
}

function summary(timings: readonly number[]): { medianMs: number; p90Ms: number } {
  const sorted = [...timings].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return { medianMs: Number(at(0.5).toFixed(2)), p90Ms: Number(at(0.9).toFixed(2)) };
}
