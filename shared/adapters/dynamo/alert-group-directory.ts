import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import { auditPuts } from './audit-trail';
import type { AlertGroup } from '../../domain/alerts/alert';
import type { AlertGroupDirectory } from '../../domain/ports';
import { ALERT_GROUP_PARTITION, ALERT_GROUP_PREFIX, alertGroupKey } from './keys';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';

export class DynamoAlertGroupDirectory implements AlertGroupDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly auditTableName: string,
  ) {}

  async list(): Promise<AlertGroup[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': ALERT_GROUP_PARTITION, ':prefix': ALERT_GROUP_PREFIX },
    });
    return items.map((item) => withoutKeys(item) as unknown as AlertGroup).sort((left, right) => left.name.localeCompare(right.name));
  }

  async put(group: AlertGroup): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...alertGroupKey(group.id), type: 'AlertGroup', ...group } }));
  }

  async save(group: AlertGroup, audit: AuditEvent): Promise<void> {
    await sendTransaction(this.client, {
      TransactItems: [{ Put: { TableName: this.tableName, Item: { ...alertGroupKey(group.id), type: 'AlertGroup', ...group } } }, ...auditPuts(this.auditTableName, audit)],
    });
  }

  async remove(groupId: string, audit: AuditEvent): Promise<void> {
    await sendTransaction(this.client, { TransactItems: [{ Delete: { TableName: this.tableName, Key: alertGroupKey(groupId) } }, ...auditPuts(this.auditTableName, audit)] });
  }
}
