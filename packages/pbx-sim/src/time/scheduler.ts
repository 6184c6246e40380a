import type { SimClock } from './clock.ts';

/** A scheduled piece of simulation work. */
export interface Task {
  readonly due: number;
  cancel(): void;
}

interface Entry extends Task {
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * Orders simulation work by (due time, creation order) on top of any clock,
 * keeping a single clock timer armed for the earliest task. While a task runs,
 * now() returns that task's due time, so timestamps derived from it do not
 * depend on how late the host timer fired.
 */
export class Scheduler {
  readonly #clock: SimClock;
  #heap: Entry[] = [];
  #seq = 0;
  #armed: { due: number; handle: unknown } | undefined;
  #current: number | undefined;
  #stopped = false;

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  now(): number {
    return this.#current ?? this.#clock.now();
  }

  /** Run `fn` after `ms` simulated milliseconds. */
  after(ms: number, fn: () => void): Task {
    return this.at(this.now() + Math.max(0, ms), fn);
  }

  /** Run `fn` at simulated epoch time `due`. */
  at(due: number, fn: () => void): Task {
    const entry: Entry = {
      due,
      seq: this.#seq++,
      fn,
      cancelled: false,
      cancel: () => {
        entry.cancelled = true;
      },
    };
    this.#push(entry);
    this.#arm();
    return entry;
  }

  /** Cancel every pending task and disarm the clock. */
  stop(): void {
    this.#stopped = true;
    this.#heap = [];
    if (this.#armed) this.#clock.clearTimer(this.#armed.handle);
    this.#armed = undefined;
  }

  /** Allow scheduling again after stop(). */
  resume(): void {
    this.#stopped = false;
  }

  get pending(): number {
    return this.#heap.filter((e) => !e.cancelled).length;
  }

  #arm(): void {
    if (this.#stopped) return;
    const head = this.#peek();
    if (head === undefined) return;
    if (this.#armed && this.#armed.due <= head.due) return;
    if (this.#armed) this.#clock.clearTimer(this.#armed.handle);
    const due = head.due;
    const handle = this.#clock.setTimer(() => this.#fire(due), due - this.#clock.now());
    this.#armed = { due, handle };
  }

  #fire(armedFor: number): void {
    if (this.#armed?.due === armedFor) this.#armed = undefined;
    const limit = Math.max(armedFor, this.#clock.now());
    for (;;) {
      if (this.#stopped) return;
      const head = this.#peek();
      if (head === undefined || head.due > limit) break;
      this.#pop();
      this.#current = head.due;
      try {
        head.fn();
      } finally {
        this.#current = undefined;
      }
    }
    this.#arm();
  }

  #peek(): Entry | undefined {
    while (this.#heap.length > 0 && this.#heap[0]!.cancelled) this.#pop();
    return this.#heap[0];
  }

  #less(a: Entry, b: Entry): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  #push(e: Entry): void {
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  #pop(): void {
    const h = this.#heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
