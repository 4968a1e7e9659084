import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { FileAttachment, ScanState, StoredFileRecord } from '../../domain/files/stored-file';
import type { FileRecordStore } from '../../domain/ports';
import { batchGet } from './batch-get';
import { fileRecordKey } from './keys';
import { withoutKeys } from './pagination';
import { auditPuts } from './audit-trail';
import { sendTransaction } from './send-transaction';
import { isConditionalCheckFailure } from './transaction-errors';
import type { TableNames } from './incident-store';

/** Uploaded files' records, one item each in the records table. */
export class DynamoFileRecordStore implements FileRecordStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
  ) {}

  async create(record: StoredFileRecord, audit: AuditEvent): Promise<void> {
    await sendTransaction(this.client, {
      TransactItems: [
        { Put: { TableName: this.tables.records, Item: { ...fileRecordKey(record.id), type: 'FileRecord', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...auditPuts(this.tables.audit, audit),
      ],
    });
  }

  async get(fileId: string): Promise<StoredFileRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: fileRecordKey(fileId), ConsistentRead: true }));
    return result.Item ? fileRecordOf(result.Item) : undefined;
  }

  async getMany(fileIds: readonly string[]): Promise<Map<string, StoredFileRecord>> {
    const items = await batchGet(this.client, this.tables.records, [...new Set(fileIds)].map(fileRecordKey));
    return new Map(items.map((item) => fileRecordOf(item)).map((record) => [record.id, record]));
  }

  async settle(fileId: string, scan: Exclude<ScanState, 'pending'>, at: string, from: 'pending' | 'clean'): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tables.records,
          Key: fileRecordKey(fileId),
          UpdateExpression: 'SET #scan = :scan, scannedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND #scan = :from',
          ExpressionAttributeNames: { '#scan': 'scan' },
          ExpressionAttributeValues: { ':scan': scan, ':at': at, ':from': from },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }
}

/**
 * The transaction item that attaches one upload: only its uploader may, and only once. Part
 * of the incident's or action's own transaction, so a refused attach writes nothing.
 */
export function attachFileUpdate(tableName: string, fileId: string, uploaderId: string, attachment: FileAttachment) {
  return {
    Update: {
      TableName: tableName,
      Key: fileRecordKey(fileId),
      UpdateExpression: 'SET attachedTo = :to',
      ConditionExpression: 'attribute_exists(pk) AND uploaderId = :uploader AND attribute_not_exists(attachedTo)',
      ExpressionAttributeValues: { ':to': { ...attachment }, ':uploader': uploaderId },
    },
  };
}

function fileRecordOf(item: Record<string, unknown>): StoredFileRecord {
  const { type: _type, ...record } = withoutKeys(item);
  return record as unknown as StoredFileRecord;
}
