import { OUTBOX_ITEM_TYPE } from '../adapters/dynamo/keys';

/**
 * Which stream records the relay sees: new outbox items only. Not their later changes
 * (marking one delivered is a MODIFY, its expiry a REMOVE) and no other item of the table.
 * The CDK event source's filter is this pattern; the local poller applies the same one.
 */
export const outboxStreamFilter = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [OUTBOX_ITEM_TYPE] } } },
} as const;

/** The local poller's reading of the same filter, on a raw stream record. */
export function passesOutboxFilter(record: { eventName?: string; dynamodb?: { NewImage?: Record<string, { S?: string } | unknown> } }): boolean {
  const type = record.dynamodb?.NewImage?.type as { S?: string } | undefined;
  return outboxStreamFilter.eventName.includes(record.eventName as 'INSERT') && outboxStreamFilter.dynamodb.NewImage.type.S.includes(type?.S as typeof OUTBOX_ITEM_TYPE);
}
