import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { AuditSearch, AuditTrail } from '../../domain/ports';
import { hasExactly, type CursorCodec } from './pagination';
import { auditKey, auditRecordPartition, auditStaffPartition, auditStudentPartition } from './keys';

export function auditItem(event: AuditEvent) {
  return {
    ...auditKey(event.recordId, event.at, event.id),
    ...(event.staffId ? { staffPk: auditStaffPartition(event.staffId) } : {}),
    ...(event.studentId ? { studentPk: auditStudentPartition(event.studentId) } : {}),
    ...event,
  };
}

/** A Put that can only add: the audit trail is append-only, even to Lantern's own code. */
export function auditPut(tableName: string, event: AuditEvent) {
  // Empty when the function's catalogue entry does not declare `audit` (shared/deps/dynamo-ports.ts).
  if (!tableName) throw new Error("This function writes an audit event but does not declare 'audit' in its catalogue entry");
  return { Put: { TableName: tableName, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(pk)' } };
}

export class DynamoAuditTrail implements AuditTrail {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Only searches page; the sign-in triggers only record. */
    private readonly cursors?: CursorCodec,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    await this.client.send(new PutCommand(auditPut(this.tableName, event).Put));
  }

  async search(search: AuditSearch): Promise<{ events: AuditEvent[]; nextCursor?: string }> {
    const index = {
      record: { indexName: undefined, key: 'pk', partition: auditRecordPartition(search.id) },
      staff: { indexName: 'byStaff', key: 'staffPk', partition: auditStaffPartition(search.id) },
      student: { indexName: 'byStudent', key: 'studentPk', partition: auditStudentPartition(search.id) },
    }[search.by];
    // Sort keys are "<ISO time>#<event id>": '~' sorts after every id character.
    const from = search.from ? new Date(search.from).toISOString() : '0000';
    const to = search.to ? `${new Date(search.to).toISOString()}~` : '9999';
    if (!this.cursors) throw new Error('This audit trail was built without a cursor key: it records, it does not search');
    // A cursor belongs to one subject's one window.
    const cursorQuery = auditCursorQuery(search.by, search.id, from, to);
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#partition = :partition AND sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#partition': index.key },
        ExpressionAttributeValues: { ':partition': index.partition, ':from': from, ':to': to },
        Limit: search.limit,
        // Only a key from this partition, inside this window: DynamoDB refuses any other with an error.
        ExclusiveStartKey: this.cursors.decode(
          search.cursor,
          cursorQuery,
          (key) =>
            hasExactly(key, index.indexName ? ['pk', 'sk', index.key] : ['pk', 'sk']) &&
            key[index.key] === index.partition &&
            key.sk! >= from &&
            key.sk! <= to,
        ),
      }),
    );
    const nextCursor = this.cursors.encode(page.LastEvaluatedKey, cursorQuery);
    return { events: (page.Items ?? []).map(toEvent), ...(nextCursor ? { nextCursor } : {}) };
  }
}

/** What an audit cursor is bound to: the subject and the window, as normalised for the query. */
export function auditCursorQuery(by: string, id: string, from: string, to: string): string {
  return `audit|${by}|${id}|${from}|${to}`;
}

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, staffPk: _staffPk, studentPk: _studentPk, ...event } = item;
  return event as unknown as AuditEvent;
}
