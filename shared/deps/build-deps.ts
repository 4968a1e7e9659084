import { ulid } from 'ulid';
import type { FunctionConfig } from '../config/load-config';
import type { Deps, SchoolSettings } from '../domain/deps';
import { createLogger, type LogFields } from '../logging/logger';
import { declared, type AdapterFactory, type AdaptersFor } from './adapter-factory';
import { awsServicesOf, type AwsService, type DepsFor, type DynamoPort, type DynamoPortsOf, type Uses } from './uses';

/**
 * The ports of one declaration, built once per cold start: the in-process ones (clock,
 * ids, logger, the school's settings when declared) and those of the factories the entry
 * handed over, one per AWS service it declares.
 */
export function buildDeps<U extends Uses, P extends DynamoPort = DynamoPortsOf<U>>(uses: U, config: FunctionConfig, adapters: AdaptersFor<U, P>, fields: LogFields = {}): DepsFor<U, P> {
  const declaredUses = new Set(uses);
  const school = declaredUses.has('school') ? schoolSettings(config) : undefined;
  const ports: Partial<Deps> = {
    clock: { now: () => new Date() },
    ids: { next: () => ulid() },
    logger: createLogger({ level: config.logLevel, fields: { ...(school ? { school: school.id } : {}), ...fields } }),
    ...(school ? { school } : {}),
  };
  const factories = adapters as unknown as Partial<Record<AwsService, AdapterFactory<AwsService>>>;
  for (const service of awsServicesOf(uses)) {
    const factory = factories[service];
    if (!factory || factory.service !== service) throw new Error(`The entry declares a use of ${service} but hands over no ${service} adapter factory`);
    Object.assign(ports, factory.build(config, declaredUses));
  }
  return ports as DepsFor<U, P>;
}

function schoolSettings(config: FunctionConfig): SchoolSettings {
  const school = declared(config.school, 'SCHOOL_ID');
  return {
    id: school.id,
    name: school.name,
    timezone: school.timezone,
    elevationWindowMinutes: declared(config.elevationWindowMinutes, 'ELEVATION_WINDOW_MINUTES'),
    appBaseUrl: declared(config.appBaseUrl, 'APP_BASE_URL'),
  };
}
