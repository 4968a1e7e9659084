import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAlertGroupDirectory } from '../../../shared/adapters/dynamo/alert-group-directory';
import { alertGroupsOf } from '../support/school-cast';
import { auditEventFixture } from '../support/audit-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';
const auditTableName = 'lantern-audit';

afterEach(() => dynamo.reset());

const directory = () => new DynamoAlertGroupDirectory(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName, auditTableName);
const { seniorLeadership, yearFourTeam } = alertGroupsOf;
const stored = (group: typeof seniorLeadership) => ({ pk: 'ALERT_GROUP', sk: `GROUP#${group.id}`, type: 'AlertGroup', ...group });

describe('DynamoAlertGroupDirectory', () => {
  it('lists every group from its partition, by name, without storage attributes', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [stored(yearFourTeam), stored(seniorLeadership)] });

    // Act
    const groups = await directory().list();

    // Assess
    expect(groups).toEqual([seniorLeadership, yearFourTeam]);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'ALERT_GROUP', ':prefix': 'GROUP#' },
    });
  });

  it('saves a group and its audit event in one transaction', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const audit = auditEventFixture({ action: 'alert-group.update', recordType: 'alert-group', recordId: seniorLeadership.id });

    // Act
    await directory().save(seniorLeadership, audit);

    // Assess
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toEqual({ TableName: tableName, Item: stored(seniorLeadership) });
    expect(items[1]!.Put).toMatchObject({ TableName: auditTableName, Item: { action: 'alert-group.update' }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(items).toHaveLength(2);
  });

  it('removes a group and audits it in one transaction', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await directory().remove(yearFourTeam.id, auditEventFixture({ action: 'alert-group.delete' }));

    // Assess
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Delete).toEqual({ TableName: tableName, Key: { pk: 'ALERT_GROUP', sk: `GROUP#${yearFourTeam.id}` } });
    expect(items[1]!.Put!.TableName).toBe(auditTableName);
  });

  it('puts a group without audit for seeding', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});

    // Act
    await directory().put(yearFourTeam);

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, { TableName: tableName, Item: stored(yearFourTeam) });
  });
});
