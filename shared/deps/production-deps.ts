import { loadConfig, type Config } from '../config/load-config';
import { createDocumentClient } from '../adapters/dynamo/document-client';
import { DynamoStaffDirectory } from '../adapters/dynamo/staff-directory';
import { SesMailer, createSesClient } from '../adapters/ses/ses-mailer';
import { EventBridgePublisher, createEventBridgeClient } from '../adapters/eventbridge/eventbridge-publisher';
import { S3FileStore, createS3Client } from '../adapters/s3/s3-file-store';
import { CognitoIdentityProvider, createCognitoClient } from '../adapters/cognito/cognito-identity-provider';
import { createLogger } from '../logging/logger';
import type { Deps } from '../domain/deps';

/** Builds the ports from AWS adapters. Only endpoints in `config` differ locally. */
export function buildDeps(config: Config): Deps {
  const documents = createDocumentClient(config);
  return {
    school: {
      id: config.school.id,
      name: config.school.name,
      timezone: config.school.timezone,
      elevationWindowMinutes: config.elevationWindowMinutes,
      appBaseUrl: config.appBaseUrl,
    },
    clock: { now: () => new Date() },
    logger: createLogger({ level: config.logLevel, fields: { school: config.school.id } }),
    staff: new DynamoStaffDirectory(documents, config.tables.records),
    mailer: new SesMailer(createSesClient(config), config.senderEmail),
    events: new EventBridgePublisher(createEventBridgeClient(config), config.eventBusName),
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
