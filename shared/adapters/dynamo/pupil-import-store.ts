import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { DomainEvent } from '../../domain/ports';
import type { Student } from '../../domain/students/student';
import type { PupilWrite } from '../../domain/students/import/plan-import';
import { PUPILS_PER_TRANSACTION, RollChangedError, type ImportStatus, type PupilImport, type PupilImportStore } from '../../domain/students/import/pupil-import';
import { ConflictError } from '../../errors/lantern-error';
import { pupilImportKey, rollClaimKey } from './keys';
import { auditPuts } from './audit-trail';
import { outboxPut } from './outbox-item';
import { sendTransaction } from './send-transaction';
import { failedConditionAt, isConditionalCheckFailure } from './transaction-errors';
import { withoutKeys } from './pagination';
import type { DynamoStudentRecords } from './student-records';
import type { TableNames } from './incident-store';

const ITEM_TYPE = 'PupilImport';
/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/** Imports and the roll, in the records table (keys in keys.ts). */
export class DynamoPupilImportStore implements PupilImportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
    private readonly students: DynamoStudentRecords,
  ) {}

  async get(importId: string): Promise<PupilImport | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: pupilImportKey(importId), ConsistentRead: true }));
    return result.Item ? (withoutKeys(result.Item) as unknown as PupilImport) : undefined;
  }

  private put(record: PupilImport) {
    return { TableName: this.tables.records, Item: { ...pupilImportKey(record.id), type: ITEM_TYPE, ...record } };
  }

  async create(record: PupilImport, audit: AuditEvent): Promise<void> {
    await sendTransaction(this.client, { TransactItems: [{ Put: { ...this.put(record), ConditionExpression: 'attribute_not_exists(pk)' } }, ...auditPuts(this.tables.audit, audit)] });
  }

  async queue(record: PupilImport, event: DomainEvent, audit: AuditEvent): Promise<void> {
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          { Put: { ...this.put(record), ConditionExpression: '#status = :from', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':from': 'awaiting_upload' } } },
          ...outboxPut(this.tables.records, [event], record.updatedAt),
          ...auditPuts(this.tables.audit, audit),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new ConflictError('This import has already been started.', { cause: error });
      throw error;
    }
  }

  async update(record: PupilImport, expected: ImportStatus): Promise<void> {
    try {
      await this.client.send(new PutCommand({ ...this.put(record), ConditionExpression: '#status = :expected', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':expected': expected } }));
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ConflictError(`The import is no longer ${expected}.`, { cause: error });
      throw error;
    }
  }

  async finish(record: PupilImport, audit: AuditEvent): Promise<boolean> {
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          { Put: { ...this.put(record), ConditionExpression: '#status IN (:queued, :writing)', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':queued': 'queued', ':writing': 'writing' } } },
          ...auditPuts(this.tables.audit, audit),
        ],
      });
      return true;
    } catch (error) {
      if (failedConditionAt(error, 0)) return false;
      throw error;
    }
  }

  async claimRoll(importId: string, at: string, staleBefore: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tables.records,
          Item: { ...rollClaimKey(), type: 'RollClaim', importId, at },
          ConditionExpression: 'attribute_not_exists(pk) OR importId = :me OR #at < :stale',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':me': importId, ':stale': staleBefore },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async rollHolder(): Promise<{ importId: string; at: string } | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: rollClaimKey(), ConsistentRead: true }));
    return result.Item ? { importId: String(result.Item.importId), at: String(result.Item.at) } : undefined;
  }

  async releaseRoll(importId: string): Promise<void> {
    try {
      await this.client.send(new DeleteCommand({ TableName: this.tables.records, Key: rollClaimKey(), ConditionExpression: 'importId = :me', ExpressionAttributeValues: { ':me': importId } }));
    } catch (error) {
      // Taken over by another import after this one went stale: theirs now, leave it.
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  roll(): Promise<Student[]> {
    return this.students.roll();
  }

  async apply(writes: readonly PupilWrite[]): Promise<void> {
    if (writes.length === 0) return;
    if (writes.length > PUPILS_PER_TRANSACTION) throw new Error(`At most ${PUPILS_PER_TRANSACTION} pupils to a transaction`);
    const items = writes.flatMap((write) => this.students.writeItems(write.student, write.previous, { conditional: true }));
    if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`A batch of ${items.length} items is over DynamoDB's ${MAX_TRANSACTION_ITEMS}`);
    try {
      await sendTransaction(this.client, { TransactItems: items });
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException || (error as { name?: string })?.name === 'TransactionCanceledException' ? ((error as TransactionCanceledException).CancellationReasons ?? []) : [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) throw new RollChangedError({ cause: error });
      throw error;
    }
  }
}
