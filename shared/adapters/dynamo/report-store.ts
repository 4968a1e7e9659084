import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReportStore } from '../../domain/ports';
import { categorySetKey, recountDeltas, type BucketDelta, type CountedIncident, type ReportBucket, type ReportRange } from '../../domain/reports/report-facts';
import { ConflictError } from '../../errors/lantern-error';
import { REPORT_DAY_PREFIX, REPORT_MONTH_PREFIX, REPORT_PARTITION, REPORT_SCHOOL_YEAR_PREFIX, reportCountedKey, reportDayKey, reportMonthKey, reportPeriodBounds, reportSchoolYearKey } from './keys';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';
import { failedConditionAt } from './transaction-errors';

const BUCKET_TYPE = 'ReportCounters';

/**
 * Report counters. Each incident is counted in a day item, a month item and a school-year
 * item of its category set and shard. A range reads whole school years (1 September to 31
 * August) from year items, the whole months either side from month items and the odd days at
 * either end from day items: a school year is ONE Query of at most category sets × shards
 * items, however many incidents there are, and any range at most five Queries.
 */
export class DynamoReportStore implements ReportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(range: ReportRange): Promise<ReportBucket[]> {
    const { wholeYears, leadingMonths, trailingMonths, leadingDays, trailingDays } = splitRange(range);
    const queries: Promise<Record<string, unknown>[]>[] = [];
    const between = (prefix: string, first: string, last: string) => {
      const bounds = reportPeriodBounds(prefix, first, last);
      queries.push(
        queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': REPORT_PARTITION, ':from': bounds.from, ':to': bounds.to },
        }),
      );
    };
    if (wholeYears) between(REPORT_SCHOOL_YEAR_PREFIX, wholeYears.first, wholeYears.last);
    if (leadingMonths) between(REPORT_MONTH_PREFIX, leadingMonths.first, leadingMonths.last);
    if (trailingMonths) between(REPORT_MONTH_PREFIX, trailingMonths.first, trailingMonths.last);
    if (leadingDays) between(REPORT_DAY_PREFIX, leadingDays.first, leadingDays.last);
    if (trailingDays) between(REPORT_DAY_PREFIX, trailingDays.first, trailingDays.last);
    const items = (await Promise.all(queries)).flat();
    return items.map((item) => {
      const { categoryIds, period: _period, ...counters } = withoutKeys(item) as Record<string, unknown>;
      return { categoryIds: categoryIds as string[], counters: counters as Record<string, number> };
    });
  }

  async counted(incidentId: string): Promise<CountedIncident | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: reportCountedKey(incidentId), ConsistentRead: true }));
    if (!result.Item) return undefined;
    // From the JSON the recount wrote, not the `facts` map: DynamoDB keeps no order of a map's
    // keys, and the next recount's condition compares this JSON exactly.
    return typeof result.Item.countedAs === 'string' ? (JSON.parse(result.Item.countedAs) as CountedIncident) : (result.Item.facts as CountedIncident);
  }

  async recount(before: CountedIncident | undefined, after: CountedIncident): Promise<void> {
    const updates = counterChanges(recountDeltas(before, after)).flatMap(({ key, period, categoryIds, counters }) => {
      const changed = Object.entries(counters).filter(([, count]) => count !== 0);
      if (changed.length === 0) return [];
      const names: Record<string, string> = { '#type': 'type', '#categoryIds': 'categoryIds', '#period': 'period' };
      const values: Record<string, unknown> = { ':type': BUCKET_TYPE, ':categoryIds': [...categoryIds], ':period': period };
      const adds = changed.map(([name, count], index) => {
        names[`#c${index}`] = name;
        values[`:c${index}`] = count;
        return `#c${index} :c${index}`;
      });
      return [
        {
          Update: {
            TableName: this.tableName,
            Key: key,
            UpdateExpression: `SET #type = :type, #categoryIds = :categoryIds, #period = :period ADD ${adds.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ];
    });
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...reportCountedKey(after.incidentId), type: 'ReportCounted', facts: after, version: after.version, countedAs: JSON.stringify(after) },
              // Only over what this run read as counted: two runs never both move the same counts.
              ConditionExpression: before ? 'countedAs = :before' : 'attribute_not_exists(pk)',
              ...(before ? { ExpressionAttributeValues: { ':before': JSON.stringify(before) } } : {}),
            },
          },
          ...updates,
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new ConflictError('The incident was counted by another run just now.', { cause: error });
      throw error;
    }
  }
}

/** A counter item's key, what it counts (day or month, category set) and the counts to add to it. */
export interface CounterChange {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly period: string;
  readonly categoryIds: readonly string[];
  readonly counters: Record<string, number>;
}

/** Bucket deltas as changes to the day, month and school-year items of each bucket; deltas sharing an item are added together. */
export function counterChanges(deltas: readonly BucketDelta[]): CounterChange[] {
  const merged = new Map<string, CounterChange>();
  for (const { bucket, counters } of deltas) {
    const set = categorySetKey(bucket.categoryIds);
    const month = bucket.localDate.slice(0, 7);
    for (const { key, period } of [
      { key: reportDayKey(bucket.localDate, set, bucket.shard), period: bucket.localDate },
      { key: reportMonthKey(month, set, bucket.shard), period: month },
      { key: reportSchoolYearKey(schoolYearOf(month), set, bucket.shard), period: schoolYearOf(month) },
    ]) {
      const entry = merged.get(key.sk) ?? { key, period, categoryIds: bucket.categoryIds, counters: {} };
      for (const [name, count] of Object.entries(counters)) entry.counters[name] = (entry.counters[name] ?? 0) + count;
      merged.set(key.sk, entry);
    }
  }
  return [...merged.values()];
}

/** A counter item as stored, holding the whole of its counts (for a bulk load that counts many incidents at once). */
export function counterItem(change: CounterChange): Record<string, unknown> {
  return { ...change.key, type: BUCKET_TYPE, categoryIds: [...change.categoryIds], period: change.period, ...change.counters };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const lastDayOfMonth = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The school year a month (YYYY-MM) is in, named by the year of its September. */
const schoolYearOf = (month: string) => String(Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) < 9 ? 1 : 0));

interface Span {
  readonly first: string;
  readonly last: string;
}

/** The items a range is read from: whole school years, the whole months either side of them, and the odd days at either end. */
export interface RangeParts {
  readonly wholeYears?: Span;
  readonly leadingMonths?: Span;
  readonly trailingMonths?: Span;
  readonly leadingDays?: Span;
  readonly trailingDays?: Span;
}

export function splitRange(range: ReportRange): RangeParts {
  const firstWhole = range.from.endsWith('-01') ? range.from.slice(0, 7) : addMonths(range.from.slice(0, 7), 1);
  const lastWhole = lastDayOfMonth(range.to.slice(0, 7)) === range.to ? range.to.slice(0, 7) : addMonths(range.to.slice(0, 7), -1);
  if (firstWhole > lastWhole) return { leadingDays: { first: range.from, last: range.to } };
  const leadingDays = range.from < `${firstWhole}-01` ? { first: range.from, last: addDays(`${firstWhole}-01`, -1) } : undefined;
  const trailingDays = range.to > lastDayOfMonth(lastWhole) ? { first: addDays(lastDayOfMonth(lastWhole), 1), last: range.to } : undefined;
  const days = { ...(leadingDays ? { leadingDays } : {}), ...(trailingDays ? { trailingDays } : {}) };
  // School years wholly inside the whole months: from the first September to the last August.
  const firstYear = Number(schoolYearOf(firstWhole)) + (firstWhole.endsWith('-09') ? 0 : 1);
  const lastYear = Number(schoolYearOf(lastWhole)) - (lastWhole.endsWith('-08') ? 0 : 1);
  if (firstYear > lastYear) return { leadingMonths: { first: firstWhole, last: lastWhole }, ...days };
  const yearsFrom = `${String(firstYear).padStart(4, '0')}-09`;
  const yearsTo = `${String(lastYear + 1).padStart(4, '0')}-08`;
  return {
    wholeYears: { first: String(firstYear).padStart(4, '0'), last: String(lastYear).padStart(4, '0') },
    ...(firstWhole < yearsFrom ? { leadingMonths: { first: firstWhole, last: addMonths(yearsFrom, -1) } } : {}),
    ...(lastWhole > yearsTo ? { trailingMonths: { first: addMonths(yearsTo, 1), last: lastWhole } } : {}),
    ...days,
  };
}
