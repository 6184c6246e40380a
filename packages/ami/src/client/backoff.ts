export interface BackoffPolicy {
  /** Delay before the first retry, in milliseconds. */
  baseMs: number;
  /** Upper bound for any delay. */
  maxMs: number;
  /**
   * Share of the delay that is randomised, 0 to 1. With 0.5 the delay lies in
   * [d/2, d]; with 1 it lies in [0, d] ("full jitter"); with 0 it is exactly d.
   */
  jitter: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = { baseMs: 500, maxMs: 10_000, jitter: 0.5 };

/**
 * Delay before reconnect attempt number `attempt` (1 for the first retry):
 * `min(maxMs, baseMs * 2^(attempt-1))`, reduced by up to `jitter` of itself.
 * Pure: the randomness comes from `random`, which returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.max(0, policy.baseMs);
  const max = Math.max(0, policy.maxMs);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // 2^(n-1) overflows to Infinity for huge n, which Math.min then caps.
  const exp = Math.min(max, base * 2 ** (n - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exp * (1 - jitter * r));
}
