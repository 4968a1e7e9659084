import { requiredVariablesFor, variablesFor, type VariableName } from '../shared/config/load-config';
import type { Uses } from '../shared/deps/uses';

/** The values a school stack can give its functions (see shared/config/load-config.ts). */
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
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** Set by Lambda itself; Lambda refuses a function that sets them. */
const providedByLambda = new Set<VariableName>(['AWS_REGION']);

function valuesOf(source: Partial<FunctionEnvironmentSource>): Partial<Record<VariableName, string>> {
  const text = (value: string | number | undefined) => (value === undefined ? undefined : String(value));
  return {
    SCHOOL_ID: source.schoolId,
    SCHOOL_NAME: source.schoolName,
    SCHOOL_TIMEZONE: source.timezone,
    APP_BASE_URL: source.appBaseUrl,
    ELEVATION_WINDOW_MINUTES: text(source.elevationWindowMinutes),
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
    CURSOR_KEY: source.cursorKey,
    LOG_LEVEL: source.logLevel ?? 'info',
  };
}

/**
 * The environment of one function: exactly the variables its declaration reads
 * (shared/config/load-config.ts `variablesFor`), no more, so a function cannot even learn
 * the name of a store it does not use. Fails at synth, naming the variable, when the
 * declaration requires one this source cannot set, so a deploy cannot ship a function that
 * would fail at cold start.
 */
export function functionEnvironment(source: Partial<FunctionEnvironmentSource>, uses: Uses): Record<string, string> {
  const values = valuesOf(source);
  const environment: Record<string, string> = {};
  for (const name of variablesFor(uses)) {
    const value = values[name];
    if (value !== undefined && !providedByLambda.has(name)) environment[name] = value;
  }
  const missing = requiredVariablesFor(uses).filter((name) => !providedByLambda.has(name) && !(name in environment));
  if (missing.length > 0) {
    throw new Error(`A function that uses ${uses.join(', ')} requires ${missing.join(', ')}, which its environment does not set (shared/config/load-config.ts).`);
  }
  return environment;
}
