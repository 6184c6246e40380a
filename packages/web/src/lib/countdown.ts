/** Wrap-up countdown: pure, so the state bar and its tests share one rule. */
export interface Countdown {
  /** Whole seconds left, never negative; null when there is no deadline (unlimited wrap-up). */
  remaining: number | null;
  /** Share of the wrap-up already spent, 0..1; null when unknown. */
  progress: number | null;
  expired: boolean;
}

export function countdown(endsAt: string | null | undefined, startedAt: string | null | undefined, now: number): Countdown {
  if (!endsAt) return { remaining: null, progress: null, expired: false };
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return { remaining: null, progress: null, expired: false };
  const start = startedAt ? Date.parse(startedAt) : Number.NaN;
  // The display clock ticks once a second, so it may lag a wrap-up that has just begun:
  // never count from before the start, or an 8 s wrap-up would first show 9 s.
  const at = Number.isNaN(start) ? now : Math.max(now, start);
  const remainingMs = end - at;
  const remaining = Math.max(0, Math.ceil(remainingMs / 1000));
  const total = end - start;
  const progress = Number.isNaN(start) || total <= 0 ? null : Math.min(1, Math.max(0, (at - start) / total));
  return { remaining, progress, expired: remainingMs <= 0 };
}
