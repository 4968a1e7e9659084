import type { DomainEvent, OutboxBatch } from '../../domain/ports';
import { OUTBOX_ITEM_TYPE, outboxKey, outboxPendingIndexKey } from './keys';

/**
 * The Put that writes a write's events into its own transaction. One item for all of them,
 * so a create alerting 33 people adds one item to the transaction, not 35 (DynamoDB allows
 * 100). Its id is the first event's, unique because event ids are.
 */
export function outboxPut(table: string, events: readonly DomainEvent[], committedAt: string) {
  const first = events[0];
  if (!first) return [];
  const outboxId = first.id;
  return [
    {
      Put: {
        TableName: table,
        Item: {
          ...outboxKey(outboxId),
          ...outboxPendingIndexKey(committedAt, outboxId),
          type: OUTBOX_ITEM_TYPE,
          outboxId,
          committedAt,
          events: events.map(({ id, detailType, detail }) => ({ id, detailType, detail })),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/** Reads an outbox item (from a stream image or a Query), refusing anything else. */
export function outboxBatchOf(item: Record<string, unknown>): OutboxBatch | undefined {
  if (item.type !== OUTBOX_ITEM_TYPE || typeof item.outboxId !== 'string' || !Array.isArray(item.events)) return undefined;
  return { outboxId: item.outboxId, committedAt: String(item.committedAt), events: item.events as DomainEvent[] };
}
