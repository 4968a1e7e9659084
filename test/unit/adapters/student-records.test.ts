import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoStudentRecords } from '../../../shared/adapters/dynamo/student-records';
import type { Student } from '../../../shared/domain/students/student';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';

afterEach(() => dynamo.reset());

const records = () => new DynamoStudentRecords(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName);

function pupil(overrides: Partial<Student> = {}): Student {
  return {
    id: 'stu-0042',
    upn: 'B801200005001',
    givenName: 'Amelia',
    familyName: 'Hart',
    dateOfBirth: '2016-03-14',
    yearGroup: 'Year 4',
    className: '4 Oak',
    status: 'on_roll',
    ...overrides,
  };
}

function previously(student: Student | undefined) {
  dynamo.on(GetCommand).resolves(student ? { Item: { pk: `STUDENT#${student.id}`, sk: 'PROFILE', type: 'Student', ...student } } : {});
  dynamo.on(TransactWriteCommand).resolves({});
}

function transactItems() {
  const calls = dynamo.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]!.args[0].input.TransactItems ?? [];
}

const searchTokensPut = (items: ReturnType<typeof transactItems>) =>
  items.filter((item) => item.Put?.Item?.type === 'StudentSearchToken').map((item) => item.Put!.Item!.sk);
const searchTokensDeleted = (items: ReturnType<typeof transactItems>) => items.filter((item) => item.Delete).map((item) => item.Delete!.Key!.sk);

