import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoSchoolProfileSource } from '../../../shared/adapters/dynamo/school-profile-source';
import { defaultSchoolProfile } from '../../../shared/domain/school/school-profile';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';

afterEach(() => dynamo.reset());

const source = () => new DynamoSchoolProfileSource(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);

describe('DynamoSchoolProfileSource', () => {
  it('gives the defaults until an administrator has set the profile', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act
    const profile = await source().get();

    // Assess
    expect(profile).toEqual(defaultSchoolProfile);
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { TableName: tableName, Key: { pk: 'SCHOOL', sk: 'SETTINGS' } });
  });

  it('uses what the school set, filling in what it did not', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: { pk: 'SCHOOL', sk: 'SETTINGS', locations: ['Forest school', 'Hall'] } });

    // Act
    const profile = await source().get();

    // Assess
    expect(profile).toEqual({ locations: ['Forest school', 'Hall'], timetable: defaultSchoolProfile.timetable, idleSignOutMinutes: defaultSchoolProfile.idleSignOutMinutes });
  });

  it("uses the school's idle sign-out time for the staff app when it set one", async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: { pk: 'SCHOOL', sk: 'SETTINGS', idleSignOutMinutes: 5 } });

    // Act
    const profile = await source().get();

    // Assess
    expect(profile.idleSignOutMinutes).toBe(5);
    expect(profile.locations).toEqual(defaultSchoolProfile.locations);
  });

  it('stores the profile under the settings key', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});
    const profile = { ...defaultSchoolProfile, locations: ['Hall'] };

    // Act
    await source().put(profile);

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, { TableName: tableName, Item: { pk: 'SCHOOL', sk: 'SETTINGS', type: 'SchoolProfile', ...profile } });
  });
  it('reads the term dates and bank holidays the school set, for the transfer deadline', async () => {
    // Prepare
    const termDates = [{ name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', breaks: [{ name: 'Half-term', start: '2026-10-26', end: '2026-10-30' }] }];
    const bankHolidays = { region: 'england_and_wales', additionalDates: ['2027-06-07'] };
    dynamo.on(GetCommand).resolves({ Item: { pk: 'SCHOOL', sk: 'SETTINGS', termDates, bankHolidays } });

    // Act
    const profile = await source().get();

    // Assess
    expect(profile.termDates).toEqual(termDates);
    expect(profile.bankHolidays).toEqual(bankHolidays);
  });

  it('leaves out term dates that do not pass their checks rather than count days with them', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: { pk: 'SCHOOL', sk: 'SETTINGS', termDates: [{ name: 'Autumn', start: '2026-12-18', end: '2026-09-03' }], bankHolidays: { region: 'mars' } } });

    // Act
    const profile = await source().get();

    // Assess
    expect(profile).not.toHaveProperty('termDates');
    expect(profile).not.toHaveProperty('bankHolidays');
  });
});
