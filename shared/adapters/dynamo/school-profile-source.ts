import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultSchoolProfile, type SchoolProfile } from '../../domain/school/school-profile';
import type { SchoolProfileSource } from '../../domain/ports';
import { schoolSettingsKey } from './keys';
import type { LateEntryHours } from '../../domain/quality/finding';
import { BankHolidaySettings, TermDates } from '../../schemas/school-calendar';

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
      // Settings that do not pass their own checks are left out (a deadline is then refused
      // naming the setting) rather than trusted.
      ...optional('termDates', TermDates.safeParse(result.Item.termDates)),
      ...optional('bankHolidays', BankHolidaySettings.safeParse(result.Item.bankHolidays)),
    };
  }

  async put(profile: SchoolProfile): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...schoolSettingsKey(), type: 'SchoolProfile', ...profile } }));
  }
}

function optional<K extends string, T>(name: K, parsed: { success: true; data: T } | { success: false }): Partial<Record<K, T>> {
  return parsed.success ? ({ [name]: parsed.data } as Partial<Record<K, T>>) : {};
}

function isLateEntryHours(value: unknown): value is LateEntryHours {
  const hours = value as Partial<LateEntryHours> | undefined;
  return typeof hours?.advice === 'number' && typeof hours.important === 'number';
}
