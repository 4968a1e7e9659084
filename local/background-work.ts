/**
 * Work a stand-in starts in the background and does not await (a bus delivery, a malware
 * scan), kept so that whoever needs it finished can wait until none is left.
 */
export interface BackgroundWork {
  /** Keeps the work until it settles; a rejection is the work's own to handle. */
  start(work: Promise<void>): void;
  /** Resolves once nothing is in flight, including work started meanwhile. */
  idle(): Promise<void>;
  readonly inFlight: number;
}

export function backgroundWork(): BackgroundWork {
  const running = new Set<Promise<void>>();
  return {
    start(work) {
      const kept = work.finally(() => running.delete(kept));
      running.add(kept);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get inFlight() {
      return running.size;
    },
  };
}
