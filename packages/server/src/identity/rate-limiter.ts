import type { Clock } from './clock.ts';

export interface SlidingWindowOptions {
  /** Attempts allowed within the window. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** Keys tracked at most (oldest dropped first), so a flood of keys cannot exhaust memory. */
  maxKeys?: number;
}

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A sliding-window counter per key: at most `limit` hits within any `windowMs`. Used for login
 * failures per username and per address.
 */
export function createSlidingWindowLimiter(options: SlidingWindowOptions) {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 100_000;

  const recent = (key: string): number[] => {
    const now = options.clock.now();
    const list = (hits.get(key) ?? []).filter((t) => t > now - options.windowMs);
    if (list.length === 0) hits.delete(key);
    else hits.set(key, list);
    return list;
  };

  const hit = (key: string): void => {
    const list = recent(key);
    list.push(options.clock.now());
    hits.delete(key);
    hits.set(key, list.slice(-options.limit));
    if (hits.size > maxKeys) {
      const first = hits.keys().next().value;
      if (first !== undefined) hits.delete(first);
    }
  };

  return {
    /** Whether another attempt is allowed now (does not count one). */
    check(key: string): LimitCheck {
      const list = recent(key);
      if (list.length < options.limit) return { allowed: true };
      const oldest = list[list.length - options.limit] ?? options.clock.now();
      return { allowed: false, retryAfterMs: Math.max(1, oldest + options.windowMs - options.clock.now()) };
    },
    /**
     * Counts one attempt now and returns the function that takes it back (an attempt that turned
     * out to be allowed, such as a successful login, stops counting).
     */
    take(key: string): () => void {
      const at = options.clock.now();
      hit(key);
      return () => {
        const list = hits.get(key);
        const i = list?.lastIndexOf(at) ?? -1;
        if (list && i >= 0) list.splice(i, 1);
      };
    },
    /** Counts one attempt. */
    hit,
    reset(key: string): void {
      hits.delete(key);
    },
  };
}
export type SlidingWindowLimiter = ReturnType<typeof createSlidingWindowLimiter>;
