/** A listener map: event name → the argument its listeners receive. */
export type ListenerMap = Record<string, unknown>;

/**
 * A small typed event emitter. `on` returns a function that removes the
 * listener. A listener that throws does not stop the others; the error goes
 * to `onListenerError`.
 */
export class Emitter<M extends ListenerMap> {
  readonly #listeners = new Map<keyof M, Set<(value: never) => void>>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = (error) => queueMicrotask(() => { throw error; })) {
    this.#onListenerError = onListenerError;
  }

  on<K extends keyof M>(name: K, listener: (value: M[K]) => void): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => this.off(name, listener);
  }

  once<K extends keyof M>(name: K, listener: (value: M[K]) => void): () => void {
    const off = this.on(name, (value) => {
      off();
      listener(value);
    });
    return off;
  }

  off<K extends keyof M>(name: K, listener: (value: M[K]) => void): void {
    this.#listeners.get(name)?.delete(listener as (value: never) => void);
  }

  emit<K extends keyof M>(name: K, value: M[K]): void {
    const set = this.#listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (value: M[K]) => void)(value);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  listenerCount(name: keyof M): number {
    return this.#listeners.get(name)?.size ?? 0;
  }

  clear(): void {
    this.#listeners.clear();
  }
}
