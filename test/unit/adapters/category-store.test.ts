import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCategoryStore } from '../../../shared/adapters/dynamo/category-store';
import { defaultCategories } from '../../../shared/domain/categories/default-categories';
import type { Category } from '../../../shared/domain/categories/category';
import { auditEventFixture } from '../support/audit-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';
const auditTableName = 'lantern-audit';

afterEach(() => dynamo.reset());

const store = () => new DynamoCategoryStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName, auditTableName);
const stored = (category: Category) => ({ pk: 'CATEGORY', sk: `CATEGORY#${category.id}`, type: 'Category', ...category });
const category = (name: string) => defaultCategories.find((candidate) => candidate.name === name)!;

describe('DynamoCategoryStore', () => {
  it('reads every page of the category partition and sorts by order', async () => {
    // Prepare
    const [attendance, behaviour, bullying, health] = [category('Attendance'), category('Behaviour'), category('Bullying'), category('Health')];
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [stored(health), stored(attendance)], LastEvaluatedKey: { pk: 'CATEGORY', sk: `CATEGORY#${attendance.id}` } })
      .resolvesOnce({ Items: [stored(bullying), stored(behaviour)] });

    // Act
    const categories = await store().list();

    // Assess
    expect(categories).toEqual([attendance, behaviour, bullying, health]);
    const calls = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'CATEGORY', ':prefix': 'CATEGORY#' },
    });
    expect(calls[0]!.ExclusiveStartKey).toBeUndefined();
    expect(calls[1]!.ExclusiveStartKey).toEqual({ pk: 'CATEGORY', sk: `CATEGORY#${attendance.id}` });
  });

  it('answers an empty list for a school with no categories yet', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    const categories = await store().list();

    // Assess
    expect(categories).toEqual([]);
  });

  it('stores a category under its key', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});
    const firstAid = category('First aid');

    // Act
    await store().put(firstAid);

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, { TableName: tableName, Item: stored(firstAid) });
  });

  it('saves a category and its audit event in one transaction', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const health = { ...category('Health'), guidance: 'Health or medical updates, and illness.' };
    const audit = auditEventFixture({ action: 'category.update', recordType: 'category', recordId: health.id });

    // Act
    await store().save(health, audit);

    // Assess
    const [call] = dynamo.commandCalls(TransactWriteCommand);
    const items = call!.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.TableName)).toEqual([tableName, auditTableName]);
    expect(items[0]!.Put!.Item).toEqual(stored(health));
  });
});
