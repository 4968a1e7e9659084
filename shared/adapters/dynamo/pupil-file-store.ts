import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PupilFileStore, StoredIncident } from '../../domain/ports';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Student } from '../../domain/students/student';
import type { Referral } from '../../domain/referrals/referral';
import type { PupilSafeguarding, SafeguardingVersion } from '../../domain/students/safeguarding-flags';
import type { ChronologyWindow, TimelineIncident, TimelineItem, TimelinePage } from '../../domain/casework/timeline';
import { studentsOf } from '../../domain/incidents/incident';
import { ConflictError } from '../../errors/lantern-error';
import { TIMELINE_PREFIX, studentNhsLookupKey, studentPartition, studentSafeguardingKey, studentTimelineBounds } from './keys';
import { hasExactly, queryAll, withoutKeys, type CursorCodec } from './pagination';
import { auditPuts } from './audit-trail';
import { sendTransaction } from './send-transaction';
import { failedConditionAt } from './transaction-errors';
import { timelineActionItem, timelineFlagsItem, timelineIncidentItem, timelineReferralItem, toTimelineItem } from './timeline-items';
import type { DynamoStudentRecords } from './student-records';
import type { TableNames } from './incident-store';

/**
 * A pupil's partition holds their profile, their safeguarding record and their timeline:
 * an entry per incident about or linking them, each action after its incident, and each
 * change of their flags, all sorted by when they happened. A chronology page is one Query.
 */
export class DynamoPupilFileStore implements PupilFileStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
    private readonly students: DynamoStudentRecords,
    private readonly cursors: CursorCodec,
  ) {}

  async safeguarding(studentId: string): Promise<PupilSafeguarding | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: studentSafeguardingKey(studentId), ConsistentRead: true }));
    return result.Item ? (withoutKeys(result.Item) as unknown as PupilSafeguarding) : undefined;
  }

  async saveSafeguarding(record: PupilSafeguarding, change: SafeguardingVersion, audit: AuditEvent, expectedVersion: number): Promise<void> {
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Put: {
              TableName: this.tables.records,
              Item: { ...studentSafeguardingKey(record.studentId), type: 'PupilSafeguarding', ...record },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
              ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
            },
          },
          { Put: { TableName: this.tables.records, Item: timelineFlagsItem(change), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...nhsLookupItems(this.tables.records, change),
          ...auditPuts(this.tables.audit, audit),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new ConflictError("This pupil's flags changed since you opened them. Reload and try again.", { cause: error });
      throw error;
    }
  }

  async saveStudent(student: Student, audit: AuditEvent, previous: Student): Promise<void> {
    await sendTransaction(this.client, { TransactItems: [...this.students.writeItems(student, previous), ...auditPuts(this.tables.audit, audit)] });
  }

  async timelineIncidents(studentId: string): Promise<TimelineIncident[]> {
    const items = await queryAll(this.client, {
      TableName: this.tables.records,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': studentPartition(studentId), ':prefix': TIMELINE_PREFIX },
    });
    return items.map(toTimelineItem).filter((item): item is TimelineIncident => item?.kind === 'incident');
  }

  async chronology(studentId: string, window: ChronologyWindow): Promise<TimelinePage> {
    const bounds = studentTimelineBounds(window.from, window.to);
    const list = `chronology:${studentId}:${bounds.from}:${bounds.to}`;
    const partition = studentPartition(studentId);
    const startKey = this.cursors.decode(window.cursor, list, (key) => hasExactly(key, ['pk', 'sk']) && key.pk === partition && String(key.sk) >= bounds.from && String(key.sk) <= bounds.to);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ':from': bounds.from, ':to': bounds.to },
        Limit: window.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const items = (page.Items ?? []).map(toTimelineItem).filter((item): item is TimelineItem => item !== undefined);
    const nextCursor = this.cursors.encode(page.LastEvaluatedKey, list);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  async refreshTimeline(stored: StoredIncident, referrals: readonly Referral[]): Promise<void> {
    const { incident, actions } = stored;
    // Each Put is whole and keyed by incident, pupil and action or referral: writing it again changes nothing.
    const items = studentsOf(incident).flatMap((studentId) => [
      timelineIncidentItem(incident, studentId),
      ...actions.map((action) => timelineActionItem(incident, action, studentId)),
      ...referrals.map((referral) => timelineReferralItem(incident, referral, studentId)),
    ]);
    for (const Item of items) await this.client.send(new PutCommand({ TableName: this.tables.records, Item }));
  }
}

/** The NHS number's lookup item follows the record: put for a new number, removed for one taken off. */
export function nhsLookupItems(table: string, change: SafeguardingVersion) {
  const before = change.before.nhsNumber;
  const after = change.after.nhsNumber;
  if (before === after) return [];
  return [
    ...(before ? [{ Delete: { TableName: table, Key: studentNhsLookupKey(before) } }] : []),
    ...(after ? [{ Put: { TableName: table, Item: { ...studentNhsLookupKey(after), type: 'StudentLookup', studentId: change.studentId } } }] : []),
  ];
}
