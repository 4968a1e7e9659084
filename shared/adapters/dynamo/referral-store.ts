import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Referral } from '../../domain/referrals/referral';
import { StaleVersionError, type ReferralChangeWrite, type ReferralStore, type ReferralWrite, type PageRequest } from '../../domain/ports';
import type { Alert } from '../../domain/alerts/alert';
import type { AuditEvent } from '../../domain/audit/audit-event';
import { OPEN_REFERRALS_PARTITION, REFERRAL_PREFIX, incidentKey, incidentPartition, openReferralIndexKey, referralKey } from './keys';
import { hasExactly, withoutKeys, type CursorCodec, type PageKey } from './pagination';
import { failedConditionAt } from './transaction-errors';
import { alertPuts } from './alert-store';
import { auditPuts } from './audit-trail';
import { sendTransaction } from './send-transaction';
import { outboxPut } from './outbox-item';
import type { DomainEvent } from '../../domain/ports';
import type { TableNames } from './incident-store';

/**
 * Referrals, in their incident's partition. While one awaits its outcome it is on the open
 * index (gsi1) by due time, so "open" is one Query soonest due first and "overdue" the same
 * Query up to now.
 */
export class DynamoReferralStore implements ReferralStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: TableNames,
    private readonly cursors: CursorCodec,
  ) {}

  async record(write: ReferralWrite): Promise<void> {
    const { referral } = write;
    await sendTransaction(this.client, {
      TransactItems: [
        { ConditionCheck: { TableName: this.tables.records, Key: incidentKey(referral.incidentId), ConditionExpression: 'attribute_exists(pk)' } },
        { Put: { TableName: this.tables.records, Item: referralItem(referral), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...auditPuts(this.tables.audit, write.audit),
        ...outboxPut(this.tables.records, write.events, referral.recordedAt),
      ],
    });
  }

  async update(write: ReferralChangeWrite): Promise<void> {
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Put: {
              TableName: this.tables.records,
              Item: referralItem(write.referral),
              ConditionExpression: '#state = :expected',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':expected': write.expectedState },
            },
          },
          ...auditPuts(this.tables.audit, write.audit),
          ...outboxPut(this.tables.records, write.events, write.referral.outcome?.at ?? write.referral.acknowledgedAt ?? write.referral.recordedAt),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) throw new StaleVersionError(`Referral ${write.referral.id} is no longer ${write.expectedState}`, { cause: error });
      throw error;
    }
  }

  async get(incidentId: string, referralId: string): Promise<Referral | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tables.records, Key: referralKey(incidentId, referralId), ConsistentRead: true }));
    return result.Item ? toReferral(result.Item) : undefined;
  }

  async listForIncident(incidentId: string): Promise<Referral[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': incidentPartition(incidentId), ':prefix': REFERRAL_PREFIX },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map(toReferral);
  }

  async listOpen(options: PageRequest & { readonly dueBefore?: string }): Promise<{ referrals: Referral[]; nextCursor?: string }> {
    const cursorQuery = `referrals|${options.dueBefore === undefined ? 'open' : 'overdue'}`;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tables.records,
        IndexName: 'gsi1',
        KeyConditionExpression: options.dueBefore === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':pk': OPEN_REFERRALS_PARTITION, ...(options.dueBefore === undefined ? {} : { ':due': `${options.dueBefore}~` }) },
        ScanIndexForward: true,
        Limit: options.limit,
        ExclusiveStartKey: this.cursors.decode(options.cursor, cursorQuery, isOpenReferralKey),
      }),
    );
    const nextCursor = this.cursors.encode(result.LastEvaluatedKey, cursorQuery);
    return { referrals: (result.Items ?? []).map(toReferral), ...(nextCursor ? { nextCursor } : {}) };
  }

  async markOverdueAlerted(write: { readonly referral: Referral; readonly alerts: readonly Alert[]; readonly audit: AuditEvent; readonly events: readonly DomainEvent[] }): Promise<'alerted' | 'already-alerted'> {
    try {
      await sendTransaction(this.client, {
        TransactItems: [
          {
            Update: {
              TableName: this.tables.records,
              Key: referralKey(write.referral.incidentId, write.referral.id),
              UpdateExpression: 'SET overdueAlertedAt = :at',
              // Once: a redelivered check alerts nobody twice.
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(overdueAlertedAt)',
              ExpressionAttributeValues: { ':at': write.referral.overdueAlertedAt },
            },
          },
          ...alertPuts(this.tables.records, write.alerts),
          ...auditPuts(this.tables.audit, write.audit),
          ...outboxPut(this.tables.records, write.events, write.referral.overdueAlertedAt!),
        ],
      });
    } catch (error) {
      if (failedConditionAt(error, 0)) return 'already-alerted';
      throw error;
    }
    return 'alerted';
  }
}

function referralItem(referral: Referral) {
  return {
    ...referralKey(referral.incidentId, referral.id),
    ...(referral.state === 'outcome' ? {} : openReferralIndexKey(referral.responseDueAt, referral.id)),
    type: 'Referral',
    ...referral,
  };
}

function isOpenReferralKey(key: PageKey): boolean {
  return hasExactly(key, ['pk', 'sk', 'gsi1pk', 'gsi1sk']) && key.gsi1pk === OPEN_REFERRALS_PARTITION && key.sk!.startsWith(REFERRAL_PREFIX);
}

function toReferral(item: Record<string, unknown>): Referral {
  return withoutKeys(item) as unknown as Referral;
}
