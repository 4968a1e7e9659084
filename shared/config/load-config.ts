import { z } from 'zod';

/**
 * Everything a function needs from its environment, validated once at cold start.
 * Local and AWS differ only in the optional endpoint overrides below; no code branches
 * on "local".
 */
const optionalUrl = z.url().optional();

const environmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  SCHOOL_ID: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  SCHOOL_NAME: z.string().min(1),
  SCHOOL_TIMEZONE: z.string().min(1),
  APP_BASE_URL: z.url(),
  RECORDS_TABLE: z.string().min(1),
  AUDIT_TABLE: z.string().min(1),
  FILES_BUCKET: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  EVENT_BUS_ARN: z.string().startsWith('arn:'),
  REMINDER_SCHEDULE_GROUP: z.string().min(1),
  REMINDER_ROLE_ARN: z.string().startsWith('arn:'),
  /** The standard SQS queue Scheduler sends a reminder to when it cannot deliver it. */
  REMINDER_DLQ_ARN: z.string().startsWith('arn:'),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  SENDER_EMAIL: z.email(),
  /** Keys the HMAC on page cursors: a per-stack secret (Secrets Manager in AWS, a file per data folder locally). */
  CURSOR_KEY: z.string().min(32, 'must be at least 32 characters'),
  ELEVATION_WINDOW_MINUTES: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,
  EVENTBRIDGE_ENDPOINT: optionalUrl,
  SCHEDULER_ENDPOINT: optionalUrl,
  /** Public Cognito endpoint told to clients by /v1/config; only set where it is not AWS's. */
  PUBLIC_COGNITO_ENDPOINT: optionalUrl,
});

export interface Config {
  readonly region: string;
  readonly school: { readonly id: string; readonly name: string; readonly timezone: string };
  readonly appBaseUrl: string;
  readonly tables: { readonly records: string; readonly audit: string };
  readonly filesBucket: string;
  readonly eventBusName: string;
  readonly eventBusArn: string;
  /**
   * Where planner reminders are scheduled, the role Scheduler uses to put the event, and
   * the queue a reminder goes to when Scheduler cannot deliver it.
   */
  readonly reminders: { readonly scheduleGroup: string; readonly roleArn: string; readonly deadLetterQueueArn: string };
  readonly userPool: { readonly id: string; readonly clientId: string; readonly publicEndpoint?: string };
  readonly senderEmail: string;
  readonly elevationWindowMinutes: number;
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

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return environment[name] === undefined || environment[name] === '' ? `Missing ${name}` : `Invalid ${name}: ${issue.message}`;
    });
    throw new ConfigError(`Lantern configuration is incomplete. ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    region: env.AWS_REGION,
    school: { id: env.SCHOOL_ID, name: env.SCHOOL_NAME, timezone: assertTimeZone(env.SCHOOL_TIMEZONE) },
    appBaseUrl: env.APP_BASE_URL.replace(/\/$/, ''),
    tables: { records: env.RECORDS_TABLE, audit: env.AUDIT_TABLE },
    filesBucket: env.FILES_BUCKET,
    eventBusName: env.EVENT_BUS_NAME,
    eventBusArn: env.EVENT_BUS_ARN,
    reminders: { scheduleGroup: env.REMINDER_SCHEDULE_GROUP, roleArn: env.REMINDER_ROLE_ARN, deadLetterQueueArn: env.REMINDER_DLQ_ARN },
    userPool: { id: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID, publicEndpoint: env.PUBLIC_COGNITO_ENDPOINT },
    senderEmail: env.SENDER_EMAIL,
    elevationWindowMinutes: env.ELEVATION_WINDOW_MINUTES,
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

function assertTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    throw new ConfigError(`Lantern configuration is incomplete. Invalid SCHOOL_TIMEZONE: ${timeZone} is not an IANA time zone`);
  }
}

/** Names of the variables the CDK stack and the local runtime must set. */
export const requiredEnvironmentNames = Object.entries(environmentSchema.shape)
  .filter(([, schema]) => !schema.safeParse(undefined).success)
  .map(([name]) => name);
