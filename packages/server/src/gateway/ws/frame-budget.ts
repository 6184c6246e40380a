/**
 * How many frames a connection may still send: a token bucket that holds `burst` frames and
 * refills at `perSecond`. Pure: the caller passes the time.
 */
export function createFrameBudget(options: { perSecond: number; burst: number }, now: number) {
  let tokens = options.burst;
  let last = now;
  return {
    /** Spends one frame. False when the connection is over its budget. */
    take(at: number): boolean {
      tokens = Math.min(options.burst, tokens + ((at - last) / 1000) * options.perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
