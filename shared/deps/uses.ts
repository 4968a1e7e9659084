import type { Deps } from '../domain/deps';

/**
 * What a function may use, declared once beside it in its catalogue (`uses` in
 * shared/api/routes.ts, shared/events/rules.ts, shared/triggers/cognito-triggers.ts,
 * shared/streams/stream-consumers.ts). From
 * that one list: the ports its handler is given (and so the SDK clients in its bundle), the
 * variables its configuration requires (shared/config/load-config.ts) and the environment
 * and IAM statements the stack gives it (infra/function-environment.ts, infra/handler-access.ts).
 */
export const serviceUses = {
  /** DynamoDB records table: items read and written, in transactions too. */
  records: { aws: 'dynamodb', ports: ['staff', 'students', 'categories', 'alertGroups', 'schoolProfile', 'incidents', 'alerts', 'notifications', 'pupilFiles', 'reports', 'casework', 'referrals', 'fileRecords', 'pupilImports', 'encompass'] },
  /** DynamoDB audit table: append events (PutItem), alone or in a records transaction. */
  audit: { aws: 'dynamodb', ports: ['audit'] },
  /** DynamoDB audit table: read the trail back (Query). */
  auditQuery: { aws: 'dynamodb', ports: ['audit'] },
  /** Cognito user pool: staff accounts and the caller's own authenticator. */
  identity: { aws: 'cognito', ports: ['identity'] },
  /** SES: email from the school's sender address. */
  mailer: { aws: 'ses', ports: ['mailer'] },
  /** EventBridge Scheduler: one-off planner reminders and referral response checks onto the bus. */
  reminders: { aws: 'scheduler', ports: ['reminders', 'referralChecks'] },
  /** S3 files bucket: read and add objects, never delete. */
  files: { aws: 's3', ports: ['files'] },
  /** DynamoDB records table's stream: read new outbox items, mark them delivered (UpdateItem). */
  outbox: { aws: 'dynamodb', ports: ['outbox'] },
  /** S3 files bucket: move a file found bad to the quarantine prefix (copy, then remove). */
  quarantine: { aws: 's3', ports: ['quarantine'] },
  /** EventBridge bus: PutEvents. Only the outbox relay declares it; request functions write events to the outbox. */
  events: { aws: 'eventbridge', ports: ['events'] },
  /** The school's own settings (name, time zone, front-end origin, elevation window). No AWS. */
  school: { aws: undefined, ports: ['school'] },
  /** The user pool's public ids, as clients need them to sign in. No AWS call. */
  signIn: { aws: undefined, ports: [] },
} as const satisfies Record<string, { readonly aws: AwsService | undefined; readonly ports: readonly (keyof Deps)[] }>;

export type AwsService = 'dynamodb' | 'cognito' | 'ses' | 'scheduler' | 's3' | 'eventbridge';
export type Use = keyof typeof serviceUses;
export type Uses = readonly Use[];

export const allUses = Object.keys(serviceUses) as Use[];

/** Ports every function has: they touch nothing outside the process. */
export type CorePort = 'clock' | 'ids' | 'logger';

type PortsOf<U extends Use> = (typeof serviceUses)[U]['ports'][number];

/** The uses the DynamoDB tables back, and the ports (stores) they give. */
type DynamoUse = { [K in Use]: (typeof serviceUses)[K]['aws'] extends 'dynamodb' ? K : never }[Use];
export type DynamoPort = PortsOf<DynamoUse>;
/** The DynamoDB stores a declaration allows: an entry builds those of them its handler needs. */
export type DynamoPortsOf<U extends Uses> = PortsOf<Extract<U[number], DynamoUse>>;

/**
 * The ports a function that declares `U` is given, and nothing else; of its DynamoDB stores,
 * only the `P` its entry builds (shared/deps/dynamo-ports.ts), so a handler that reads a store
 * its entry does not build fails to compile.
 */
export type DepsFor<U extends Uses, P extends DynamoPort = DynamoPortsOf<U>> = Pick<Deps, CorePort | Exclude<PortsOf<U[number]>, DynamoPort> | Extract<P, DynamoPortsOf<U>>>;

/** The AWS services (and so the SDK clients) behind a declaration. */
export type AwsServicesOf<U extends Uses> = Exclude<(typeof serviceUses)[U[number]]['aws'], undefined>;

export function awsServicesOf(uses: Uses): AwsService[] {
  return [...new Set(uses.flatMap((use) => serviceUses[use].aws ?? []))];
}
