/** Settings for the reconnect delay. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 500 ms. */
  initialMs?: number;
  /** Upper bound of any delay. Default 30 s. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** Share of the delay that is randomised, 0..1. Default 0.5 ("equal jitter"). */
  jitter?: number;
}

/**
 * The delay before reconnect attempt `attempt` (0-based): exponential, capped,
 * with part of it randomised so that many clients do not reconnect in step
 * after a server restart. Pure: pass `random` to make it deterministic.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const factor = options.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const base = Math.min(max, initial * factor ** Math.max(0, attempt));
  const fixed = base * (1 - jitter);
  return Math.round(fixed + base * jitter * random());
}
