import { ValidationError } from '../../errors/lantern-error';

/** A little slack for a device clock a minute ahead of the server's. */
const CLOCK_SKEW_MS = 2 * 60_000;
const ONE_YEAR_MS = 366 * 24 * 60 * 60_000;

/**
 * The time of the incident, not of the entry (seed 002). Defaults to now; never in the
 * future; not more than a year back (older events belong in a DSL's chronology note).
 */
export function resolveOccurredAt(requested: string | undefined, now: Date): Date {
  if (requested === undefined) return now;
  const occurredAt = new Date(requested);
  if (Number.isNaN(occurredAt.getTime())) throw ValidationError.forField('occurredAt', 'is not a valid date-time');
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw ValidationError.forField('occurredAt', 'is in the future: give the time the incident happened');
  }
  if (occurredAt.getTime() < now.getTime() - ONE_YEAR_MS) {
    throw ValidationError.forField('occurredAt', 'is more than a year ago');
  }
  return occurredAt;
}
