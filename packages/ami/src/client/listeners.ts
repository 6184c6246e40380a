/** A minimal typed listener set: add() returns its own unsubscribe function. */
export class ListenerSet<Args extends unknown[]> {
  #listeners: Array<(...args: Args) => void> = [];

  get size(): number {
    return this.#listeners.length;
  }

  add(listener: (...args: Args) => void): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /** Call every listener; one that throws does not stop the others. */
  emit(...args: Args): void {
    for (const listener of this.#listeners) {
      try {
        listener(...args);
      } catch {
        // A broken observer must not break the connection.
      }
    }
  }
}

/**
 * Adapt a listener set to an async iterator. Items are queued without bound
 * while the consumer is away, so use it for low-rate streams such as status changes.
 */
export function iterate<T>(subscribe: (listener: (item: T) => void) => () => void, signal?: AbortSignal): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: ((r: IteratorResult<T>) => void) | undefined;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    signal?.removeEventListener('abort', finish);
    wake?.({ value: undefined, done: true });
    wake = undefined;
  };
  const unsubscribe = subscribe((item) => {
    if (done) return;
    if (wake) {
      const w = wake;
      wake = undefined;
      w({ value: item, done: false });
    } else queue.push(item);
  });
  signal?.addEventListener('abort', finish, { once: true });
  if (signal?.aborted) finish();
  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
