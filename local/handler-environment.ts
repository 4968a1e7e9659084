import { variablesFor } from '../shared/config/load-config';
import { awsServicesOf, type Uses } from '../shared/deps/uses';
import { allFunctions } from '../shared/deps/function-catalogue';
import { LOCAL_ACCOUNT_ID } from './lambda-context';
import type { LocalFacts } from './local-facts';

/** The demo school every local twin runs. */
export const DEMO_SCHOOL = { id: 'oakfield-primary', name: 'Oakfield Primary School', timezone: 'Europe/London' } as const;
export const SENDER_EMAIL = 'lantern@oakfield.example';

/**
 * Every variable any handler may read, pointing the same adapters at the stand-ins: only
 * endpoints and credentials differ from the stack's environment. Each handler is given
 * only its own declaration's share of it (declaredEnvironment); seeding reads it all.
 */
export function handlerEnvironment(facts: Omit<LocalFacts, 'users' | 'dataDir'>, options: { logLevel: string; cursorKey: string }): Record<string, string> {
  return {
    AWS_REGION: facts.region,
    AWS_ACCESS_KEY_ID: facts.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: facts.credentials.secretAccessKey,
    SCHOOL_ID: facts.school.id,
    SCHOOL_NAME: facts.school.name,
    SCHOOL_TIMEZONE: DEMO_SCHOOL.timezone,
    APP_BASE_URL: facts.apiUrl,
    RECORDS_TABLE: facts.dynamodb.recordsTable,
    AUDIT_TABLE: facts.dynamodb.auditTable,
    FILES_BUCKET: facts.s3.bucket,
    EVENT_BUS_NAME: facts.events.busName,
    EVENT_BUS_ARN: `arn:aws:events:${facts.region}:${LOCAL_ACCOUNT_ID}:event-bus/${facts.events.busName}`,
    REMINDER_SCHEDULE_GROUP: facts.scheduler.scheduleGroup,
    REMINDER_ROLE_ARN: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/lantern-reminder-scheduler`,
    // The local Scheduler stand-in fires reminders straight onto the local bus and ignores it.
    REMINDER_DLQ_ARN: `arn:aws:sqs:${facts.region}:${LOCAL_ACCOUNT_ID}:lantern-reminders-dlq`,
    USER_POOL_ID: facts.cognito.userPoolId,
    USER_POOL_CLIENT_ID: facts.cognito.clientId,
    SENDER_EMAIL,
    LOG_LEVEL: options.logLevel,
    CURSOR_KEY: options.cursorKey,
    DYNAMODB_ENDPOINT: facts.dynamodb.endpoint,
    S3_ENDPOINT: facts.s3.endpoint,
    SES_ENDPOINT: facts.emails.endpoint,
    COGNITO_ENDPOINT: facts.cognito.endpoint,
    EVENTBRIDGE_ENDPOINT: facts.events.endpoint,
    SCHEDULER_ENDPOINT: facts.scheduler.endpoint,
    PUBLIC_COGNITO_ENDPOINT: facts.cognito.endpoint,
  };
}

/** The credentials the SDK's default provider reads from the process (local stand-ins accept any). */
export const credentialNames = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;

/**
 * What one handler is given, as Lambda would give it: the variables its declaration reads
 * (shared/config/load-config.ts `variablesFor`, the region among them when it uses an AWS
 * service), with the credentials then too (Lambda sets those for every function).
 */
export function declaredEnvironment(complete: Readonly<Record<string, string>>, uses: Uses): Record<string, string> {
  const names: string[] = [...variablesFor(uses), ...(awsServicesOf(uses).length > 0 ? credentialNames : [])];
  return Object.fromEntries(names.filter((name) => complete[name] !== undefined).map((name) => [name, complete[name]!]));
}

/** Each catalogue entry's declaration, by its handler module. */
export const usesByEntry: ReadonlyMap<string, Uses> = new Map(allFunctions.map((fn) => [fn.entry, fn.uses]));
