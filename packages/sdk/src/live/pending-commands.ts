import { CtiDisconnectedError, type CtiError, CtiTimeoutError } from '../errors.ts';
import type { Timers } from '../timers.ts';

interface Pending {
  name: string;
  resolve: (value: unknown) => void;
  reject: (error: CtiError) => void;
  timer: unknown;
}

/**
 * Commands sent over the WebSocket that await their `result` frame. Each one
 * owns its promise and its timeout; a drop of the connection fails them all
 * with `SDK_ERR_DISCONNECTED` (the server may or may not have run them).
 */
export class PendingCommands {
  readonly #pending = new Map<string, Pending>();
  readonly #timers: Timers;
  #next = 0;
  readonly #prefix: string;

  constructor(timers: Timers, prefix = randomPrefix()) {
    this.#timers = timers;
    this.#prefix = prefix;
  }

  /** A request id unique within this client (and, with the random prefix, across tabs). */
  nextId(): string {
    this.#next += 1;
    return `${this.#prefix}-${this.#next}`;
  }

  /** Registers `id` and returns the promise its result will settle. */
  track(id: string, name: string, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => {
        this.#pending.delete(id);
        reject(new CtiTimeoutError(`command ${name}`, timeoutMs));
      }, timeoutMs);
      this.#pending.set(id, { name, resolve, reject, timer });
    });
  }

  /** Settles the command `id`; returns false when nothing waits for it (late or unknown). */
  settle(id: string, outcome: { ok: true; value: unknown } | { ok: false; error: CtiError }): boolean {
    const entry = this.#pending.get(id);
    if (!entry) return false;
    this.#pending.delete(id);
    this.#timers.clearTimeout(entry.timer);
    if (outcome.ok) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
    return true;
  }

  /** Fails every command in flight, for example because the socket closed. */
  failAll(makeError: (name: string) => CtiError = (name) => new CtiDisconnectedError(`command ${name}`)): void {
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of entries) {
      this.#timers.clearTimeout(entry.timer);
      entry.reject(makeError(entry.name));
    }
  }

  get size(): number {
    return this.#pending.size;
  }
}

function randomPrefix(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}
