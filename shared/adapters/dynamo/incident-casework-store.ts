import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Incident } from '../../domain/incidents/incident';
import type { IncidentVersion } from '../../domain/casework/incident-version';
import { StaleVersionError, type IncidentCasework, type IncidentChangeWrite, type IncidentListEntry, type IncidentListFilter, type PageRequest } from '../../domain/ports';
import {
  INCIDENT_PREFIX,
  INCIDENT_SORT_KEY,
  TRIAGE_PARTITION,
  VERSION_PREFIX,
  incidentKey,
  incidentListEntryKey,
  incidentListPartition,
  incidentPartition,
  incidentVersionKey,
  type IncidentListKey,
} from './keys';
import { hasExactly, withoutKeys, type CursorCodec, type PageKey } from './pagination';
import { failedConditionAt } from './transaction-errors';
import { alertPuts } from './alert-store';
import { auditPuts } from './audit-trail';
import { sendTransaction } from './send-transaction';
import { outboxPut } from './outbox-item';
import type { TableNames } from './incident-store';

/**
 * Managing incidents: versions, triage and the incident lists. A change is one transaction:
 * the incident (only if still the expected version), its version item, alerts to newly
 * assigned staff, the audit event and the outbox item with its events.
 */
export class DynamoIncidentCasework implements IncidentCasework {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
    private readonly cursors: CursorCodec,
  ) {}

  async change(write: IncidentChangeWrite): Promise<void> {
    const { incident } = write;
    const removals = [...(incident.outcome === undefined ? ['outcome'] : []), ...(incident.review ? ['gsi2pk', 'gsi2sk'] : [])];
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Update: {
              TableName: this.tables.records,
              Key: incidentKey(incident.id),
              // Only the managed fields: the description and the pupil are never written here.
              UpdateExpression: `SET categories = :categories, #status = :status, assignedTo = :assignedTo, agencies = :agencies, version = :version${incident.outcome !== undefined ? ', outcome = :outcome' : ''}${incident.review ? ', review = :review' : ''}${removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : ''}`,
              ConditionExpression: 'version = :expected',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':categories': incident.categories,
                ':status': incident.status,
                ':assignedTo': incident.assignedTo,
                ':agencies': incident.agencies,
                ':version': incident.version,
                ':expected': write.expectedVersion,
                ...(incident.outcome !== undefined ? { ':outcome': incident.outcome } : {}),
                ...(incident.review ? { ':review': incident.review } : {}),
              },
            },
          },
          { Put: { TableName: this.tables.records, Item: { ...incidentVersionKey(incident.id, write.version.version), type: 'IncidentVersion', ...write.version }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...alertPuts(this.tables.records, write.alerts),
          ...auditPuts(this.tables.audit, write.audit),
          ...outboxPut(this.tables.records, write.events, write.version.at),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0) || failedConditionAt(error, 1)) throw new StaleVersionError(`Incident ${incident.id} is no longer version ${write.expectedVersion}`, { cause: error });
      throw error;
    }
  }

  async history(incidentId: string): Promise<IncidentVersion[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': incidentPartition(incidentId), ':prefix': VERSION_PREFIX },
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).map((item) => withoutKeys(item) as unknown as IncidentVersion);
  }

  async list(filter: IncidentListFilter, page: PageRequest): Promise<{ entries: IncidentListEntry[]; nextCursor?: string }> {
    const { key, narrowing } = listKeyFor(filter);
    const partition = incidentListPartition(key);
    const cursorQuery = `incidents|${JSON.stringify({ ...filter })}`;
    const filters = filterExpressionFor(narrowing);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ':from': filter.from ? new Date(filter.from).toISOString() : '0000', ':to': filter.to ? `${new Date(filter.to).toISOString()}~` : '9999', ...filters.values },
        ...(filters.expression ? { FilterExpression: filters.expression, ExpressionAttributeNames: filters.names } : {}),
        // Newest first by when it happened (sort key "<occurredAt>#<id>").
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: this.cursors.decode(page.cursor, cursorQuery, (start) => hasExactly(start, ['pk', 'sk']) && start.pk === partition),
      }),
    );
    const nextCursor = this.cursors.encode(result.LastEvaluatedKey, cursorQuery);
    return { entries: (result.Items ?? []).map(toEntry), ...(nextCursor ? { nextCursor } : {}) };
  }

  async triage(page: PageRequest): Promise<{ incidents: Incident[]; nextCursor?: string }> {
    const cursorQuery = 'triage';
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': TRIAGE_PARTITION },
        // Oldest recorded first: the DSL works from the longest waiting.
        ScanIndexForward: true,
        Limit: page.limit,
        ExclusiveStartKey: this.cursors.decode(page.cursor, cursorQuery, isTriageKey),
      }),
    );
    const nextCursor = this.cursors.encode(result.LastEvaluatedKey, cursorQuery);
    return { incidents: (result.Items ?? []).map((item) => incidentOf(item)), ...(nextCursor ? { nextCursor } : {}) };
  }

  async project(entry: IncidentListEntry): Promise<'projected' | 'superseded'> {
    const stored = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: incidentKey(entry.incidentId), ConsistentRead: true, ProjectionExpression: 'version, listedUnder' }));
    if (!stored.Item || stored.Item.version !== entry.version) return 'superseded';
    const listedBefore = (stored.Item.listedUnder as { partition: string; sk: string }[] | undefined) ?? [];
    const listedNow = listPartitionsOf(entry).map((partition) => ({ partition, sk: incidentListEntryKey(partition, entry.occurredAt, entry.incidentId).sk }));
    const stale = listedBefore.filter((before) => !listedNow.some((now) => now.partition === before.partition && now.sk === before.sk));
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Update: {
              TableName: this.tables.records,
              Key: incidentKey(entry.incidentId),
              UpdateExpression: 'SET listedUnder = :listed',
              // A change since it was read makes its own event, which files it again.
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':listed': listedNow, ':version': entry.version },
            },
          },
          ...stale.map((before) => ({ Delete: { TableName: this.tables.records, Key: { pk: before.partition, sk: before.sk } } })),
          ...listedNow.map((now) => ({ Put: { TableName: this.tables.records, Item: { pk: now.partition, sk: now.sk, type: 'IncidentListEntry', ...entry } } })),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) return 'superseded';
      throw error;
    }
    return 'projected';
  }
}

