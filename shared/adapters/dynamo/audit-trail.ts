import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { AuditTrail } from '../../domain/ports';
import { auditKey, auditStaffPartition, auditStudentPartition } from './keys';

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
  return { Put: { TableName: tableName, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(pk)' } };
}

export class DynamoAuditTrail implements AuditTrail {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    await this.client.send(new PutCommand(auditPut(this.tableName, event).Put));
  }
}
