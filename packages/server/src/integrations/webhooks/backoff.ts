/**
 * The wait before retry number `attempt` (1 = the first retry): exponential from `baseMs`,
 * capped at `maxMs`, with jitter over the upper half ("equal jitter") so that receivers that came
 * back are not hit by every queued delivery at the same instant.
 */
export function retryDelayMs(attempt: number, policy: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
