/** Something with queued bytes to hand to its socket. */
export interface Flushable {
  flush(joiner: BatchJoiner): void;
}

/**
 * Joins queued event buffers into one write. Clients that were queued the very same
 * buffers (every unfiltered client, every client with the same scope) share one joined
 * buffer: the bytes of an event are serialised once, and each distinct batch is copied
 * once, however many clients receive it.
 */
export class BatchJoiner {
  readonly #byFirst = new Map<Buffer, Array<{ parts: Buffer[]; joined: Buffer }>>();

  join(parts: Buffer[]): Buffer {
    if (parts.length === 1) return parts[0]!;
    const first = parts[0]!;
    let candidates = this.#byFirst.get(first);
    if (candidates === undefined) {
      candidates = [];
      this.#byFirst.set(first, candidates);
    }
    for (const c of candidates) if (sameParts(c.parts, parts)) return c.joined;
    const joined = Buffer.concat(parts);
    candidates.push({ parts, joined });
    return joined;
  }
}

function sameParts(a: Buffer[], b: Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Collects the clients that have events queued and flushes them together, at most
 * `windowMs` after the first one was queued. One socket write per client per window
 * instead of one per event is what keeps the cost per delivery low with hundreds of
 * clients; the window bounds the latency it adds.
 */
export class BatchFlusher {
  readonly #windowMs: number;
  #dirty: Flushable[] = [];
  #timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** `target` has bytes queued; it is flushed with the next batch. Call once per batch. */
  mark(target: Flushable): void {
    this.#dirty.push(target);
    if (this.#timer !== undefined) return;
    this.#timer = this.#windowMs > 0 ? setTimeout(() => this.flush(), this.#windowMs) : setImmediate(() => this.flush());
  }

  flush(): void {
    this.#timer = undefined;
    const dirty = this.#dirty;
    this.#dirty = [];
    const joiner = new BatchJoiner();
    for (const target of dirty) target.flush(joiner);
  }

  stop(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer as ReturnType<typeof setTimeout>);
      clearImmediate(this.#timer as ReturnType<typeof setImmediate>);
    }
    this.#timer = undefined;
    this.#dirty = [];
  }
}
