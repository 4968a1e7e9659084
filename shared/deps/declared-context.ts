import { functionEnvironment } from '../config/environment-source';
import { loadConfigFor, type FunctionConfig } from '../config/load-config';
import type { AdaptersFor } from './adapter-factory';
import { buildDeps } from './build-deps';
import type { DepsFor, DynamoPort, DynamoPortsOf, Uses } from './uses';

/** A function's catalogue entry (a route, an event rule, a trigger): its id and what it declares it uses. */
export interface DeclaredEntry<U extends Uses> {
  readonly id: string;
  readonly uses: U;
}

/**
 * A function's config and ports from its declaration, once per cold start: only its
 * variables are read (a missing one fails here, named), only its adapters built, and its
 * log lines carry its id.
 */
export function declaredContext<U extends Uses, P extends DynamoPort = DynamoPortsOf<U>>(entry: DeclaredEntry<U>, adapters: AdaptersFor<U, P>): { config: FunctionConfig; deps: DepsFor<U, P> } {
  const config = loadConfigFor(entry.uses, functionEnvironment());
  return { config, deps: buildDeps(entry.uses, config, adapters, { function: entry.id }) };
}
