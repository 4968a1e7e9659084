/** Until the school's setting has loaded (GET /v1/school answers `idleSignOutMinutes`). */
export const DEFAULT_IDLE_MINUTES = 10;

interface TimerHost {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** Calls `onIdle` once `idleMs` pass with no `touch()`. */
export class IdleTimer {
  private handle: number | undefined;
  private stopped = false;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
    private readonly host: TimerHost,
  ) {}

  touch(): void {
    if (this.stopped) return;
    if (this.handle !== undefined) this.host.clearTimeout(this.handle);
    this.handle = this.host.setTimeout(() => {
      this.stopped = true;
      this.onIdle();
    }, this.idleMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.host.clearTimeout(this.handle);
  }
}
