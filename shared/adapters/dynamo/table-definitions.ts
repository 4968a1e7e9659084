/**
 * Key schema of Lantern's two tables, declared once for the CDK stack and for the local
 * provisioner, so the local twin's tables cannot drift from AWS's.
 */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly globalIndexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry, where items may expire. */
  readonly timeToLiveAttribute?: string;
  /** The table's change stream, where one is read: the outbox relay reads new images. */
  readonly stream?: 'NEW_IMAGE';
}

/** Records: staff, pupils, categories, incidents, actions, alerts, idempotency records. */
export const recordsTable: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
  // The transactional outbox is delivered from here (shared/outbox/).
  stream: 'NEW_IMAGE',
};

/** Audit: append-only; queried by record (table), by staff member (gsi1) and by pupil (gsi2). */
export const auditTable: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { indexName: 'byStaff', partitionKey: 'staffPk', sortKey: 'sk' },
    { indexName: 'byStudent', partitionKey: 'studentPk', sortKey: 'sk' },
  ],
};
