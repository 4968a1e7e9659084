import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoStaffDirectory } from '../../../shared/adapters/dynamo/staff-directory';
import { designatedSafeguardingLead } from '../support/staff-profiles';
import { auditEventFixture } from '../support/audit-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const tableName = 'lantern-records';
const auditTableName = 'lantern-audit';

afterEach(() => dynamo.reset());

const directory = () => new DynamoStaffDirectory(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), tableName, auditTableName);

describe('DynamoStaffDirectory', () => {
  it('stores a profile under its key, with the directory index keys ordered by surname', async () => {
    // Prepare
    dynamo.on(PutCommand).resolves({});
    const lead = designatedSafeguardingLead();

    // Act
    await directory().put(lead);

    // Assess
    expect(dynamo).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: tableName,
      Item: {
        pk: `STAFF#${lead.id}`,
        sk: 'PROFILE',
        gsi1pk: 'STAFF',
        gsi1sk: `okafor#daniel#${lead.id}`,
        type: 'StaffProfile',
        ...lead,
      },
    });
  });

  it('reads a profile consistently, so a disabled account applies at once, without storage attributes', async () => {
    // Prepare
    const lead = designatedSafeguardingLead();
    dynamo
      .on(GetCommand, { TableName: tableName, Key: { pk: `STAFF#${lead.id}`, sk: 'PROFILE' } })
      .resolves({ Item: { pk: `STAFF#${lead.id}`, sk: 'PROFILE', gsi1pk: 'STAFF', gsi1sk: `okafor#daniel#${lead.id}`, type: 'StaffProfile', ...lead } });

    // Act
    const profile = await directory().get(lead.id);

    // Assess
    expect(profile).toEqual(lead);
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { ConsistentRead: true });
  });

  it('answers undefined for someone not in the directory', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({});

    // Act
    const profile = await directory().get('not-a-member');

    // Assess
    expect(profile).toBeUndefined();
  });

  it('saves a profile and its audit event in one transaction, the audit event never overwriting another', async () => {
    // Prepare
    dynamo.on(TransactWriteCommand).resolves({});
    const lead = designatedSafeguardingLead({ jobTitle: 'Deputy Headteacher and DSL' });
    const audit = auditEventFixture({ recordId: lead.id });

    // Act
    await directory().save(lead, audit);

    // Assess
    const [call] = dynamo.commandCalls(TransactWriteCommand);
    const items = call!.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(2);
    expect(items[0]!.Put).toMatchObject({ TableName: tableName, Item: { pk: `STAFF#${lead.id}`, sk: 'PROFILE', jobTitle: 'Deputy Headteacher and DSL' } });
    expect(items[1]!.Put).toMatchObject({ TableName: auditTableName, Item: expect.objectContaining({ id: audit.id }), ConditionExpression: 'attribute_not_exists(pk)' });
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });
});
