import type { EventBridgeEvent } from 'aws-lambda';
import type { EventRuleDefinition } from '../../shared/events/rules';
import { backgroundWork } from '../background-work';
import { matchesEventPattern } from './match-event-pattern';

export type BusEvent = EventBridgeEvent<string, unknown>;

/** A delivery that failed on every attempt: what the stack's SQS dead-letter queue would hold. */
export interface DeadLetter {
  readonly ruleId: string;
  readonly entry: string;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
  readonly event: BusEvent;
}

export interface EventDispatcherOptions {
  readonly rules: readonly EventRuleDefinition[];
  /** Calls the rule's consumer with the event; a rejection is a failed delivery. */
  readonly invoke: (rule: EventRuleDefinition, event: BusEvent) => Promise<unknown>;
  readonly deadLetter: (letter: DeadLetter) => Promise<void>;
  /**
   * Called once a delivery is over (the consumer succeeded, or the event was dead-lettered),
   * so a bus that keeps its events on disk knows which it must deliver again after a crash.
   */
  readonly settled?: (rule: EventRuleDefinition, event: BusEvent) => Promise<void>;
  /** Retries after the first attempt; the stack's rule targets declare the same number. */
  readonly retryAttempts?: number;
  readonly retryDelayMs?: (retry: number) => number;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

export interface EventDispatcher {
  /**
   * Starts delivery to every matching rule on that bus in the background; returns the
   * matched rule ids. A rule listens on the school's bus unless it says `bus: 'default'`
   * (the account's, where AWS services such as GuardDuty publish), as in the stack.
   */
  dispatch(event: BusEvent, bus?: RuleBus): string[];
  /** Starts delivery of the event to these rules only (a delivery the bus owes from before a crash). */
  redeliver(event: BusEvent, rules: readonly EventRuleDefinition[]): void;
  /** Resolves once no delivery (including ones started meanwhile) is in flight. */
  waitForIdle(): Promise<void>;
  readonly inFlight: number;
}

export const DEFAULT_RETRY_ATTEMPTS = 2;

export type RuleBus = NonNullable<EventRuleDefinition['bus']>;

export function createEventDispatcher(options: EventDispatcherOptions): EventDispatcher {
  const retryAttempts = options.retryAttempts ?? DEFAULT_RETRY_ATTEMPTS;
  const retryDelayMs = options.retryDelayMs ?? ((retry: number) => 100 * 2 ** (retry - 1));
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const deliveries = backgroundWork();

  async function deliver(rule: EventRuleDefinition, event: BusEvent): Promise<void> {
    await deliverWithRetries(rule, event);
    try {
      await options.settled?.(rule, event);
    } catch (error) {
      // Unrecorded, the delivery is made again after a restart: consumers are idempotent.
      log(`[events] could not record the delivery of ${event.id} to ${rule.id}: ${(error as Error).message}`);
    }
  }

  async function deliverWithRetries(rule: EventRuleDefinition, event: BusEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= retryAttempts + 1; attempt += 1) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt - 1)));
      try {
        await options.invoke(rule, event);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    const letter: DeadLetter = {
      ruleId: rule.id,
      entry: rule.entry,
      attempts: retryAttempts + 1,
      error: lastError instanceof Error ? lastError.message : String(lastError),
      failedAt: now().toISOString(),
      event,
    };
    log(`[events] ${rule.id} failed ${letter.attempts} times for ${event['detail-type']} ${event.id}: ${letter.error} (dead-lettered)`);
    try {
      await options.deadLetter(letter);
    } catch (error) {
      // The dead-letter store itself failed: print the whole letter so it is not lost.
      log(`[events] could not write the dead letter (${(error as Error).message}): ${JSON.stringify(letter)}`);
    }
  }

  return {
    dispatch(event, bus = 'school') {
      const matched = options.rules.filter((rule) => (rule.bus ?? 'school') === bus && matchesEventPattern(rule.pattern, event));
      for (const rule of matched) deliveries.start(deliver(rule, event));
      return matched.map((rule) => rule.id);
    },
    redeliver(event, rules) {
      for (const rule of rules) deliveries.start(deliver(rule, event));
    },
    waitForIdle: () => deliveries.idle(),
    get inFlight() {
      return deliveries.inFlight;
    },
  };
}
