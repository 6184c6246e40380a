/** Axis helpers for the SVG charts: a "nice" upper bound and evenly spaced ticks. */

/** The smallest 1/2/2.5/5 × 10^n that is ≥ `max` (and ≥ 1 when everything is 0). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const exponent = Math.floor(Math.log10(max));
  const base = 10 ** exponent;
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * base;
    if (candidate >= max - 1e-9) return candidate;
  }
  return 10 * base;
}

/** `count + 1` tick values from 0 to `niceMax(max)`. */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => roundTick((top * i) / count));
}

/** Maps a value in [0, max] onto a pixel range [0, size]. */
export function scaleLinear(value: number, max: number, size: number): number {
  if (max <= 0) return 0;
  return (Math.max(0, Math.min(value, max)) / max) * size;
}

function roundTick(value: number): number {
  return Math.round(value * 1000) / 1000;
}
