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
import { DynamoEncompassStore } from '../adapters/dynamo/encompass-store';
import type { AdapterFactory } from './adapter-factory';
import { declared } from './adapter-factory';
import type { Deps } from '../domain/deps';

/**
 * The DynamoDB ports, grouped by table: `records` gives the record-table stores, `audit`
 * or `auditQuery` the audit trail, `outbox` the outbox items. One document client for both. A records write that
 * carries an audit event writes it to the audit table only if the function declares
 * `audit` (otherwise the table name is empty and auditPuts refuses, naming the use).
 */
export const dynamoPorts: AdapterFactory<'dynamodb'> = {
  service: 'dynamodb',
  build: (config, uses) => dynamoPortsOn(createDocumentClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints })).build(config, uses),
};

/** The same ports on a client the caller owns (and closes): the local redrive's. */
export const dynamoPortsOn = (documents: DynamoDBDocumentClient): AdapterFactory<'dynamodb'> => ({
  service: 'dynamodb',
  build(config, uses) {
    const ports: { -readonly [K in keyof Deps]?: Deps[K] } = {};
    const audit = uses.has('audit') || uses.has('auditQuery') ? declared(config.tables.audit, 'AUDIT_TABLE') : '';
    // Pages (of alerts, of the audit trail) carry cursors signed with the stack's key.
    const cursors = uses.has('records') || uses.has('auditQuery') ? new CursorCodec(declared(config.cursorKey, 'CURSOR_KEY')) : undefined;
    // Appending alone (the sign-in triggers) never pages, so it needs no cursor key.
    if (audit) ports.audit = new DynamoAuditTrail(documents, audit, uses.has('auditQuery') ? cursors : undefined);
    if (uses.has('records')) {
      const records = declared(config.tables.records, 'RECORDS_TABLE');
      const tables = { records, audit };
      ports.staff = new DynamoStaffDirectory(documents, records, audit);
      const students = new DynamoStudentRecords(documents, records);
      ports.students = students;
      ports.pupilFiles = new DynamoPupilFileStore(documents, tables, students, cursors!);
      ports.reports = new DynamoReportStore(documents, records);
      ports.categories = new DynamoCategoryStore(documents, records, audit);
      ports.alertGroups = new DynamoAlertGroupDirectory(documents, records, audit);
      ports.schoolProfile = new DynamoSchoolProfileSource(documents, records);
      ports.incidents = new DynamoIncidentStore(documents, tables);
      ports.alerts = new DynamoAlertStore(documents, tables, cursors!);
      ports.notifications = new DynamoNotificationLedger(documents, records);
      ports.fileRecords = new DynamoFileRecordStore(documents, tables);
      ports.casework = new DynamoIncidentCasework(documents, tables, cursors!);
      ports.referrals = new DynamoReferralStore(documents, tables, cursors!);
      ports.encompass = new DynamoEncompassStore(documents, tables);
    }
    // The outbox relay marks what it delivered; it reads no other record.
    if (uses.has('outbox')) ports.outbox = new DynamoOutboxStore(documents, declared(config.tables.records, 'RECORDS_TABLE'));
    return ports;
  },
});
