import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamo/document-client';
import { DynamoStaffDirectory } from '../adapters/dynamo/staff-directory';
import { DynamoStudentRecords } from '../adapters/dynamo/student-records';
import { DynamoCategoryStore } from '../adapters/dynamo/category-store';
import { DynamoAlertGroupDirectory } from '../adapters/dynamo/alert-group-directory';
import { DynamoSchoolProfileSource } from '../adapters/dynamo/school-profile-source';
import { DynamoIncidentStore } from '../adapters/dynamo/incident-store';
import { DynamoAlertStore } from '../adapters/dynamo/alert-store';
import { DynamoAuditTrail } from '../adapters/dynamo/audit-trail';
import { DynamoNotificationLedger } from '../adapters/dynamo/notification-ledger';
import { DynamoIncidentCasework } from '../adapters/dynamo/incident-casework-store';
import { DynamoReferralStore } from '../adapters/dynamo/referral-store';
import { CursorCodec } from '../adapters/dynamo/pagination';
import { DynamoOutboxStore } from '../adapters/dynamo/outbox-store';
import { DynamoPupilFileStore } from '../adapters/dynamo/pupil-file-store';
import { DynamoReportStore } from '../adapters/dynamo/report-store';
import { DynamoFileRecordStore } from '../adapters/dynamo/file-record-store';
import type { FunctionConfig } from '../config/load-config';
import { DynamoPupilImportStore } from '../adapters/dynamo/pupil-import-store';
import { DynamoEncompassStore } from '../adapters/dynamo/encompass-store';
import type { Deps } from '../domain/deps';
import { declared, type DynamoAdapters } from './adapter-factory';
import type { DynamoPort, Use } from './uses';

/** What one DynamoDB store is built on: the function's one document client, its declared tables and cursor key. */
export interface DynamoStoreContext {
  readonly documents: DynamoDBDocumentClient;
  readonly uses: ReadonlySet<Use>;
  /** RECORDS_TABLE, or a cold-start error naming it. */
  records(): string;
  /**
   * AUDIT_TABLE when the function declares `audit` or `auditQuery`; otherwise empty, and a
   * records write that carries an audit event refuses, naming the use.
   */
  readonly audit: string;
  /** Pages (of alerts, of the audit trail) carry cursors signed with the stack's key. */
  cursors(): CursorCodec;
}

/** Builds one DynamoDB store. Each is its own constant, so an entry's bundle holds only the stores it names. */
export type DynamoStore<K extends DynamoPort> = (on: DynamoStoreContext) => Deps[K];

const tables = (on: DynamoStoreContext) => ({ records: on.records(), audit: on.audit });

// Appending alone (the sign-in triggers) never pages, so it needs no cursor key.
export const auditTrail: DynamoStore<'audit'> = (on) => new DynamoAuditTrail(on.documents, declared(on.audit || undefined, 'AUDIT_TABLE'), on.uses.has('auditQuery') ? on.cursors() : undefined);
export const staffDirectory: DynamoStore<'staff'> = (on) => new DynamoStaffDirectory(on.documents, on.records(), on.audit);
export const studentRecords: DynamoStore<'students'> = (on) => new DynamoStudentRecords(on.documents, on.records());
export const pupilFileStore: DynamoStore<'pupilFiles'> = (on) => new DynamoPupilFileStore(on.documents, tables(on), new DynamoStudentRecords(on.documents, on.records()), on.cursors());
export const reportStore: DynamoStore<'reports'> = (on) => new DynamoReportStore(on.documents, on.records());
export const categoryStore: DynamoStore<'categories'> = (on) => new DynamoCategoryStore(on.documents, on.records(), on.audit);
export const alertGroupDirectory: DynamoStore<'alertGroups'> = (on) => new DynamoAlertGroupDirectory(on.documents, on.records(), on.audit);
export const schoolProfileSource: DynamoStore<'schoolProfile'> = (on) => new DynamoSchoolProfileSource(on.documents, on.records());
export const incidentStore: DynamoStore<'incidents'> = (on) => new DynamoIncidentStore(on.documents, tables(on));
export const alertStore: DynamoStore<'alerts'> = (on) => new DynamoAlertStore(on.documents, tables(on), on.cursors());
export const notificationLedger: DynamoStore<'notifications'> = (on) => new DynamoNotificationLedger(on.documents, on.records());
export const fileRecordStore: DynamoStore<'fileRecords'> = (on) => new DynamoFileRecordStore(on.documents, tables(on));
export const incidentCasework: DynamoStore<'casework'> = (on) => new DynamoIncidentCasework(on.documents, tables(on), on.cursors());
export const referralStore: DynamoStore<'referrals'> = (on) => new DynamoReferralStore(on.documents, tables(on), on.cursors());
// The outbox relay marks what it delivered; it reads no other record.
export const pupilImportStore: DynamoStore<'pupilImports'> = (on) => new DynamoPupilImportStore(on.documents, tables(on), new DynamoStudentRecords(on.documents, on.records()));
export const encompassStore: DynamoStore<'encompass'> = (on) => new DynamoEncompassStore(on.documents, tables(on));
export const outboxStore: DynamoStore<'outbox'> = (on) => new DynamoOutboxStore(on.documents, on.records());

/** The stores an entry names, by port: `dynamoPorts({ staff: staffDirectory, audit: auditTrail, alerts: alertStore })`. */
export type DynamoStores<P extends DynamoPort> = { readonly [K in P]: DynamoStore<K> };

/**
 * The DynamoDB factory for the stores an entry names, on one document client built at cold
 * start. Its handler is given exactly those stores (`DepsFor<uses, P>`), and the compiler
 * refuses a store the declaration does not allow (`audit` without the `audit` use, say).
 */
export function dynamoPorts<P extends DynamoPort>(stores: DynamoStores<P>): DynamoAdapters<P> {
  return {
    service: 'dynamodb',
    stores,
    build: (config, uses) => buildStores(createDocumentClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }), stores, config, uses),
  };
}

/** The same stores on a client the caller owns (and closes): the local redrive's. */
export function dynamoPortsOn<P extends DynamoPort>(documents: DynamoDBDocumentClient, stores: DynamoStores<P>): DynamoAdapters<P> {
  return { service: 'dynamodb', stores, build: (config, uses) => buildStores(documents, stores, config, uses) };
}

function buildStores(documents: DynamoDBDocumentClient, stores: object, config: FunctionConfig, uses: ReadonlySet<Use>): Partial<Deps> {
  let cursors: CursorCodec | undefined;
  const on: DynamoStoreContext = {
    documents,
    uses,
    records: () => declared(config.tables.records, 'RECORDS_TABLE'),
    audit: uses.has('audit') || uses.has('auditQuery') ? declared(config.tables.audit, 'AUDIT_TABLE') : '',
    cursors: () => (cursors ??= new CursorCodec(declared(config.cursorKey, 'CURSOR_KEY'))),
  };
  return Object.fromEntries(Object.entries(stores).map(([port, build]) => [port, (build as DynamoStore<DynamoPort>)(on)])) as Partial<Deps>;
}
