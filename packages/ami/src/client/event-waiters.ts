import type { AmiMessage } from '../codec/message.ts';
import { AmiTimeoutError } from '../errors.ts';
import { actionIdOf } from './fields.ts';

interface Waiter {
  event: string;
  resolve: (message: AmiMessage) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Promises for a later event that carries one of our ActionIDs, such as the
 * OriginateResponse of an `Async: true` Originate. Waiters survive reconnects:
 * Asterisk broadcasts OriginateResponse to every session, so the new session
 * still receives it. Watching never consumes the event; it is delivered too.
 */
export class EventWaiters {
  readonly #waiters = new Map<string, Waiter>();

  get size(): number {
    return this.#waiters.size;
  }

  /** Wait for the event named `event` (exact name) with ActionID `id`. */
  wait(id: string, event: string, timeoutMs: number): Promise<AmiMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(id);
        reject(new AmiTimeoutError(`No ${event} within ${timeoutMs} ms`, { event, actionId: id, timeoutMs }));
      }, timeoutMs);
      this.#waiters.set(id, { event, resolve, reject, timer });
    });
  }

  /** Offer an incoming event; resolves the matching waiter, if any. */
  offer(message: AmiMessage): void {
    if (this.#waiters.size === 0) return;
    const id = actionIdOf(message.fields);
    if (id === undefined) return;
    const waiter = this.#waiters.get(id);
    if (waiter === undefined || waiter.event !== message.event) return;
    this.#waiters.delete(id);
    clearTimeout(waiter.timer);
    waiter.resolve(message);
  }

  cancel(id: string, error: Error): void {
    const waiter = this.#waiters.get(id);
    if (!waiter) return;
    this.#waiters.delete(id);
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }

  cancelAll(error: Error): void {
    for (const id of [...this.#waiters.keys()]) this.cancel(id, error);
  }
}
