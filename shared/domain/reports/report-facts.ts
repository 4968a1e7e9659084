import type { Incident, IncidentStatus } from '../incidents/incident';
import type { Referral } from '../referrals/referral';
import { schoolClockAt } from '../incidents/school-session';

/**
 * Reports are served from counters, not from the incidents: what one incident adds to them
 * is its "counted facts". The casework projector keeps one record of what it counted per
 * incident, so a re-categorised or closed incident moves its counts (before → after) and a
 * redelivered event changes nothing.
 */
export const reportGroupings = ['category', 'subCategory', 'dayOfWeek', 'session', 'location', 'yearGroup', 'month', 'hour', 'staff'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

/**
 * Dimensions kept as counters on each bucket; `category` comes from the bucket's own key. The
 * month is a counter too, so a school year's item answers "by month" without its months' items.
 */
const counterDimensions = ['subCategory', 'dayOfWeek', 'session', 'location', 'yearGroup', 'month', 'hour', 'staff'] as const;
type CounterDimension = (typeof counterDimensions)[number];

/** Upper bounds, in minutes, of the recorded-at minus occurred-at histogram; the last is open. */
export const delayBucketsMinutes = [1, 5, 10, 15, 30, 60, 120, 240, 480, 1_440, 2_880, 10_080, 43_200] as const;
export const DELAY_OVERFLOW = 'over';

/**
 * Counter items are spread over shards by incident, so two projector runs rarely meet on
 * one item (TransactWriteItems fails on a concurrent change to the same item).
 */
export const REPORT_SHARDS = 4;

export interface CountedIncident {
  readonly incidentId: string;
  readonly version: number;
  /** Sorted: an incident is counted once under the set of all its categories. */
  readonly categoryIds: readonly string[];
  readonly subCategories: readonly string[];
  /** The school's calendar date of occurrence, YYYY-MM-DD. */
  readonly localDate: string;
  readonly hour: string;
  readonly dayOfWeek: string;
  readonly session: string;
  readonly location: string;
  readonly yearGroup: string;
  readonly staffId: string;
  readonly status: IncidentStatus;
  readonly delayBucket: string;
  /** The incident's referrals as `agency:state`, sorted; absent when it has none. */
  readonly referrals?: readonly string[];
}

export interface ReportRange {
  /** Inclusive school calendar dates, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
}

/** One counter item as read back (a day's, a month's or a school year's): its categories and its counters. */
export interface ReportBucket {
  readonly categoryIds: readonly string[];
  readonly counters: Readonly<Record<string, number>>;
}

export const NO_LOCATION = 'not given';
/** Referrals are counted on their incident's bucket, as `referral:<agency>:<state>`, so SLT see only those of their categories. */
const REFERRAL_COUNTER = 'referral:';

export function delayBucketOf(occurredAt: string, recordedAt: string): string {
  const minutes = Math.max(0, (Date.parse(recordedAt) - Date.parse(occurredAt)) / 60_000);
  const bound = delayBucketsMinutes.find((upper) => minutes <= upper);
  return bound === undefined ? DELAY_OVERFLOW : String(bound);
}

/** Calendar date and hour at the school, where a DSL's "Monday" and "9 am" are. */
export function localDateAndHour(instant: string, timeZone: string): { localDate: string; hour: string } {
  const clock = schoolClockAt(new Date(instant), timeZone);
  return { localDate: `${clock.year}-${clock.month}-${clock.day}`, hour: clock.hour };
}

export function countedFactsOf(
  incident: Incident,
  context: { readonly timeZone: string; readonly yearGroup: string; readonly referrals?: readonly Pick<Referral, 'agency' | 'state'>[] },
): CountedIncident {
  const { localDate, hour } = localDateAndHour(incident.occurredAt, context.timeZone);
  const referrals = (context.referrals ?? []).map((referral) => `${referral.agency}:${referral.state}`).sort();
  return {
    incidentId: incident.id,
    version: incident.version,
    categoryIds: [...new Set(incident.categories.map((choice) => choice.categoryId))].sort(),
    subCategories: [...new Set(incident.categories.flatMap((choice) => choice.subCategoryIds.map((sub) => `${choice.categoryId}/${sub}`)))].sort(),
    localDate,
    hour,
    dayOfWeek: incident.dayOfWeek,
    session: incident.session,
    location: incident.location ?? NO_LOCATION,
    yearGroup: context.yearGroup,
    staffId: incident.authorId,
    status: incident.status,
    delayBucket: delayBucketOf(incident.occurredAt, incident.recordedAt),
    ...(referrals.length > 0 ? { referrals } : {}),
  };
}

/** True when counting `after` in place of `before` would change no counter. */
export function sameCounts(before: CountedIncident, after: CountedIncident): boolean {
  const { version: _before, ...left } = before;
  const { version: _after, ...right } = after;
  // Key by key, whatever order a store gave the keys back in.
  const canonical = (facts: Record<string, unknown>) => JSON.stringify(Object.keys(facts).sort().map((key) => [key, facts[key]]));
  return canonical(left) === canonical(right);
}

const counterName = (status: IncidentStatus, dimension: CounterDimension | 'all', value?: string) => (dimension === 'all' ? `${status}|all` : `${status}|${dimension}:${value}`);

/** The counters one incident adds to its bucket. */
export function countersOf(facts: CountedIncident): Record<string, number> {
  const counters: Record<string, number> = { [counterName(facts.status, 'all')]: 1, [`delay:${facts.delayBucket}`]: 1 };
  const values: Record<CounterDimension, readonly string[]> = {
    subCategory: facts.subCategories,
    dayOfWeek: [facts.dayOfWeek],
    session: [facts.session],
    location: [facts.location],
    yearGroup: [facts.yearGroup],
    month: [facts.localDate.slice(0, 7)],
    hour: [facts.hour],
    staff: [facts.staffId],
  };
  for (const dimension of counterDimensions) for (const value of values[dimension]) counters[counterName(facts.status, dimension, value)] = 1;
  for (const referral of facts.referrals ?? []) counters[`${REFERRAL_COUNTER}${referral}`] = (counters[`${REFERRAL_COUNTER}${referral}`] ?? 0) + 1;
  return counters;
}

/** The bucket an incident is counted in: its calendar date, its category set and its shard. */
export interface BucketAddress {
  readonly localDate: string;
  readonly categoryIds: readonly string[];
  readonly shard: number;
}

export function shardOf(incidentId: string): number {
  let hash = 0;
  for (const character of incidentId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return hash % REPORT_SHARDS;
}

export const bucketOf = (facts: CountedIncident): BucketAddress => ({ localDate: facts.localDate, categoryIds: facts.categoryIds, shard: shardOf(facts.incidentId) });

export const categorySetKey = (categoryIds: readonly string[]) => categoryIds.join('+');

export interface BucketDelta {
  readonly bucket: BucketAddress;
  readonly counters: Record<string, number>;
}

/** What moving an incident's counts from `before` to `after` adds to each bucket (one entry per bucket). */
export function recountDeltas(before: CountedIncident | undefined, after: CountedIncident): BucketDelta[] {
  const deltas = new Map<string, BucketDelta>();
  const add = (facts: CountedIncident, sign: 1 | -1) => {
    const bucket = bucketOf(facts);
    const key = `${bucket.localDate}#${categorySetKey(bucket.categoryIds)}#${bucket.shard}`;
    const delta = deltas.get(key) ?? { bucket, counters: {} };
    for (const [name, count] of Object.entries(countersOf(facts))) delta.counters[name] = (delta.counters[name] ?? 0) + sign * count;
    deltas.set(key, delta);
  };
  if (before) add(before, -1);
  add(after, 1);
  return [...deltas.values()]
    .map((delta) => ({ ...delta, counters: Object.fromEntries(Object.entries(delta.counters).filter(([, count]) => count !== 0)) }))
    .filter((delta) => Object.keys(delta.counters).length > 0);
}

export interface ReportGroup {
  readonly key: string;
  readonly total: number;
  readonly open: number;
  readonly closed: number;
}

export interface ReportSummary {
  readonly range: ReportRange;
  readonly groupBy: ReportGrouping;
  readonly categoryId?: string;
  readonly total: number;
  readonly open: number;
  readonly closed: number;
  readonly groups: readonly ReportGroup[];
  /** Minutes between the incident and its recording; the upper bound of the histogram bucket the percentile falls in. */
  readonly timeliness: { readonly medianMinutesAtMost?: number; readonly p90MinutesAtMost?: number; readonly histogram: readonly { readonly upToMinutes: number | null; readonly count: number }[] };
  /** Referrals made from the incidents counted, by agency and where they stand (made, acknowledged, outcome). */
  readonly referrals: readonly { readonly agency: string; readonly state: string; readonly count: number }[];
}

/**
 * Sums the buckets a caller may see into one summary. A bucket counts only if the caller may
 * view EVERY category of its set (as for one incident), so a closed category is never counted.
 */
export function summarise(
  buckets: readonly ReportBucket[],
  options: { readonly range: ReportRange; readonly groupBy: ReportGrouping; readonly categoryId?: string; readonly mayView: (categoryId: string) => boolean },
): ReportSummary {
  const groups = new Map<string, { total: number; open: number; closed: number }>();
  const delays = new Map<string, number>();
  const referrals = new Map<string, number>();
  let open = 0;
  let closed = 0;
  const addTo = (key: string, status: IncidentStatus, count: number) => {
    const group = groups.get(key) ?? { total: 0, open: 0, closed: 0 };
    group.total += count;
    if (status === 'closed') group.closed += count;
    else group.open += count;
    groups.set(key, group);
  };
  for (const bucket of buckets) {
    if (!bucket.categoryIds.every(options.mayView)) continue;
    if (options.categoryId && !bucket.categoryIds.includes(options.categoryId)) continue;
    for (const [name, count] of Object.entries(bucket.counters)) {
      if (!count) continue;
      if (name.startsWith(REFERRAL_COUNTER)) {
        referrals.set(name.slice(REFERRAL_COUNTER.length), (referrals.get(name.slice(REFERRAL_COUNTER.length)) ?? 0) + count);
        continue;
      }
      if (name.startsWith('delay:')) {
        delays.set(name.slice('delay:'.length), (delays.get(name.slice('delay:'.length)) ?? 0) + count);
        continue;
      }
      const bar = name.indexOf('|');
      const statusPart = name.slice(0, bar);
      const counter = name.slice(bar + 1);
      const status: IncidentStatus = statusPart === 'closed' ? 'closed' : 'active';
      if (counter === 'all') {
        if (status === 'closed') closed += count;
        else open += count;
        if (options.groupBy === 'category') for (const categoryId of bucket.categoryIds) addTo(categoryId, status, count);
        continue;
      }
      const separator = counter.indexOf(':');
      const dimension = counter.slice(0, separator);
      if (dimension !== options.groupBy) continue;
      const value = counter.slice(separator + 1);
      // A sub-category belongs to its category: with a category filter, only that category's.
      if (dimension === 'subCategory' && options.categoryId && !value.startsWith(`${options.categoryId}/`)) continue;
      addTo(value, status, count);
    }
  }
  const histogram = [...delayBucketsMinutes.map(String), DELAY_OVERFLOW].map((bound) => ({ upToMinutes: bound === DELAY_OVERFLOW ? null : Number(bound), count: delays.get(bound) ?? 0 }));
  const totalDelays = histogram.reduce((sum, entry) => sum + entry.count, 0);
  const percentile = (fraction: number): number | undefined => {
    if (totalDelays === 0) return undefined;
    const rank = Math.ceil(fraction * totalDelays);
    let seen = 0;
    for (const entry of histogram) {
      seen += entry.count;
      if (seen >= rank) return entry.upToMinutes ?? Number.POSITIVE_INFINITY;
    }
    return undefined;
  };
  const median = percentile(0.5);
  const p90 = percentile(0.9);
  return {
    range: options.range,
    groupBy: options.groupBy,
    ...(options.categoryId ? { categoryId: options.categoryId } : {}),
    total: open + closed,
    open,
    closed,
    groups: [...groups.entries()].map(([key, group]) => ({ key, ...group })).sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0)),
    timeliness: {
      ...(median !== undefined && Number.isFinite(median) ? { medianMinutesAtMost: median } : {}),
      ...(p90 !== undefined && Number.isFinite(p90) ? { p90MinutesAtMost: p90 } : {}),
      histogram,
    },
    referrals: [...referrals.entries()]
      .filter(([, count]) => count > 0)
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, count]) => {
        const [agency = '', state = ''] = key.split(':');
        return { agency, state, count };
      }),
  };
}
