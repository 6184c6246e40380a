import type { AmiMessage } from '../codec/message.ts';
import type { AmiEventListener, AmiEventMeta } from './event-dispatcher.ts';

/** A listener registered for one event name: the headers as an object, the message, the meta. */
export type NamedEventListener = (record: never, message: never, meta: AmiEventMeta) => void | Promise<void>;
type Untyped = (record: Record<string, string>, message: AmiMessage, meta: AmiEventMeta) => void | Promise<void>;

/**
 * Listeners by event name (`client.on('QueueMemberPause', ...)`). It registers a single event
 * listener with the dispatcher while it has any, and builds the header object only for events
 * that somebody listens to by name. Promises returned by listeners apply backpressure as for
 * `onEvent`.
 */
export class NamedEventListeners {
  readonly #byName = new Map<string, Untyped[]>();
  readonly #subscribe: (listener: AmiEventListener) => () => void;
  #unsubscribe: (() => void) | undefined;

  constructor(subscribe: (listener: AmiEventListener) => () => void) {
    this.#subscribe = subscribe;
  }

  add(name: string, listener: NamedEventListener): () => void {
    const untyped = listener as unknown as Untyped;
    this.#byName.set(name, [...(this.#byName.get(name) ?? []), untyped]);
    this.#unsubscribe ??= this.#subscribe((message, meta) => this.#deliver(message, meta));
    return () => {
      const rest = (this.#byName.get(name) ?? []).filter((l) => l !== untyped);
      if (rest.length > 0) this.#byName.set(name, rest);
      else this.#byName.delete(name);
      if (this.#byName.size === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
      }
    };
  }

  #deliver(message: AmiMessage, meta: AmiEventMeta): void | Promise<void> {
    const listeners = message.event === undefined ? undefined : this.#byName.get(message.event);
    if (listeners === undefined) return;
    const record = message.toObject();
    let waits: Array<void | Promise<void>> | undefined;
    for (const listener of listeners) {
      const result = listener(record, message, meta);
      if (result !== undefined) (waits ??= []).push(result);
    }
    if (waits !== undefined) return Promise.all(waits).then(() => undefined);
  }
}
