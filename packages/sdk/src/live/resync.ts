import type { StateSnapshot } from '@amiable/protocol';
import type { ResyncNotice } from '../events.ts';
import type { Timers } from '../timers.ts';

export interface ResyncDeps {
  timers: Timers;
  /** How long to wait for the server's snapshot after `mustResync`. */
  snapshotWaitMs: number;
  fetchState(): Promise<StateSnapshot>;
  emit(notice: ResyncNotice): void;
  onError(error: unknown): void;
}

/**
 * Turns "the client's state is stale" into one `resync` notice with a fresh
 * snapshot: the snapshot frame the server sends after `mustResync`, or
 * `GET /api/state` when none comes in time (or when the server announced its
 * own resync).
 */
export class ResyncCoordinator {
  readonly #deps: ResyncDeps;
  #waiting: { cause: ResyncNotice['cause']; pbx: string | null; reason: string; timer: unknown } | undefined;

  constructor(deps: ResyncDeps) {
    this.#deps = deps;
  }

  /** The resume point is gone: the next snapshot frame is the new state. */
  expectSnapshot(cause: ResyncNotice['cause'], pbx: string | null, reason: string): void {
    this.cancel();
    const timer = this.#deps.timers.setTimeout(() => {
      this.#waiting = undefined;
      this.fetch(cause, pbx, reason);
    }, this.#deps.snapshotWaitMs);
    this.#waiting = { cause, pbx, reason, timer };
  }

  /** A snapshot frame arrived; it completes a pending resync, if any. */
  snapshot(state: StateSnapshot): void {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.cancel();
    this.#deps.emit({ type: 'resync', cause: waiting.cause, pbx: waiting.pbx, reason: waiting.reason, state });
  }

  /** Loads the state over REST and emits the notice. */
  fetch(cause: ResyncNotice['cause'], pbx: string | null, reason: string): void {
    this.#deps.fetchState().then(
      (state) => this.#deps.emit({ type: 'resync', cause, pbx, reason, state }),
      (error: unknown) => this.#deps.onError(error),
    );
  }

  cancel(): void {
    if (this.#waiting) this.#deps.timers.clearTimeout(this.#waiting.timer);
    this.#waiting = undefined;
  }
}
