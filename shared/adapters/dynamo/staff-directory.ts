import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import { auditPuts } from './audit-trail';
import { failedConditionAt } from './transaction-errors';
import { ConflictError } from '../../errors/lantern-error';
import type { StaffDirectory } from '../../domain/ports';
import type { StaffProfile } from '../../domain/staff/staff-profile';
import { STAFF_DIRECTORY_PARTITION, staffDirectoryIndexKey, staffProfileKey } from './keys';
import { batchGet } from './batch-get';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';

const ITEM_TYPE = 'StaffProfile';

export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly auditTableName: string,
  ) {}

  async get(staffId: string): Promise<StaffProfile | undefined> {
    // Consistent: a disabled account or changed groups must apply to the very next request.
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: staffProfileKey(staffId), ConsistentRead: true }));
    return result.Item ? toProfile(result.Item) : undefined;
  }

  async getMany(staffIds: readonly string[]): Promise<Map<string, StaffProfile>> {
    const items = await batchGet(this.client, this.tableName, [...new Set(staffIds)].map(staffProfileKey));
    return new Map(items.map((item) => [String(item.id), toProfile(item)]));
  }

  async list(): Promise<StaffProfile[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': STAFF_DIRECTORY_PARTITION },
    });
    return items.map(toProfile);
  }

  async put(profile: StaffProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: profileItem(profile) }));
  }

  async save(profile: StaffProfile, audit: AuditEvent, options: { readonly expectedUpdatedAt?: string } = {}): Promise<void> {
    const guard = options.expectedUpdatedAt
      ? { ConditionExpression: 'updatedAt = :expected', ExpressionAttributeValues: { ':expected': options.expectedUpdatedAt } }
      : {};
    try {
      await sendTransaction(this.client, {
        TransactItems: [{ Put: { TableName: this.tableName, Item: profileItem(profile), ...guard } }, ...auditPuts(this.auditTableName, audit)],
      });
    } catch (error) {
      if (options.expectedUpdatedAt && failedConditionAt(error, 0)) {
        throw new ConflictError('This account was changed by someone else just now. Reload it and try again.', { cause: error });
      }
      throw error;
    }
  }
}

function profileItem(profile: StaffProfile) {
  return {
    ...staffProfileKey(profile.id),
    ...staffDirectoryIndexKey(profile.familyName, profile.givenName, profile.id),
    type: ITEM_TYPE,
    ...profile,
  };
}

function toProfile(item: Record<string, unknown>): StaffProfile {
  return withoutKeys(item) as unknown as StaffProfile;
}
