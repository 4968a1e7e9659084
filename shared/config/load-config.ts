import * as z from 'zod/mini';
import '../schemas/zod-locale';
import { allUses, awsServicesOf, type Use, type Uses } from '../deps/uses';

/**
 * What a function needs from its environment, validated once at cold start. Each use a
 * function declares (shared/deps/uses.ts) brings its own variables; a function requires
 * only those of its declaration, so `/health` requires none. Local and AWS differ only in
 * the optional endpoint overrides; no code branches on "local".
 */
const optionalUrl = z.optional(z.url());

/** Every variable any function may read, with its rule. */
const variables = {
  AWS_REGION: z.string().check(z.minLength(1)),
  SCHOOL_ID: z.string().check(z.regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')),
  SCHOOL_NAME: z.string().check(z.minLength(1)),
  SCHOOL_TIMEZONE: z.string().check(z.minLength(1)),
  APP_BASE_URL: z.url(),
  ELEVATION_WINDOW_MINUTES: z._default(z.coerce.number().check(z.int(), z.positive()), 30),
  RECORDS_TABLE: z.string().check(z.minLength(1)),
  AUDIT_TABLE: z.string().check(z.minLength(1)),
  FILES_BUCKET: z.string().check(z.minLength(1)),
  EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  EVENT_BUS_ARN: z.string().check(z.startsWith('arn:')),
  REMINDER_SCHEDULE_GROUP: z.string().check(z.minLength(1)),
  REMINDER_ROLE_ARN: z.string().check(z.startsWith('arn:')),
  /** The standard SQS queue Scheduler sends a reminder to when it cannot deliver it. */
  REMINDER_DLQ_ARN: z.string().check(z.startsWith('arn:')),
  USER_POOL_ID: z.string().check(z.minLength(1)),
  USER_POOL_CLIENT_ID: z.string().check(z.minLength(1)),
  SENDER_EMAIL: z.email(),
  /** Keys the HMAC on page cursors: a per-stack secret (Secrets Manager in AWS, a file per data folder locally). */
  CURSOR_KEY: z.string().check(z.minLength(32, 'must be at least 32 characters')),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info'),
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,
  EVENTBRIDGE_ENDPOINT: optionalUrl,
  SCHEDULER_ENDPOINT: optionalUrl,
  /** Public Cognito endpoint told to clients by /v1/config; only set where it is not AWS's. */
  PUBLIC_COGNITO_ENDPOINT: optionalUrl,
} as const;

export type VariableName = keyof typeof variables;

/** The variables each use reads (AWS_REGION comes with any AWS service, see variablesFor). */
const useVariables: Record<Use, readonly VariableName[]> = {
  // Pages of alerts carry a signed cursor.
  records: ['RECORDS_TABLE', 'CURSOR_KEY', 'DYNAMODB_ENDPOINT'],
  audit: ['AUDIT_TABLE', 'DYNAMODB_ENDPOINT'],
  auditQuery: ['AUDIT_TABLE', 'CURSOR_KEY', 'DYNAMODB_ENDPOINT'],
  identity: ['USER_POOL_ID', 'COGNITO_ENDPOINT'],
  mailer: ['SENDER_EMAIL', 'SES_ENDPOINT'],
  // Scheduler puts the reminder on the bus (by ARN) with the role, or in the dead-letter queue.
  reminders: ['REMINDER_SCHEDULE_GROUP', 'REMINDER_ROLE_ARN', 'REMINDER_DLQ_ARN', 'EVENT_BUS_ARN', 'SCHEDULER_ENDPOINT'],
  files: ['FILES_BUCKET', 'S3_ENDPOINT'],
  // Marks delivered outbox items; no pages, so no cursor key.
  outbox: ['RECORDS_TABLE', 'DYNAMODB_ENDPOINT'],
  quarantine: ['FILES_BUCKET', 'S3_ENDPOINT'],
  events: ['EVENT_BUS_NAME', 'EVENTBRIDGE_ENDPOINT'],
  school: ['SCHOOL_ID', 'SCHOOL_NAME', 'SCHOOL_TIMEZONE', 'APP_BASE_URL', 'ELEVATION_WINDOW_MINUTES'],
  // Clients are told the region and the pool they sign in to.
  signIn: ['AWS_REGION', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'PUBLIC_COGNITO_ENDPOINT'],
};

/** Every function may set its log level. */
const everyFunction: readonly VariableName[] = ['LOG_LEVEL'];

/** The variables a function with this declaration reads, required or optional. */
export function variablesFor(uses: Uses): VariableName[] {
  const region: VariableName[] = awsServicesOf(uses).length > 0 ? ['AWS_REGION'] : [];
  return [...new Set([...region, ...uses.flatMap((use) => useVariables[use]), ...everyFunction])];
}

const isRequired = (name: VariableName) => !variables[name].safeParse(undefined).success;

/** The variables a function with this declaration cannot start without. */
export function requiredVariablesFor(uses: Uses): VariableName[] {
  return variablesFor(uses).filter(isRequired);
}

/**
 * The configuration a function may read. A section is present exactly when the function
 * declares the use it belongs to; the factories in shared/deps/ take the sections they need.
 */
export interface Config {
  readonly region: string;
  readonly school: { readonly id: string; readonly name: string; readonly timezone: string };
  readonly appBaseUrl: string;
  readonly elevationWindowMinutes: number;
  readonly tables: { readonly records: string; readonly audit: string };
  readonly filesBucket: string;
  readonly eventBusName: string;
  /**
   * Where planner reminders are scheduled, the role Scheduler uses to put the event, and
   * the queue a reminder goes to when Scheduler cannot deliver it.
   */
  readonly reminders: { readonly scheduleGroup: string; readonly roleArn: string; readonly deadLetterQueueArn: string; readonly eventBusArn: string };
  readonly userPool: { readonly id: string; readonly clientId: string; readonly publicEndpoint?: string };
  readonly senderEmail: string;
  /** Signs page cursors so a client cannot craft one. */
  readonly cursorKey: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Endpoint overrides for API-compatible stand-ins; absent in AWS. */
  readonly endpoints: {
    readonly dynamodb?: string;
    readonly s3?: string;
    readonly ses?: string;
    readonly cognito?: string;
    readonly eventbridge?: string;
    readonly scheduler?: string;
  };
}

/** What one function's declaration lets it read: the log level and endpoints always, the rest by use. */
export type FunctionConfig = Pick<Config, 'logLevel' | 'endpoints'> & {
  readonly [K in Exclude<keyof Config, 'logLevel' | 'endpoints' | 'tables' | 'userPool'>]?: Config[K];
} & {
  readonly tables: Partial<Config['tables']>;
  readonly userPool?: Partial<Config['userPool']>;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the variables of one declaration; throws a ConfigError naming every
 * missing or bad one. Variables of uses not declared are not read at all.
 */
export function loadConfigFor(uses: Uses, environment: NodeJS.ProcessEnv): FunctionConfig {
  const names = variablesFor(uses);
  const schema = z.object(Object.fromEntries(names.map((name) => [name, variables[name]])));
  const parsed = schema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return environment[name] === undefined || environment[name] === '' ? `Missing ${name}` : `Invalid ${name}: ${issue.message}`;
    });
    throw new ConfigError(`Lantern configuration is incomplete. ${problems.join('; ')}`);
  }
  const env = parsed.data as Partial<Record<VariableName, string>> & { ELEVATION_WINDOW_MINUTES?: number; LOG_LEVEL: Config['logLevel'] };
  const declared = new Set<Use>(uses);
  const when = <T>(use: Use, value: () => T): T | undefined => (declared.has(use) ? value() : undefined);
  return {
    region: env.AWS_REGION,
    school: when('school', () => ({ id: env.SCHOOL_ID!, name: env.SCHOOL_NAME!, timezone: assertTimeZone(env.SCHOOL_TIMEZONE!) })),
    appBaseUrl: when('school', () => env.APP_BASE_URL!.replace(/\/$/, '')),
    elevationWindowMinutes: when('school', () => env.ELEVATION_WINDOW_MINUTES!),
    tables: { records: env.RECORDS_TABLE, audit: env.AUDIT_TABLE },
    filesBucket: env.FILES_BUCKET,
    eventBusName: env.EVENT_BUS_NAME,
    reminders: when('reminders', () => ({
      scheduleGroup: env.REMINDER_SCHEDULE_GROUP!,
      roleArn: env.REMINDER_ROLE_ARN!,
      deadLetterQueueArn: env.REMINDER_DLQ_ARN!,
      eventBusArn: env.EVENT_BUS_ARN!,
    })),
    userPool: declared.has('identity') || declared.has('signIn') ? { id: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID, publicEndpoint: env.PUBLIC_COGNITO_ENDPOINT } : undefined,
    senderEmail: env.SENDER_EMAIL,
    cursorKey: env.CURSOR_KEY,
    logLevel: env.LOG_LEVEL,
    endpoints: {
      dynamodb: env.DYNAMODB_ENDPOINT,
      s3: env.S3_ENDPOINT,
      ses: env.SES_ENDPOINT,
      cognito: env.COGNITO_ENDPOINT,
      eventbridge: env.EVENTBRIDGE_ENDPOINT,
      scheduler: env.SCHEDULER_ENDPOINT,
    },
  };
}

/**
 * Every section at once: for tools that touch everything (seeding the demo school, tests).
 * No deployed function calls this; each reads its own declaration with loadConfigFor.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  return loadConfigFor(allUses, environment) as Config;
}

function assertTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    throw new ConfigError(`Lantern configuration is incomplete. Invalid SCHOOL_TIMEZONE: ${timeZone} is not an IANA time zone`);
  }
}
