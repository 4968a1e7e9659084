import { requiredEnvironmentNames } from '../shared/config/load-config';
import { loadTriggerConfig } from '../shared/config/load-trigger-config';

/** What a Lantern function reads from its environment (see shared/config/load-config.ts). */
export interface FunctionEnvironmentSource {
  readonly schoolId: string;
  readonly schoolName: string;
  readonly timezone: string;
  /** `https://<host>` where staff open the app: the links in alert emails point there. */
  readonly appBaseUrl: string;
  readonly recordsTable: string;
  readonly auditTable: string;
  readonly filesBucket: string;
  readonly eventBusName: string;
  readonly eventBusArn: string;
  readonly reminderScheduleGroup: string;
  readonly reminderRoleArn: string;
  /** Where Scheduler sends a reminder it could not deliver. */
  readonly reminderDeadLetterQueueArn: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly senderEmail: string;
  readonly elevationWindowMinutes: number;
  /** The per-stack secret that signs page cursors (a dynamic reference, resolved at deploy). */
  readonly cursorKey: string;
}

/** Set by Lambda itself; Lambda refuses a function that sets them. */
const providedByLambda = new Set(['AWS_REGION']);

/**
 * The environment every Lantern function gets. Fails at synth, naming the variable, when
 * the config loader requires a name this does not set, so a deploy cannot ship functions
 * that would fail at cold start.
 */
export function functionEnvironment(source: FunctionEnvironmentSource): Record<string, string> {
  const environment: Record<string, string> = {
    SCHOOL_ID: source.schoolId,
    SCHOOL_NAME: source.schoolName,
    SCHOOL_TIMEZONE: source.timezone,
    APP_BASE_URL: source.appBaseUrl,
    RECORDS_TABLE: source.recordsTable,
    AUDIT_TABLE: source.auditTable,
    FILES_BUCKET: source.filesBucket,
    EVENT_BUS_NAME: source.eventBusName,
    EVENT_BUS_ARN: source.eventBusArn,
    REMINDER_SCHEDULE_GROUP: source.reminderScheduleGroup,
    REMINDER_ROLE_ARN: source.reminderRoleArn,
    REMINDER_DLQ_ARN: source.reminderDeadLetterQueueArn,
    USER_POOL_ID: source.userPoolId,
    USER_POOL_CLIENT_ID: source.userPoolClientId,
    SENDER_EMAIL: source.senderEmail,
    ELEVATION_WINDOW_MINUTES: String(source.elevationWindowMinutes),
    CURSOR_KEY: source.cursorKey,
  };
  const missing = requiredEnvironmentNames.filter((name) => !providedByLambda.has(name) && !(name in environment));
  if (missing.length > 0) {
    throw new Error(`The functions' environment does not set ${missing.join(', ')}, which shared/config/load-config.ts requires.`);
  }
  return environment;
}

export interface TriggerEnvironmentSource {
  readonly auditTable: string;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * The environment of the user pool's triggers (see shared/config/load-trigger-config.ts):
 * the audit table and the log level, nothing else. Never the pool's own ids: the pool
 * refers to its triggers, so a trigger referring back to the pool is a circular dependency.
 * Fails at synth when the trigger config loader would refuse it.
 */
export function triggerEnvironment(source: TriggerEnvironmentSource): Record<string, string> {
  const environment = { AUDIT_TABLE: source.auditTable, LOG_LEVEL: source.logLevel ?? 'info' };
  try {
    // AWS_REGION is set by Lambda; any value stands in for it here.
    loadTriggerConfig({ AWS_REGION: 'set-by-lambda', ...environment });
  } catch (error) {
    throw new Error(`The triggers' environment is not what shared/config/load-trigger-config.ts requires: ${(error as Error).message}`);
  }
  return environment;
}
