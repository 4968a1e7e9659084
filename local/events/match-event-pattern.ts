import type { EventBridgeEvent } from 'aws-lambda';
import type { EventPattern } from '../../shared/events/rules';

/**
 * EventBridge matching for the pattern subset Lantern declares: every field named in the
 * pattern is a list of exact values and the event's field must equal one of them. Fields
 * the pattern does not name match anything.
 */
export function matchesEventPattern(
  pattern: EventPattern,
  event: Pick<EventBridgeEvent<string, unknown>, 'source' | 'detail-type'>,
): boolean {
  return Object.entries(pattern as object).every(([field, allowed]: [string, unknown]) => {
    if (!Array.isArray(allowed)) return true;
    const value = (event as Record<string, unknown>)[field];
    return typeof value === 'string' && allowed.includes(value);
  });
}
