import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  IdempotencyKeyTakenError,
  type ActionWrite,
  type IdempotencyRecord,
  type IncidentStore,
  type IncidentWrite,
  type StoredIncident,
  type AuthoredIncidentSummary,
  type ReminderSummary,
  type MonthQualityEntry,
  type RecordedQuality,
} from '../../domain/ports';
import type { Incident, IncidentAction } from '../../domain/incidents/incident';
import { authoredSummaryOf, reminderSummaryOf, studentsOf } from '../../domain/incidents/incident';
import { ACTION_PREFIX, AUTHORED_PREFIX, INCIDENT_SORT_KEY, REMINDER_PREFIX, TAGGED_PREFIX, authoredIncidentKey, idempotencyKey, reminderEntryKey, staffPartition, incidentActionKey, incidentKey, incidentPartition, incidentTaggedKey, recordingQualityIndexKey, recordingQualityMonthPartition, triageIndexKey, fileRecordKey } from './keys';
import { queryAll, withoutKeys } from './pagination';
import { failedConditionAt } from './transaction-errors';
import { alertPuts } from './alert-store';
import { DYNAMODB_ITEM_MAX_BYTES, itemBytes } from './item-size';
import { PayloadTooLargeError, UnprocessableError } from '../../errors/lantern-error';
import { auditPuts } from './audit-trail';
import { sendTransaction } from './send-transaction';
import { outboxPut } from './outbox-item';
import { timelineIncidentItem } from './timeline-items';
import { attachFileUpdate } from './file-record-store';

export interface TableNames {
  readonly records: string;
  readonly audit: string;
}

/**
 * Incidents, their actions and everything written with them. Each submission is ONE
 * transaction: incident + pupil timeline entries + alerts + idempotency + audit + the
 * outbox item holding its events.
 */
