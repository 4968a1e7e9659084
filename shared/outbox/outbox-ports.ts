import type { Deps } from '../domain/deps';

/** What the relay and the redrive are given: the ports of the relay's declaration. */
export type RelayDeps = Pick<Deps, 'outbox' | 'events' | 'clock' | 'logger'>;
