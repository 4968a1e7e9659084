import type { FunctionConfig } from '../config/load-config';
import type { Deps } from '../domain/deps';
import type { AwsService, AwsServicesOf, DynamoPort, DynamoPortsOf, Use, Uses } from './uses';

/**
 * Builds the ports one AWS service backs, for the uses a function declares, from its
 * configuration: one small module per service (dynamo-ports.ts, identity.ts, mailer.ts,
 * reminders.ts, files.ts, events.ts), each importing only its own SDK client.
 */
export interface AdapterFactory<S extends AwsService> {
  readonly service: S;
  build(config: FunctionConfig, uses: ReadonlySet<Use>): Partial<Deps>;
}

/**
 * The factories an entry hands its wiring: exactly one per AWS service its declaration
 * names, no more (the compiler refuses a missing or extra one). The entry imports them
 * itself, so its bundle holds only those SDK clients.
 */
export type AdaptersFor<U extends Uses, P extends DynamoPort = DynamoPortsOf<U>> = { readonly [S in Exclude<AwsServicesOf<U>, 'dynamodb'>]: AdapterFactory<S> } & ('dynamodb' extends AwsServicesOf<U> ? { readonly dynamodb: DynamoAdapters<P> } : unknown);

/**
 * The DynamoDB factory builds only the stores its entry names (shared/deps/dynamo-ports.ts):
 * `stores` is what the handler's `DepsFor<uses, P>` is typed from, so a bundle carries just
 * the store classes its handler reaches.
 */
export interface DynamoAdapters<P extends DynamoPort> extends AdapterFactory<'dynamodb'> {
  readonly stores: { readonly [K in P]: unknown };
}

/** A declared section of the configuration, or a cold-start error naming the use. */
export function declared<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not configured: the function does not declare the use it belongs to`);
  return value;
}