/** Every list key the incident is filed under. */
export function listPartitionsOf(entry: IncidentListEntry): string[] {
  const keys: IncidentListKey[] = [
    { by: 'all' },
    { by: 'status', value: entry.status },
    { by: 'reviewed', value: entry.reviewed ? 'yes' : 'no' },
    ...entry.categoryIds.map((value) => ({ by: 'category' as const, value })),
    ...entry.assignedTo.map((value) => ({ by: 'assignee' as const, value })),
  ];
  return keys.map(incidentListPartition);
}

type Narrowing = Pick<IncidentListFilter, 'categoryId' | 'status' | 'assignedTo' | 'reviewed'>;

/**
 * The key a filter is served by: the most selective one given (an assignee's incidents are
 * fewer than a category's, a category's fewer than a status's). Any further filter narrows
 * within that one partition, between `from` and `to`; nothing reads the whole table.
 */
export function listKeyFor(filter: IncidentListFilter): { key: IncidentListKey; narrowing: Narrowing } {
  const { categoryId, status, assignedTo, reviewed } = filter;
  if (assignedTo !== undefined) return { key: { by: 'assignee', value: assignedTo }, narrowing: { categoryId, status, reviewed } };
  if (categoryId !== undefined) return { key: { by: 'category', value: categoryId }, narrowing: { status, reviewed } };
  if (reviewed !== undefined) return { key: { by: 'reviewed', value: reviewed ? 'yes' : 'no' }, narrowing: { status } };
  if (status !== undefined) return { key: { by: 'status', value: status }, narrowing: {} };
  return { key: { by: 'all' }, narrowing: {} };
}

function filterExpressionFor(narrowing: Narrowing): { expression?: string; names: Record<string, string>; values: Record<string, unknown> } {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (narrowing.categoryId !== undefined) {
    clauses.push('contains(categoryIds, :categoryId)');
    values[':categoryId'] = narrowing.categoryId;
  }
  if (narrowing.status !== undefined) {
    clauses.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = narrowing.status;
  }
  if (narrowing.reviewed !== undefined) {
    clauses.push('reviewed = :reviewed');
    values[':reviewed'] = narrowing.reviewed;
  }
  return { ...(clauses.length > 0 ? { expression: clauses.join(' AND ') } : {}), names, values };
}

function isTriageKey(key: PageKey): boolean {
  return hasExactly(key, ['pk', 'sk', 'gsi2pk', 'gsi2sk']) && key.gsi2pk === TRIAGE_PARTITION && key.sk === INCIDENT_SORT_KEY && key.pk!.startsWith(INCIDENT_PREFIX);
}

function toEntry(item: Record<string, unknown>): IncidentListEntry {
  const { listedUnder: _listed, ...entry } = withoutKeys(item);
  return entry as unknown as IncidentListEntry;
}

function incidentOf(item: Record<string, unknown>): Incident {
  const { listedUnder: _listed, ...incident } = withoutKeys(item);
  return incident as unknown as Incident;
}
