import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StaffDirectory } from '../../domain/ports';
import type { StaffProfile } from '../../domain/staff/staff-profile';
import { staffDirectoryIndexKey, staffProfileKey } from './keys';

const ITEM_TYPE = 'StaffProfile';

export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(staffId: string): Promise<StaffProfile | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: staffProfileKey(staffId), ConsistentRead: true }),
    );
    return result.Item ? toProfile(result.Item) : undefined;
  }

  async put(profile: StaffProfile): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...staffProfileKey(profile.id),
          ...staffDirectoryIndexKey(profile.familyName, profile.givenName, profile.id),
          type: ITEM_TYPE,
          ...profile,
        },
      }),
    );
  }
}

function toProfile(item: Record<string, unknown>): StaffProfile {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, type: _type, ...profile } = item;
  return profile as unknown as StaffProfile;
}
