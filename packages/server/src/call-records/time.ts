/** Epoch ms → epoch seconds, kept to the microsecond. */
export function epochSeconds(ms: number): number {
  return Math.round(ms * 1000) / 1_000_000;
}

/** A duration between two epoch-ms values, in seconds to the millisecond; never negative. */
export function seconds(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round(toMs - fromMs) / 1000);
}
