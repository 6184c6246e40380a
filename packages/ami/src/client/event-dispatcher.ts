import type { AmiMessage } from '../codec/message.ts';

/** Context delivered with each event. The same frozen object is shared by many events. */
export interface AmiEventMeta {
  /** True when the event arrived before the client was ready (login or resync phase). */
  readonly resync: boolean;
  /** Increments with each new connection, so a consumer can tell connections apart. */
  readonly connectionId: number;
}

/**
 * An event listener. Returning a promise applies backpressure: later events
 * wait in a bounded queue until it settles, and socket reading pauses when the
 * queue passes the high-water mark.
 */
export type AmiEventListener = (event: AmiMessage, meta: AmiEventMeta) => void | Promise<void>;

export interface EventDispatcherDeps {
  /** Queued events at which reading pauses. */
  highWaterMark: number;
  /** Queued events at which reading resumes. */
  lowWaterMark: number;
  /** Most events held while holding (resync in `buffer` mode). */
  maxHeld: number;
  pause: () => void;
  resume: () => void;
  onListenerError: (error: unknown, event: AmiMessage) => void;
  onHeldOverflow: () => void;
}

type Item = [AmiMessage, AmiEventMeta];

/**
 * Delivers events to listeners in arrival order. Synchronous listeners are
 * called inline, with no queueing cost. A listener that returns a promise
 * holds back later events; the queue then drives pause() and resume().
 */
export class EventDispatcher {
  readonly #deps: EventDispatcherDeps;
  #listeners: AmiEventListener[] = [];
  #queue: Item[] = [];
  #head = 0;
  #held: Item[] | undefined;
  #busy = false;
  #draining = false;
  #paused = false;

  constructor(deps: EventDispatcherDeps) {
    this.#deps = deps;
  }

  /** Events waiting for slow listeners (not counting held ones). */
  get backlog(): number {
    return this.#queue.length - this.#head;
  }

  get held(): number {
    return this.#held?.length ?? 0;
  }

  /** True while reading is paused because of the backlog. */
  get paused(): boolean {
    return this.#paused;
  }

  add(listener: AmiEventListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  push(event: AmiMessage, meta: AmiEventMeta): void {
    if (this.#held !== undefined) {
      this.#held.push([event, meta]);
      if (this.#held.length > this.#deps.maxHeld) this.#deps.onHeldOverflow();
      return;
    }
    if (!this.#busy && this.#head === this.#queue.length) {
      this.#deliver(event, meta);
      return;
    }
    this.#queue.push([event, meta]);
    if (!this.#paused && this.backlog >= this.#deps.highWaterMark) {
      this.#paused = true;
      this.#deps.pause();
    }
  }

  /** Hold new events (they are not delivered and do not pause reading) until release(). */
  hold(): void {
    this.#held ??= [];
  }

  /** Deliver the held events, in order, then carry on normally. */
  release(): void {
    const held = this.#held;
    this.#held = undefined;
    if (held) for (const [event, meta] of held) this.push(event, meta);
  }

  /** Forget held events (e.g. the connection they came from was dropped). */
  discardHeld(): void {
    if (this.#held) this.#held = [];
  }

  #deliver(event: AmiMessage, meta: AmiEventMeta): void {
    let waits: Array<PromiseLike<void>> | undefined;
    for (const listener of this.#listeners) {
      try {
        const result = listener(event, meta);
        if (result !== undefined && typeof (result as PromiseLike<void>).then === 'function') {
          (waits ??= []).push(result);
        }
      } catch (error) {
        this.#deps.onListenerError(error, event);
      }
    }
    if (waits === undefined) return;
    this.#busy = true;
    Promise.allSettled(waits).then((results) => {
      for (const r of results) if (r.status === 'rejected') this.#deps.onListenerError(r.reason, event);
      this.#busy = false;
      this.#drain();
    });
  }

  #drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (!this.#busy && this.#head < this.#queue.length) {
        const item = this.#queue[this.#head]!;
        this.#queue[this.#head++] = undefined as unknown as Item;
        this.#deliver(item[0], item[1]);
        if (this.#paused && this.backlog <= this.#deps.lowWaterMark) {
          this.#paused = false;
          this.#deps.resume();
        }
      }
      if (this.#head === this.#queue.length) {
        this.#queue = [];
        this.#head = 0;
      } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
    } finally {
      this.#draining = false;
    }
  }
}
