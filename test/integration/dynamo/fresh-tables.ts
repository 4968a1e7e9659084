import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditTable, recordsTable } from '../../../shared/adapters/dynamo/table-definitions';
import { provisionTables } from '../../../local/provision/tables';
import { localFacts } from '../support/local-facts';

/**
 * Tables of their own for one test file, on the DynamoDB Local the integration run
 * started, created from the same definitions as the stack's: nothing a test writes can
 * meet the demo school's records or another file's.
 */
export async function freshTables(label: string): Promise<{ client: DynamoDBDocumentClient; tables: { records: string; audit: string } }> {
  const facts = localFacts();
  const suffix = `${label}-${Date.now().toString(36)}`;
  const tables = { records: `records-${suffix}`, audit: `audit-${suffix}` };
  const raw = new DynamoDBClient({ region: facts.region, endpoint: facts.dynamodb.endpoint, credentials: facts.credentials });
  await provisionTables(raw, [
    { name: tables.records, definition: recordsTable },
    { name: tables.audit, definition: auditTable },
  ]);
  // The marshalling production's createDocumentClient uses, with the stand-in's credentials.
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  return { client, tables };
}