describe('DynamoStudentRecords.put', () => {
  it('writes the pupil and a search token per name in one transaction', async () => {
    // Prepare
    previously(undefined);
    const amelia = pupil();

    // Act
    await records().put(amelia);

    // Assess
    const items = transactItems();
    expect(items[0]).toEqual({ Put: { TableName: tableName, Item: { pk: 'STUDENT#stu-0042', sk: 'PROFILE', type: 'Student', ...amelia } } });
    expect(searchTokensPut(items)).toEqual(['amelia#stu-0042', 'hart#stu-0042']);
    expect(items.find((item) => item.Put?.Item?.sk === 'hart#stu-0042')).toEqual({
      Put: {
        TableName: tableName,
        Item: {
          pk: 'STUDENT_SEARCH',
          sk: 'hart#stu-0042',
          type: 'StudentSearchToken',
          studentId: 'stu-0042',
          givenName: 'Amelia',
          familyName: 'Hart',
          yearGroup: 'Year 4',
          className: '4 Oak',
          status: 'on_roll',
        },
      },
    });
    // The pupil, its two search tokens, and the UPN lookup Operation Encompass matching reads.
    expect(items.find((item) => item.Put?.Item?.pk === 'STUDENT_UPN#B801200005001')?.Put?.Item).toMatchObject({ sk: 'LOOKUP', studentId: 'stu-0042' });
    expect(items).toHaveLength(4);
  });

  it('writes one token when forename and surname are the same name', async () => {
    // Prepare
    previously(undefined);

    // Act
    await records().put(pupil({ givenName: 'Jordan', familyName: 'JORDAN' }));

    // Assess: DynamoDB refuses a transaction that writes one item twice.
    const items = transactItems();
    expect(searchTokensPut(items)).toEqual(['jordan#stu-0042']);
    const keys = items.map((item) => JSON.stringify(item.Put ? { pk: item.Put.Item!.pk, sk: item.Put.Item!.sk } : item.Delete!.Key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("moves an archived pupil's search tokens out of the recording search into the leavers' partition", async () => {
    // Prepare
    previously(pupil());

    // Act
    await records().put(pupil({ status: 'archived' }));

    // Assess
    const items = transactItems();
    const tokenPartitions = (kind: 'Put' | 'Delete') =>
      items.flatMap((item) => (kind === 'Put' ? (item.Put?.Item?.type === 'StudentSearchToken' ? [`${item.Put.Item.pk} ${item.Put.Item.sk}`] : []) : item.Delete ? [`${item.Delete.Key!.pk} ${item.Delete.Key!.sk}`] : []));
    expect(tokenPartitions('Delete').sort()).toEqual(['STUDENT_SEARCH amelia#stu-0042', 'STUDENT_SEARCH hart#stu-0042']);
    expect(tokenPartitions('Put').sort()).toEqual(['STUDENT_SEARCH_ARCHIVED amelia#stu-0042', 'STUDENT_SEARCH_ARCHIVED hart#stu-0042']);
    expect(items[0]!.Put!.Item).toMatchObject({ status: 'archived' });
  });

  it("moves a restored pupil's tokens back into the recording search", async () => {
    // Prepare
    previously(pupil({ status: 'archived' }));

    // Act
    await records().put(pupil({ status: 'on_roll' }));

    // Assess
    const items = transactItems();
    expect(items.filter((item) => item.Delete).map((item) => item.Delete!.Key!.pk)).toEqual(['STUDENT_SEARCH_ARCHIVED', 'STUDENT_SEARCH_ARCHIVED']);
    expect(items.filter((item) => item.Put?.Item?.type === 'StudentSearchToken').map((item) => item.Put!.Item!.pk)).toEqual(['STUDENT_SEARCH', 'STUDENT_SEARCH']);
  });

  it('deletes the stale token when a pupil is renamed, and keeps the unchanged one', async () => {
    // Prepare
    previously(pupil({ familyName: 'Hart' }));

    // Act
    await records().put(pupil({ familyName: 'Hart-Wilson' }));

    // Assess
    const items = transactItems();
    expect(searchTokensDeleted(items)).toEqual(['hart#stu-0042']);
    expect(searchTokensPut(items)).toEqual(['amelia#stu-0042', 'hart-wilson#stu-0042']);
    expect(items.find((item) => item.Delete)).toEqual({ Delete: { TableName: tableName, Key: { pk: 'STUDENT_SEARCH', sk: 'hart#stu-0042' } } });
  });

  it('deletes nothing when only the case of a name changes', async () => {
    // Prepare
    previously(pupil({ familyName: 'HART' }));

    // Act
    await records().put(pupil({ familyName: 'Hart' }));

    // Assess
    const items = transactItems();
    expect(searchTokensDeleted(items)).toEqual([]);
    expect(searchTokensPut(items)).toEqual(['amelia#stu-0042', 'hart#stu-0042']);
  });
});

describe('DynamoStudentRecords searches', () => {
  const token = (partition: string, student: Student) => ({ pk: partition, sk: `${student.givenName.toLowerCase()}#${student.id}`, type: 'StudentSearchToken', studentId: student.id, givenName: student.givenName, familyName: student.familyName, yearGroup: student.yearGroup, className: student.className, status: student.status });
  const onRoll = pupil({ id: 'stu-0001', givenName: 'Amelia', familyName: 'Hart' });
  const leaver = pupil({ id: 'stu-0002', givenName: 'Amir', familyName: 'Bell', status: 'archived' });

  it('never reads the leavers\' partition for the recording search', async () => {
    // Prepare
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'STUDENT_SEARCH', ':prefix': 'am' } }).resolves({ Items: [token('STUDENT_SEARCH', onRoll)] });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'STUDENT_SEARCH_ARCHIVED', ':prefix': 'am' } }).resolves({ Items: [token('STUDENT_SEARCH_ARCHIVED', leaver)] });

    // Act
    const found = await records().search('am', 20);

    // Assess
    expect(found.map((student) => student.id)).toEqual(['stu-0001']);
    expect(dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk'])).toEqual(['STUDENT_SEARCH']);
  });

  it("finds leavers with their status for the DSLs' search that asks for them, in one more Query alongside", async () => {
    // Prepare
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'STUDENT_SEARCH', ':prefix': 'am' } }).resolves({ Items: [token('STUDENT_SEARCH', onRoll)] });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'STUDENT_SEARCH_ARCHIVED', ':prefix': 'am' } }).resolves({ Items: [token('STUDENT_SEARCH_ARCHIVED', leaver)] });

    // Act
    const withLeavers = await records().searchWithStatus('am', 20, { includeArchived: true });
    const withoutLeavers = await records().searchWithStatus('am', 20, { includeArchived: false });

    // Assess
    expect(withLeavers.map((student) => [student.id, student.status])).toEqual([
      ['stu-0002', 'archived'],
      ['stu-0001', 'on_roll'],
    ]);
    expect(withoutLeavers.map((student) => student.id)).toEqual(['stu-0001']);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(3);
  });
});

describe('DynamoStudentRecords.get', () => {
  it('reads a pupil without storage attributes', async () => {
    // Prepare
    const amelia = pupil();
    previously(amelia);

    // Act
    const found = await records().get(amelia.id);

    // Assess
    expect(found).toEqual(amelia);
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { TableName: tableName, Key: { pk: 'STUDENT#stu-0042', sk: 'PROFILE' } });
  });

  it('answers undefined for an unknown pupil', async () => {
    // Prepare
    previously(undefined);

    // Act
    const found = await records().get('stu-9999');

    // Assess
    expect(found).toBeUndefined();
  });
});
