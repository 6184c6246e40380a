import { encodeMessage } from '@amiable/ami';
import { privilegeOf } from './permissions.ts';

export type Pairs = Array<[string, string]>;

/** An encoded event as handed to subscribers. */
export interface BusEvent {
  readonly name: string;
  /** The single class bit of the event. */
  readonly cls: number;
  /** Wire text, `Event:` through the blank line. */
  readonly text: string;
  /** The same text as UTF-8 bytes, converted once and shared by every session. */
  readonly bytes: Buffer;
}

/** Something that receives events: a TCP session or an in-process recorder. */
export interface EventSubscriber {
  /** Class bits this subscriber wants right now (read permission AND event mask). */
  wants(): number;
  deliver(event: BusEvent): void;
}

/**
 * Fans events out. Each event is encoded once, whatever the number of
 * subscribers: the Privilege header depends on the event, not on the reader,
 * so every session with the class in its mask receives the same text.
 * Events nobody wants are never built (see emitLazy).
 */
export class EventBus {
  readonly #subs = new Set<EventSubscriber>();
  #emitted = 0;

  subscribe(sub: EventSubscriber): () => void {
    this.#subs.add(sub);
    return () => this.unsubscribe(sub);
  }

  unsubscribe(sub: EventSubscriber): void {
    this.#subs.delete(sub);
  }

  /** True when at least one subscriber would receive an event of this class. */
  wants(cls: number): boolean {
    for (const s of this.#subs) if ((s.wants() & cls) === cls) return true;
    return false;
  }

  /** Total events encoded since start (for metrics and benchmarks). */
  get emitted(): number {
    return this.#emitted;
  }

  emit(name: string, cls: number, fields: Pairs): void {
    if (this.#subs.size === 0) return;
    this.#send(name, cls, fields);
  }

  /** Like emit, but the fields are only built when someone wants the class. */
  emitLazy(name: string, cls: number, build: () => Pairs): void {
    if (!this.wants(cls)) return;
    this.#send(name, cls, build());
  }

  #send(name: string, cls: number, fields: Pairs): void {
    let text: string;
    let event: BusEvent | undefined;
    for (const s of this.#subs) {
      if ((s.wants() & cls) !== cls) continue;
      if (event === undefined) {
        text = encodeMessage([['Event', name], ['Privilege', privilegeOf(cls)], ...fields]);
        event = { name, cls, text, bytes: Buffer.from(text, 'utf8') };
        this.#emitted++;
      }
      s.deliver(event);
    }
  }
}
