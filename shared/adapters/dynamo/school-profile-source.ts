import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultSchoolProfile, type SchoolProfile } from '../../domain/school/school-profile';
import type { SchoolProfileSource } from '../../domain/ports';
import { schoolSettingsKey } from './keys';
import type { LateEntryHours } from '../../domain/quality/finding';

/** The school's locations and timetable; the defaults until an administrator sets them. */
export class DynamoSchoolProfileSource implements SchoolProfileSource {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<SchoolProfile> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: schoolSettingsKey() }));
    if (!result.Item) return defaultSchoolProfile;
    return {
      locations: result.Item.locations ?? defaultSchoolProfile.locations,
      timetable: result.Item.timetable ?? defaultSchoolProfile.timetable,
      ...(isLateEntryHours(result.Item.lateEntryHours) ? { lateEntryHours: result.Item.lateEntryHours } : {}),
      idleSignOutMinutes: typeof result.Item.idleSignOutMinutes === 'number' ? result.Item.idleSignOutMinutes : defaultSchoolProfile.idleSignOutMinutes,
      ...(result.Item.referralTimescales ? { referralTimescales: result.Item.referralTimescales } : {}),
    };
  }

  async put(profile: SchoolProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...schoolSettingsKey(), type: 'SchoolProfile', ...profile } }));
  }
}

function isLateEntryHours(value: unknown): value is LateEntryHours {
  const hours = value as Partial<LateEntryHours> | undefined;
  return typeof hours?.advice === 'number' && typeof hours.important === 'number';
}
