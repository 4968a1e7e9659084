import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alert } from '../../domain/alerts/alert';
import type { AlertPage, AlertStore } from '../../domain/ports';
import type { AuditEvent } from '../../domain/audit/audit-event';
import { ALERT_PREFIX, alertKey, staffPartition, unreadAlertIndexKey, unreadAlertPartition } from './keys';
import { hasExactly, withoutKeys, type CursorCodec, type PageKey } from './pagination';
import { auditPuts } from './audit-trail';
import type { TableNames } from './incident-store';
import { sendTransaction } from './send-transaction';

export function alertItem(alert: Alert) {
  return {
    ...alertKey(alert.recipientId, alert.id),
    ...(alert.readAt ? {} : unreadAlertIndexKey(alert.recipientId, alert.id)),
    type: 'Alert',
    ...alert,
  };
}

/** The Puts that raise alerts inside a write's own transaction: each alert once. */
export function alertPuts(tableName: string, alerts: readonly Alert[]) {
  return alerts.map((alert) => ({ Put: { TableName: tableName, Item: alertItem(alert), ConditionExpression: 'attribute_not_exists(pk)' } }));
}

export class DynamoAlertStore implements AlertStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
    private readonly cursors: CursorCodec,
  ) {}

  async list(recipientId: string, options: { unreadOnly: boolean; limit: number; cursor?: string }): Promise<AlertPage> {
    const query = options.unreadOnly
      ? { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': unreadAlertPartition(recipientId) } }
      : {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': staffPartition(recipientId), ':prefix': ALERT_PREFIX },
        };
    // A cursor belongs to one recipient's one list.
    const cursorQuery = alertCursorQuery(recipientId, options.unreadOnly);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        ...query,
        // Alert ids are ULIDs: descending order is newest first.
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: this.cursors.decode(options.cursor, cursorQuery, (key) => (options.unreadOnly ? isUnreadListKey(key, recipientId) : isAlertListKey(key, recipientId))),
      }),
    );
    const nextCursor = this.cursors.encode(page.LastEvaluatedKey, cursorQuery);
    return { alerts: (page.Items ?? []).map(toAlert), ...(nextCursor ? { nextCursor } : {}) };
  }

  async get(recipientId: string, alertId: string): Promise<Alert | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: alertKey(recipientId, alertId), ConsistentRead: true }));
    return result.Item ? toAlert(result.Item) : undefined;
  }

  async mark(recipientId: string, alertId: string, change: { readAt: string; acknowledgedAt?: string }, audit: AuditEvent): Promise<Alert> {
    const acknowledge = change.acknowledgedAt !== undefined;
    await sendTransaction(this.client, {
      TransactItems: [
        {
          Update: {
            TableName: this.tables.records,
            Key: alertKey(recipientId, alertId),
            // The first reading and acknowledgement stand; leaving the unread index is what "read" means.
            UpdateExpression: `SET readAt = if_not_exists(readAt, :readAt)${acknowledge ? ', acknowledgedAt = if_not_exists(acknowledgedAt, :acknowledgedAt)' : ''} REMOVE gsi1pk, gsi1sk`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':readAt': change.readAt, ...(acknowledge ? { ':acknowledgedAt': change.acknowledgedAt } : {}) },
          },
        },
        ...auditPuts(this.tables.audit, audit),
      ],
    });
    const updated = await this.get(recipientId, alertId);
    if (!updated) throw new Error('Alert vanished after update');
    return updated;
  }
}

/** What an alert cursor is bound to: whose list, and which. */
export function alertCursorQuery(recipientId: string, unreadOnly: boolean): string {
  return `alerts|${recipientId}|${unreadOnly ? 'unread' : 'all'}`;
}

/** A key from the recipient's own partition, among their alerts. */
function isAlertListKey(key: PageKey, recipientId: string): boolean {
  return hasExactly(key, ['pk', 'sk']) && key.pk === staffPartition(recipientId) && key.sk!.startsWith(ALERT_PREFIX);
}

/** A key from the recipient's own unread index: the index key and the alert's table key. */
function isUnreadListKey(key: PageKey, recipientId: string): boolean {
  return hasExactly(key, ['pk', 'sk', 'gsi1pk', 'gsi1sk']) && key.gsi1pk === unreadAlertPartition(recipientId) && isAlertListKey({ pk: key.pk!, sk: key.sk! }, recipientId);
}

function toAlert(item: Record<string, unknown>): Alert {
  return withoutKeys(item) as unknown as Alert;
}
