import type { DomainEvent, OutboxBatch } from '../domain/ports';
import type { RelayDeps } from './outbox-ports';

/**
 * Something dead-lettered: an event a consumer kept failing on (from a rule target's
 * dead-letter queue, or the local bus's dead-letter file), or a stream batch the relay gave
 * up on (no event: only where it was in the stream; its events are still pending in the
 * outbox, which the sweep sends).
 */
export interface DeadLetter {
  readonly handle: string;
  readonly event?: DomainEvent;
  /** Neither an event nor a relay batch: left where it is, for a person to look at. */
  readonly unreadable?: boolean;
}

export interface DeadLetterSource {
  readonly name: string;
  /** Everything the source holds now, oldest first; `undefined` event when it is not one. */
  take(): Promise<readonly DeadLetter[]>;
  /** Removes replayed letters, so the next run does not replay them again. */
  settle(handles: readonly string[]): Promise<void>;
}

export interface RedriveReport {
  /** Outbox items the relay never delivered, sent now. */
  readonly outboxBatches: number;
  readonly outboxEvents: number;
  /** Per source: letters replayed (events put back on the bus, or relay batches swept). */
  readonly replayed: Readonly<Record<string, number>>;
  /** Per source: letters it could not read, left in place. */
  readonly unreadable: Readonly<Record<string, number>>;
}

export interface RedriveOptions {
  /**
   * Only outbox items committed longer ago than this count as lost: younger ones are still
   * on their way through the stream, and sending them too would only make a duplicate.
   */
  readonly pendingOlderThanMinutes?: number;
}

const PAGE = 25;

/**
 * Replays what did not get through, safely however often it runs: every event goes back on
 * the bus under its own Lantern id, and the consumers are idempotent on it (the notifier's
 * ledger sends one email per alert; a reminder's schedule is named by its id), so a second
 * run, or a run overlapping the relay, sends nothing twice.
 */
export async function redrive(deps: RelayDeps, sources: readonly DeadLetterSource[], options: RedriveOptions = {}): Promise<RedriveReport> {
  const olderThanMs = (options.pendingOlderThanMinutes ?? 5) * 60_000;
  const committedBefore = new Date(deps.clock.now().getTime() - olderThanMs);
  let outboxBatches = 0;
  let outboxEvents = 0;
  // Paged on from the last item sent, not from the start: the index may still hold what
  // this run just marked delivered (it is eventually consistent), and a page of those must
  // not end the sweep before the items behind it.
  let after: OutboxBatch | undefined;
  for (;;) {
    const page = await deps.outbox.pending({ committedBefore, limit: PAGE, ...(after ? { after } : {}) });
    if (page.length === 0) break;
    for (const batch of page) {
      await deps.events.publish(batch.events);
      await deps.outbox.markDelivered(batch.outboxId, deps.clock.now());
      outboxBatches += 1;
      outboxEvents += batch.events.length;
    }
    after = page.at(-1);
  }

  const replayed: Record<string, number> = {};
  const unreadable: Record<string, number> = {};
  for (const source of sources) {
    const all = await source.take();
    const letters = all.filter((letter) => !letter.unreadable);
    unreadable[source.name] = all.length - letters.length;
    const done: string[] = [];
    try {
      for (const letter of letters) {
        // A relay batch needs nothing more: the sweep above sent whatever it held.
        if (letter.event) await deps.events.publish([letter.event]);
        done.push(letter.handle);
      }
    } finally {
      // What went back on the bus is settled even if a later letter failed; the rest stay.
      await source.settle(done);
    }
    replayed[source.name] = done.length;
  }
  deps.logger.info('redrive finished', { outboxBatches, outboxEvents, ...Object.fromEntries(Object.entries(replayed).map(([name, count]) => [`replayed.${name}`, count])) });
  return { outboxBatches, outboxEvents, replayed, unreadable };
}

/** The outbox event a bus event stands for: its Lantern id from the detail, the rest as sent. */
export function eventFromBus(busEvent: { readonly id?: string; readonly 'detail-type'?: string; readonly detail?: unknown }): DomainEvent | undefined {
  const detailType = busEvent['detail-type'];
  const detail = busEvent.detail;
  if (typeof detailType !== 'string' || detail === null || typeof detail !== 'object' || Array.isArray(detail)) return undefined;
  const { eventId, ...rest } = detail as { eventId?: unknown };
  const id = typeof eventId === 'string' ? eventId : busEvent.id;
  return id ? { id, detailType, detail: rest } : undefined;
}
