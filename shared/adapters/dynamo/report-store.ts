import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReportStore } from '../../domain/ports';
import { categorySetKey, recountDeltas, type CountedIncident, type ReportBucket, type ReportRange } from '../../domain/reports/report-facts';
import { ConflictError } from '../../errors/lantern-error';
import { REPORT_DAY_PREFIX, REPORT_MONTH_PREFIX, REPORT_PARTITION, reportCountedKey, reportDayKey, reportMonthKey, reportPeriodBounds } from './keys';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';
import { failedConditionAt } from './transaction-errors';

const BUCKET_TYPE = 'ReportCounters';

/**
 * Report counters. Each incident is counted in a day item and a month item of its category
 * set and shard; a range reads whole months from month items and the days at either end from
 * day items, so a school year is three Queries of at most (months + edge days) × category
 * sets × shards items, however many incidents there are.
 */
export class DynamoReportStore implements ReportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(range: ReportRange): Promise<ReportBucket[]> {
    const { wholeMonths, leadingDays, trailingDays } = splitRange(range);
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
    if (wholeMonths) between(REPORT_MONTH_PREFIX, wholeMonths.first, wholeMonths.last);
    if (leadingDays) between(REPORT_DAY_PREFIX, leadingDays.first, leadingDays.last);
    if (trailingDays) between(REPORT_DAY_PREFIX, trailingDays.first, trailingDays.last);
    const items = (await Promise.all(queries)).flat();
    return items.map((item) => {
      const { categoryIds, period, ...counters } = withoutKeys(item) as Record<string, unknown>;
      return { categoryIds: categoryIds as string[], month: String(period).slice(0, 7), counters: counters as Record<string, number> };
    });
  }

  async counted(incidentId: string): Promise<CountedIncident | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: reportCountedKey(incidentId), ConsistentRead: true }));
    return result.Item ? (result.Item.facts as CountedIncident) : undefined;
  }

  async recount(before: CountedIncident | undefined, after: CountedIncident): Promise<void> {
    // A day item and a month item per bucket; before and after may share a month, so merge.
    const merged = new Map<string, { key: { pk: string; sk: string }; period: string; categoryIds: readonly string[]; counters: Record<string, number> }>();
    for (const { bucket, counters } of recountDeltas(before, after)) {
      const set = categorySetKey(bucket.categoryIds);
      const month = bucket.localDate.slice(0, 7);
      for (const { key, period } of [
        { key: reportDayKey(bucket.localDate, set, bucket.shard), period: bucket.localDate },
        { key: reportMonthKey(month, set, bucket.shard), period: month },
      ]) {
        const entry = merged.get(key.sk) ?? { key, period, categoryIds: bucket.categoryIds, counters: {} };
        for (const [name, count] of Object.entries(counters)) entry.counters[name] = (entry.counters[name] ?? 0) + count;
        merged.set(key.sk, entry);
      }
    }
    const updates = [...merged.values()].flatMap(({ key, period, categoryIds, counters }) => {
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

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const lastDayOfMonth = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A range of days as whole months and the odd days before and after them. */
export function splitRange(range: ReportRange) {
  const firstWhole = range.from.endsWith('-01') ? range.from.slice(0, 7) : addMonths(range.from.slice(0, 7), 1);
  const lastWhole = lastDayOfMonth(range.to.slice(0, 7)) === range.to ? range.to.slice(0, 7) : addMonths(range.to.slice(0, 7), -1);
  if (firstWhole > lastWhole) return { leadingDays: { first: range.from, last: range.to } } as { wholeMonths?: { first: string; last: string }; leadingDays?: { first: string; last: string }; trailingDays?: { first: string; last: string } };
  const leading = range.from < `${firstWhole}-01` ? { first: range.from, last: addDays(`${firstWhole}-01`, -1) } : undefined;
  const trailing = range.to > lastDayOfMonth(lastWhole) ? { first: addDays(lastDayOfMonth(lastWhole), 1), last: range.to } : undefined;
  return { wholeMonths: { first: firstWhole, last: lastWhole }, ...(leading ? { leadingDays: leading } : {}), ...(trailing ? { trailingDays: trailing } : {}) } as {
    wholeMonths?: { first: string; last: string };
    leadingDays?: { first: string; last: string };
    trailingDays?: { first: string; last: string };
  };
}
