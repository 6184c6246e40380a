import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/index.ts';

describe('backoffDelay', () => {
  const policy = { baseMs: 500, maxMs: 10_000, jitter: 0 };

  it('doubles from the base delay for each attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('takes up to `jitter` off the delay, using the random source given', () => {
    const half = { ...policy, jitter: 0.5 };
    expect(backoffDelay(3, half, () => 0)).toBe(2000);
    expect(backoffDelay(3, half, () => 0.5)).toBe(1500);
    expect(backoffDelay(3, half, () => 0.999999)).toBe(1000);
    expect(backoffDelay(3, { ...policy, jitter: 1 }, () => 0.999999)).toBe(0);
  });

  it('treats attempts below 1 and non-numbers as the first attempt, and survives huge attempt numbers', () => {
    expect(backoffDelay(0, policy)).toBe(500);
    expect(backoffDelay(-3, policy)).toBe(500);
    expect(backoffDelay(Number.NaN, policy)).toBe(500);
    expect(backoffDelay(10_000, policy)).toBe(10_000);
  });

  it('always lies within [ (1 - jitter) * d, d ] where d = min(max, base * 2^(n-1))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, baseMs, maxMs, jitter, r) => {
          const d = Math.min(maxMs, baseMs * 2 ** (n - 1));
          const delay = backoffDelay(n, { baseMs, maxMs, jitter }, () => r);
          expect(delay).toBeLessThanOrEqual(Math.round(d));
          expect(delay).toBeGreaterThanOrEqual(Math.floor((1 - jitter) * d) - 1);
        },
      ),
    );
  });

  it('has sane defaults: 0.5 s to 10 s with half jitter', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, maxMs: 10_000, jitter: 0.5 });
  });
});
