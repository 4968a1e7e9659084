import { LOCAL_ACCOUNT_ID } from './lambda-context';
import type { LocalFacts } from './local-facts';

/** The demo school every local twin runs. */
export const DEMO_SCHOOL = { id: 'oakfield-primary', name: 'Oakfield Primary School', timezone: 'Europe/London' } as const;
export const SENDER_EMAIL = 'lantern@oakfield.example';

/**
 * The variables `loadConfig` reads at a handler's cold start, pointing the same adapters at
 * the stand-ins: only endpoints and credentials differ from the stack's environment.
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
