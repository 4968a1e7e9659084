import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sendTransaction } from './send-transaction';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { AuditSearch, AuditTrail } from '../../domain/ports';
import { hasExactly, type CursorCodec } from './pagination';
import { auditKey, auditRecordPartition, auditStaffPartition, auditStudentCopyKey, auditStudentPartition } from './keys';

/** DynamoDB's limit on the items of one TransactWriteItems call. */
const TRANSACTION_ITEMS = 100;

/**
 * The items one event is stored as: its own item (by record, by staff, and by its first
 * pupil), then a copy under each further pupil, so "who has looked at this child?" finds
 * every event that showed the child, whichever of its pupils the child was.
 */
export function auditItems(event: AuditEvent) {
  const [firstPupil, ...otherPupils] = event.studentIds ?? [];
  return [
    {
      ...auditKey(event.recordId, event.at, event.id),
      ...(event.staffId ? { staffPk: auditStaffPartition(event.staffId) } : {}),
      ...(firstPupil ? { studentPk: auditStudentPartition(firstPupil) } : {}),
      ...event,
    },
    ...otherPupils.map((studentId) => ({ ...auditStudentCopyKey(studentId, event.at, event.id), ...event })),
  ];
}

/** Puts that can only add: the audit trail is append-only, even to Lantern's own code. */
export function auditPuts(tableName: string, event: AuditEvent) {
  // Empty when the function's catalogue entry does not declare `audit` (shared/deps/dynamo-ports.ts).
  if (!tableName) throw new Error("This function writes an audit event but does not declare 'audit' in its catalogue entry");
  return auditItems(event).map((Item) => ({ Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } }));
}

export class DynamoAuditTrail implements AuditTrail {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Only searches page; the sign-in triggers only record. */
    private readonly cursors?: CursorCodec,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    const puts = auditPuts(this.tableName, event);
    if (puts.length === 1) {
      await this.client.send(new PutCommand(puts[0]!.Put));
      return;
    }
    // An event and its copies go together (a read's answer waits for all of them).
    for (let start = 0; start < puts.length; start += TRANSACTION_ITEMS) {
      await sendTransaction(this.client, { TransactItems: puts.slice(start, start + TRANSACTION_ITEMS) });
    }
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
  const { pk: _pk, sk: _sk, staffPk: _staffPk, studentPk: _studentPk, studentId, ...event } = item;
  // Events written before an event could concern several pupils named one, as `studentId`.
  const legacyPupil = typeof studentId === 'string' && !event.studentIds ? { studentIds: [studentId] } : {};
  return { ...event, ...legacyPupil } as unknown as AuditEvent;
}
