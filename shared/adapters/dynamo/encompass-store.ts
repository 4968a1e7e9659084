import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DuplicateReferenceError, type EncompassStore, type EncompassWrite } from '../../domain/ports';
import type { EncompassNotification } from '../../domain/partners/encompass-notification';
import { ConflictError } from '../../errors/lantern-error';
import {
  ENCOMPASS_MATCHED_PARTITION,
  ENCOMPASS_UNMATCHED_PARTITION,
  encompassKey,
  encompassListIndexKey,
  encompassReferenceKey,
  incidentKey,
  studentSafeguardingKey,
  urgentTriageIndexKey,
} from './keys';
import { queryAll, withoutKeys } from './pagination';
import { alertPuts } from './alert-store';
import { auditPuts } from './audit-trail';
import { outboxPut } from './outbox-item';
import { sendTransaction } from './send-transaction';
import { failedConditionAt } from './transaction-errors';
import { timelineFlagsItem, timelineIncidentItem } from './timeline-items';
import type { TableNames } from './incident-store';

/** How many matched notifications the DSL's list shows after the unmatched ones. */
const MATCHED_SHOWN = 50;

/**
 * Operation Encompass notifications. A notification arrives as ONE transaction: the
 * police-reference uniqueness item (first, so a duplicate is told apart), the notification,
 * and when matched the incident (first on triage), the pupil's timeline entry, the alerts,
 * the pupil's flag with its version, the audit event and the outbox item of its events.
 */
export class DynamoEncompassStore implements EncompassStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
  ) {}

  async byReference(reference: string): Promise<EncompassNotification | undefined> {
    const unique = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: encompassReferenceKey(reference), ConsistentRead: true }));
    return typeof unique.Item?.notificationId === 'string' ? this.get(unique.Item.notificationId) : undefined;
  }

  async get(notificationId: string): Promise<EncompassNotification | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: encompassKey(notificationId), ConsistentRead: true }));
    return result.Item ? toNotification(result.Item) : undefined;
  }

  async list(): Promise<{ unmatched: EncompassNotification[]; matched: EncompassNotification[] }> {
    const [unmatched, matched] = await Promise.all([
      queryAll(this.client, { TableName: this.tables.records, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': ENCOMPASS_UNMATCHED_PARTITION } }),
      this.client.send(
        new QueryCommand({ TableName: this.tables.records, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': ENCOMPASS_MATCHED_PARTITION }, ScanIndexForward: false, Limit: MATCHED_SHOWN }),
      ),
    ]);
    return { unmatched: unmatched.map(toNotification), matched: (matched.Items ?? []).map(toNotification) };
  }

  async receive(write: EncompassWrite): Promise<void> {
    const items = [
      {
        Put: {
          TableName: this.tables.records,
          Item: { ...encompassReferenceKey(write.reference), type: 'EncompassReference', notificationId: write.notification.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.tables.records, Item: this.notificationItem(write.notification), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...this.matchedItems(write),
    ];
    try {
      await sendTransaction(this.client, { TransactItems: items });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new DuplicateReferenceError('Police reference already received', { cause: error });
      throw error;
    }
  }

  async match(write: EncompassWrite): Promise<void> {
    const items = [
      {
        Put: {
          TableName: this.tables.records,
          Item: this.notificationItem(write.notification),
          // Two DSLs matching the same notification: the second is told it is done.
          ConditionExpression: '#status = :unmatched',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':unmatched': 'unmatched' },
        },
      },
      ...this.matchedItems(write),
    ];
    try {
      await sendTransaction(this.client, { TransactItems: items });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new ConflictError('This notification has been matched already.', { cause: error });
      throw error;
    }
  }

  private notificationItem(notification: EncompassNotification) {
    return { ...encompassKey(notification.id), ...encompassListIndexKey(notification.status, notification.receivedAt, notification.id), type: 'EncompassNotification', ...notification };
  }

  private matchedItems(write: EncompassWrite) {
    const { incident, safeguarding } = write;
    const records = this.tables.records;
    const incidentItems = incident
      ? [
          {
            Put: {
              TableName: records,
              Item: { ...incidentKey(incident.id), ...urgentTriageIndexKey(incident.encompass?.forSchoolDay ?? '', incident.recordedAt, incident.id), type: 'Incident', ...incident },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: records, Item: timelineIncidentItem(incident, incident.studentId) } },
        ]
      : [];
    const flagItems = safeguarding
      ? [
          {
            Put: {
              TableName: records,
              Item: { ...studentSafeguardingKey(safeguarding.record.studentId), type: 'PupilSafeguarding', ...safeguarding.record },
              ConditionExpression: safeguarding.expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
              ...(safeguarding.expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': safeguarding.expectedVersion } }),
            },
          },
          { Put: { TableName: records, Item: timelineFlagsItem(safeguarding.change), ConditionExpression: 'attribute_not_exists(pk)' } },
        ]
      : [];
    return [...incidentItems, ...flagItems, ...alertPuts(records, write.alerts ?? []), ...auditPuts(this.tables.audit, write.audit), ...outboxPut(records, write.events, write.notification.matchedAt ?? write.notification.receivedAt)];
  }
}

function toNotification(item: Record<string, unknown>): EncompassNotification {
  return withoutKeys(item) as unknown as EncompassNotification;
}
