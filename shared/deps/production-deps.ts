import { ulid } from 'ulid';
import { loadConfig, type Config } from '../config/load-config';
import { createDocumentClient } from '../adapters/dynamo/document-client';
import { DynamoStaffDirectory } from '../adapters/dynamo/staff-directory';
import { DynamoStudentRecords } from '../adapters/dynamo/student-records';
import { DynamoCategoryStore } from '../adapters/dynamo/category-store';
import { DynamoAlertGroupDirectory } from '../adapters/dynamo/alert-group-directory';
import { DynamoSchoolProfileSource } from '../adapters/dynamo/school-profile-source';
import { DynamoIncidentStore } from '../adapters/dynamo/incident-store';
import { DynamoAlertStore } from '../adapters/dynamo/alert-store';
import { DynamoAuditTrail } from '../adapters/dynamo/audit-trail';
import { CursorCodec } from '../adapters/dynamo/pagination';
import { DynamoNotificationLedger } from '../adapters/dynamo/notification-ledger';
import { SesMailer, createSesClient } from '../adapters/ses/ses-mailer';
import { EventBridgeReminderScheduler, createSchedulerClient } from '../adapters/scheduler/eventbridge-scheduler';
import { S3FileStore, createS3Client } from '../adapters/s3/s3-file-store';
import { CognitoIdentityProvider, createCognitoClient } from '../adapters/cognito/cognito-identity-provider';
import { createLogger } from '../logging/logger';
import type { Deps } from '../domain/deps';

/** Builds the ports from AWS adapters. Only endpoints in `config` differ locally. */
export function buildDeps(config: Config): Deps {
  const documents = createDocumentClient(config);
  const records = config.tables.records;
  const cursors = new CursorCodec(config.cursorKey);
  return {
    school: {
      id: config.school.id,
      name: config.school.name,
      timezone: config.school.timezone,
      elevationWindowMinutes: config.elevationWindowMinutes,
      appBaseUrl: config.appBaseUrl,
    },
    clock: { now: () => new Date() },
    ids: { next: () => ulid() },
    logger: createLogger({ level: config.logLevel, fields: { school: config.school.id } }),
    staff: new DynamoStaffDirectory(documents, records, config.tables.audit),
    students: new DynamoStudentRecords(documents, records),
    categories: new DynamoCategoryStore(documents, records, config.tables.audit),
    alertGroups: new DynamoAlertGroupDirectory(documents, records, config.tables.audit),
    schoolProfile: new DynamoSchoolProfileSource(documents, records),
    incidents: new DynamoIncidentStore(documents, config.tables),
    alerts: new DynamoAlertStore(documents, config.tables, cursors),
    audit: new DynamoAuditTrail(documents, config.tables.audit, cursors),
    notifications: new DynamoNotificationLedger(documents, records),
    reminders: new EventBridgeReminderScheduler(createSchedulerClient(config), { ...config.reminders, eventBusArn: config.eventBusArn }),
    mailer: new SesMailer(createSesClient(config), config.senderEmail),
    files: new S3FileStore(createS3Client(config), config.filesBucket),
    identity: new CognitoIdentityProvider(createCognitoClient(config), config.userPool.id),
  };
}

let cached: { config: Config; deps: Deps } | undefined;

/** Config and ports, built once per cold start; a missing variable throws here, named. */
export function productionContext(): { config: Config; deps: Deps } {
  if (!cached) {
    const config = loadConfig(process.env);
    cached = { config, deps: buildDeps(config) };
  }
  return cached;
}
