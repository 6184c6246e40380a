import { type PhoneBehaviour, type ResolvedConfig, resolvePhone } from '../config.ts';
import { PbxSimUnknownEndpointError } from '../errors.ts';
import type { Channel } from '../model/channel.ts';
import type { Task } from '../time/scheduler.ts';
import type { PbxCore } from './core.ts';

type Resolved = ResolvedConfig['defaultPhone'];

/** What the ringing side wants to happen when the phone reacts. */
export interface RingHandlers {
  answer(): void;
  busy(): void;
  reject(): void;
}

interface Ringing {
  leg: Channel;
  handlers: RingHandlers;
  task: Task | undefined;
}

/**
 * The simulated phones behind the PJSIP endpoints: each one answers after a
 * delay, never answers, is busy or rejects, and may hang up after a talk time
 * (see control.jsonl / NOTES.md "Phones" in the transcripts).
 */
export class Phones {
  readonly #core: PbxCore;
  readonly #own = new Map<string, Resolved>();
  #default: Resolved;
  readonly #ringing = new Map<Channel, Ringing>();
  readonly #talk = new Map<Channel, Task>();

  constructor(core: PbxCore) {
    this.#core = core;
    this.#default = core.config.defaultPhone;
    for (const [k, v] of Object.entries(core.config.phones)) this.#own.set(k, v);
  }

  behaviour(endpoint: string): Resolved {
    return this.#own.get(endpoint) ?? this.#default;
  }

  set(endpoint: string, b: PhoneBehaviour): void {
    if (endpoint === 'default') {
      this.#default = resolvePhone(b);
      return;
    }
    if (!this.#core.hasEndpoint(endpoint)) throw new PbxSimUnknownEndpointError(endpoint);
    this.#own.set(endpoint, resolvePhone(b));
  }

  /** The phone starts ringing: schedule its reaction. */
  ring(leg: Channel, handlers: RingHandlers): void {
    const b = this.behaviour(leg.endpoint ?? '');
    const entry: Ringing = { leg, handlers, task: undefined };
    this.#ringing.set(leg, entry);
    const react = (fn: () => void) => () => {
      this.#ringing.delete(leg);
      fn();
    };
    if (b.mode === 'answer') entry.task = this.#core.scheduler.after(b.answerAfterMs, react(handlers.answer));
    else if (b.mode === 'busy') entry.task = this.#core.scheduler.after(b.answerAfterMs, react(handlers.busy));
    else if (b.mode === 'reject') entry.task = this.#core.scheduler.after(b.answerAfterMs, react(handlers.reject));
  }

  /** The leg stopped ringing for another reason (cancelled, answered elsewhere). */
  stopRinging(leg: Channel): void {
    const r = this.#ringing.get(leg);
    r?.task?.cancel();
    this.#ringing.delete(leg);
  }

  isRinging(leg: Channel): boolean {
    return this.#ringing.has(leg);
  }

  /** Answer the endpoint's ringing leg now (manual control). Returns false when nothing rings. */
  answerNow(endpoint: string): boolean {
    for (const r of this.#ringing.values()) {
      if (r.leg.endpoint !== endpoint) continue;
      this.stopRinging(r.leg);
      r.handlers.answer();
      return true;
    }
    return false;
  }

  /** The phone answered: if it has a talk time, it will hang up by itself. */
  answered(leg: Channel): void {
    const b = this.behaviour(leg.endpoint ?? '');
    if (b.hangupAfterMs === undefined) return;
    const task = this.#core.scheduler.after(b.hangupAfterMs, () => {
      this.#talk.delete(leg);
      if (!leg.hungUp) leg.handler?.hangup(leg, 'device', 16);
    });
    this.#talk.set(leg, task);
  }

  /** The leg is gone: drop any pending reaction. */
  forget(leg: Channel): void {
    this.stopRinging(leg);
    this.#talk.get(leg)?.cancel();
    this.#talk.delete(leg);
  }

  reset(): void {
    for (const r of this.#ringing.values()) r.task?.cancel();
    for (const t of this.#talk.values()) t.cancel();
    this.#ringing.clear();
    this.#talk.clear();
  }
}
