import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
        },
      },
    });
    expect(items).toHaveLength(3);
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

  it('gives an archived pupil no search tokens, and removes the ones they had', async () => {
    // Prepare
    previously(pupil());

    // Act
    await records().put(pupil({ status: 'archived' }));

    // Assess
    const items = transactItems();
    expect(searchTokensPut(items)).toEqual([]);
    expect(searchTokensDeleted(items).sort()).toEqual(['amelia#stu-0042', 'hart#stu-0042']);
    expect(items[0]!.Put!.Item).toMatchObject({ status: 'archived' });
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
