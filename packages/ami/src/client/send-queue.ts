import { AmiAbortedError, AmiTimeoutError } from '../errors.ts';

interface Item {
  action: string;
  deadline: number;
  run: (remainingMs: number) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

/**
 * Sends waiting for the client to become ready (only when the caller asked
 * for `queue: true`). Each keeps its own deadline and AbortSignal.
 */
export class SendQueue {
  readonly #items = new Set<Item>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get size(): number {
    return this.#items.size;
  }

  /** Park a send. `run` is called with the time left when flush() runs. */
  add(spec: {
    action: string;
    timeoutMs: number;
    signal?: AbortSignal | undefined;
    run: (remainingMs: number) => void;
    reject: (error: Error) => void;
  }): void {
    const item: Item = { ...spec, deadline: this.#now() + spec.timeoutMs, cleanup: () => {} };
    const timer = setTimeout(() => {
      this.#remove(item);
      spec.reject(new AmiTimeoutError(`${spec.action} was not sent within ${spec.timeoutMs} ms`, { action: spec.action, timeoutMs: spec.timeoutMs }));
    }, spec.timeoutMs);
    const onAbort = () => {
      this.#remove(item);
      spec.reject(new AmiAbortedError({ action: spec.action }));
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    item.cleanup = () => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
    };
    this.#items.add(item);
  }

  /** Send everything parked, in order. */
  flush(): void {
    const items = [...this.#items];
    for (const item of items) {
      this.#remove(item);
      item.run(Math.max(1, item.deadline - this.#now()));
    }
  }

  failAll(error: Error): void {
    const items = [...this.#items];
    for (const item of items) {
      this.#remove(item);
      item.reject(error);
    }
  }

  #remove(item: Item): void {
    item.cleanup();
    this.#items.delete(item);
  }
}
