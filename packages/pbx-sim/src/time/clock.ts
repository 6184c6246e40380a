/**
 * Time sources for the simulated PBX. All simulated durations (ring times,
 * talk times, queue timeouts) are expressed in simulated milliseconds; a clock
 * maps them onto real time. The real clock can run faster than real time
 * (`scale` < 1); the manual clock only moves when a test advances it.
 */
export interface SimClock {
  /** Simulated wall-clock time, epoch milliseconds. */
  now(): number;
  /** Call `fn` once, `ms` simulated milliseconds from now. */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface RealClockOptions {
  /** Real milliseconds per simulated millisecond. 1 = real time, 0.01 = 100x faster. Default 1. */
  scale?: number;
  /** Simulated epoch milliseconds at creation. Default Date.now(). */
  startAt?: number;
}

/** A clock backed by Date.now() and setTimeout, optionally sped up. */
export function createRealClock(options: RealClockOptions = {}): SimClock {
  const scale = options.scale ?? 1;
  const realStart = Date.now();
  const simStart = options.startAt ?? realStart;
  return {
    now: () => simStart + (Date.now() - realStart) / scale,
    setTimer: (fn, ms) => {
      const t = setTimeout(fn, Math.max(0, ms * scale));
      t.unref?.();
      return t;
    },
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

interface ManualTimer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that only moves when told to. Timers fire in (due time, creation
 * order), so a run driven by this clock is fully deterministic.
 */
export class ManualClock implements SimClock {
  #now: number;
  #seq = 0;
  #timers: ManualTimer[] = [];

  constructor(startAt = Date.UTC(2026, 10, 26, 5, 37, 0)) {
    this.#now = startAt;
  }

  now(): number {
    return this.#now;
  }

  setTimer(fn: () => void, ms: number): unknown {
    const timer: ManualTimer = { due: this.#now + Math.max(0, ms), seq: this.#seq++, fn, cancelled: false };
    this.#timers.push(timer);
    return timer;
  }

  clearTimer(handle: unknown): void {
    const timer = handle as ManualTimer | undefined;
    if (timer) timer.cancelled = true;
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  /** Move time forward to `t` (epoch ms), firing due timers in order. */
  advanceTo(t: number): void {
    for (;;) {
      const next = this.#nextDue();
      if (next === undefined || next.due > t) break;
      this.#timers.splice(this.#timers.indexOf(next), 1);
      if (next.due > this.#now) this.#now = next.due;
      next.fn();
    }
    if (t > this.#now) this.#now = t;
  }

  /** Number of timers still waiting. */
  get pending(): number {
    return this.#timers.filter((t) => !t.cancelled).length;
  }

  #nextDue(): ManualTimer | undefined {
    this.#timers = this.#timers.filter((t) => !t.cancelled);
    let best: ManualTimer | undefined;
    for (const t of this.#timers) {
      if (best === undefined || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