export class DynamoIncidentStore implements IncidentStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
  ) {}

  async record(write: IncidentWrite): Promise<void> {
    const { incident } = write;
    // Until a DSL reviews it, the incident is on the triage index.
    const incidentItem = { ...incidentKey(incident.id), ...(incident.review ? {} : triageIndexKey(incident.recordedAt, incident.id)), type: 'Incident', ...incident };
    // The domain keeps incidents well under this; DynamoDB Local would store a larger one.
    if (itemBytes(incidentItem) > DYNAMODB_ITEM_MAX_BYTES) throw new PayloadTooLargeError('This incident is too large to keep as one record.');
    const items = [
      ...(write.idempotency ? [this.idempotencyPut(write.idempotency, incident.recordedAt)] : []),
      {
        Put: {
          TableName: this.tables.records,
          Item: incidentItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...studentsOf(incident).map((studentId) => ({
        Put: { TableName: this.tables.records, Item: timelineIncidentItem(incident, studentId) },
      })),
      ...alertPuts(this.tables.records, write.alerts),
      { Put: { TableName: this.tables.records, Item: authoredEntry(incident, write.quality) } },
      ...(incident.reminder ? [{ Put: { TableName: this.tables.records, Item: reminderEntry(incident, incident.reminder) } }] : []),
      ...(write.attachFiles ?? []).map((fileId) => attachFileUpdate(this.tables.records, fileId, incident.authorId, { incidentId: incident.id })),
      ...auditPuts(this.tables.audit, write.audit),
      ...outboxPut(this.tables.records, write.events, incident.recordedAt),
    ];
    try {
      await sendTransaction(this.client, { TransactItems: items });
    } catch (error) {
      if (write.idempotency && failedConditionAt(error, 0)) throw new IdempotencyKeyTakenError('Idempotency key already used', { cause: error });
      throwIfAttachRefused(error, items, write.attachFiles);
      throw error;
    }
  }

  async get(incidentId: string): Promise<StoredIncident | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tables.records,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': incidentPartition(incidentId) },
      ConsistentRead: true,
    });
    const incidentItem = items.find((item) => item.sk === INCIDENT_SORT_KEY);
    if (!incidentItem) return undefined;
    const { listedUnder: _listedUnder, ...incidentFields } = withoutKeys(incidentItem);
    const actions = items
      .filter((item) => String(item.sk).startsWith(ACTION_PREFIX))
      .map((item) => withoutKeys(item) as unknown as IncidentAction)
      .sort((left, right) => (left.id < right.id ? -1 : 1));
    const taggedStaffIds = new Set(items.filter((item) => String(item.sk).startsWith(TAGGED_PREFIX)).map((item) => String(item.staffId)));
    return { incident: incidentFields as unknown as Incident, actions, taggedStaffIds };
  }

  async listAuthored(authorId: string, limit: number): Promise<AuthoredIncidentSummary[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': staffPartition(authorId), ':prefix': AUTHORED_PREFIX },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({
      incidentId: String(item.incidentId),
      studentId: String(item.studentId),
      occurredAt: String(item.occurredAt),
      recordedAt: String(item.recordedAt),
      categoryIds: (item.categoryIds as string[] | undefined) ?? [],
      status: item.status === 'closed' ? 'closed' : 'active',
    }));
  }

  async listReminders(ownerId: string, from: string, limit: number): Promise<ReminderSummary[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': staffPartition(ownerId), ':from': `${REMINDER_PREFIX}${from}`, ':to': `${REMINDER_PREFIX}\uffff` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({ incidentId: String(item.incidentId), studentId: String(item.studentId), at: String(item.at), note: String(item.note ?? '') }));
  }

  async appendAction(write: ActionWrite): Promise<void> {
    const { action } = write;
    const items = [
        // The incident must still be there; actions never arrive for nothing.
        { ConditionCheck: { TableName: this.tables.records, Key: incidentKey(action.incidentId), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Put: {
            TableName: this.tables.records,
            Item: { ...incidentActionKey(action.incidentId, action.id), type: 'IncidentAction', ...action },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...write.newlyTaggedStaffIds.map((staffId) => ({
          Put: {
            TableName: this.tables.records,
            Item: { ...incidentTaggedKey(action.incidentId, staffId), type: 'IncidentTag', staffId, firstActionId: action.id },
          },
        })),
        ...alertPuts(this.tables.records, write.alerts),
        ...(write.attachFiles ?? []).map((fileId) => attachFileUpdate(this.tables.records, fileId, action.authorId, { incidentId: action.incidentId, actionId: action.id })),
        ...auditPuts(this.tables.audit, write.audit),
        ...outboxPut(this.tables.records, write.events, action.createdAt),
    ];
    try {
      await sendTransaction(this.client, { TransactItems: items });
    } catch (error) {
      throwIfAttachRefused(error, items, write.attachFiles);
      throw error;
    }
  }

  async entriesForMonth(month: string): Promise<MonthQualityEntry[]> {
    const items = await queryAll(this.client, {
      TableName: this.tables.records,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :month',
      ExpressionAttributeValues: { ':month': recordingQualityMonthPartition(month) },
      // Counts only: never the author, the pupil or the text.
      ProjectionExpression: 'qualityCounts',
    });
    return items.map((item) => ({ counts: (item.qualityCounts as MonthQualityEntry['counts'] | undefined) ?? {} }));
  }

  async findIdempotency(callerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: idempotencyKey(callerId, key), ConsistentRead: true }));
    if (!result.Item) return undefined;
    const { callerId: storedCaller, key: storedKey, requestHash, incidentId, expiresAtIso, alerts } = result.Item;
    // Records written before alerts were kept have none to publish again.
    return { callerId: storedCaller, key: storedKey, requestHash, incidentId, expiresAt: expiresAtIso, alerts: alerts ?? [] };
  }

  private idempotencyPut(record: IdempotencyRecord, now: string) {
    return {
      Put: {
        TableName: this.tables.records,
        Item: {
          ...idempotencyKey(record.callerId, record.key),
          type: 'IdempotencyRecord',
          callerId: record.callerId,
          key: record.key,
          requestHash: record.requestHash,
          incidentId: record.incidentId,
          expiresAtIso: record.expiresAt,
          alerts: record.alerts.map(({ recipientId, alertId }) => ({ recipientId, alertId })),
          // DynamoDB TTL reads epoch seconds.
          expiresAt: Math.floor(new Date(record.expiresAt).getTime() / 1000),
        },
        // Taken unless absent or expired (TTL deletion is lazy, and absent locally).
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': Math.floor(new Date(now).getTime() / 1000) },
      },
    };
  }
}

/** An upload attached meanwhile (a double submit racing itself): refused naming the file, nothing written. */
function throwIfAttachRefused(error: unknown, items: readonly object[], fileIds: readonly string[] | undefined): void {
  (fileIds ?? []).forEach((fileId, index) => {
    const at = items.findIndex((item) => (item as { Update?: { Key?: { pk?: string } } }).Update?.Key?.pk === fileRecordKey(fileId).pk);
    if (at >= 0 && failedConditionAt(error, at)) throw new UnprocessableError('This upload was attached already, or is not yours.', `fileIds.${index}`);
  });
}

function authoredEntry(incident: Incident, quality: RecordedQuality | undefined) {
  return {
    ...authoredIncidentKey(incident.authorId, incident.recordedAt, incident.id),
    ...(quality ? { ...recordingQualityIndexKey(quality.month, incident.recordedAt, incident.id), qualityCounts: quality.counts } : {}),
    type: 'AuthoredIncident',
    ...authoredSummaryOf(incident),
  };
}

function reminderEntry(incident: Incident, reminder: { readonly at: string; readonly note: string }) {
  return {
    ...reminderEntryKey(incident.authorId, reminder.at, incident.id),
    type: 'ReminderEntry',
    ...reminderSummaryOf(incident, reminder),
  };
}
