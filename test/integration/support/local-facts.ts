import { inject } from 'vitest';
import type { LocalDemoUser, LocalFacts } from '../../../local/local-facts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Facts of the local stack global-setup started for this run. */
    lantern: LocalFacts;
  }
}

export function localFacts(): LocalFacts {
  return inject('lantern');
}

/**
 * A demo user in the group; `withAuthenticator` picks one with an enrolled TOTP secret
 * (the demo DSL and SLT), `false` one without.
 */
export function demoUser(group: 'staff' | 'slt' | 'dsl' | 'admin', options: { withAuthenticator?: boolean } = {}): LocalDemoUser {
  const user = localFacts().users.find(
    (candidate) =>
      candidate.groups.includes(group) &&
      (options.withAuthenticator === undefined || Boolean(candidate.totpSecret) === options.withAuthenticator),
  );
  if (!user) throw new Error(`No demo user in ${group}${options.withAuthenticator === undefined ? '' : options.withAuthenticator ? ' with an authenticator' : ' without an authenticator'}`);
  return user;
}

/** The demo user with this email address. */
export function demoUserWithEmail(email: string, facts: Pick<LocalFacts, 'users'> = localFacts()): LocalDemoUser {
  const user = facts.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

/** Waits until the local bus has delivered every event put so far, and its consumers are done. */
export async function eventsSettled(facts: Pick<LocalFacts, 'events'> = localFacts()): Promise<void> {
  await fetch(facts.events.idleUrl);
}
