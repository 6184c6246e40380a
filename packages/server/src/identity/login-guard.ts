import type { Clock } from './clock.ts';
import { rateLimited } from './errors.ts';
import { createSlidingWindowLimiter } from './rate-limiter.ts';

/** A sliding window: at most `limit` failed logins within `windowMs`. */
export interface LoginWindow {
  limit: number;
  windowMs: number;
}

/**
 * Failed-login budgets. A call centre signs in from one public address, so the per-address budget
 * is large and never stands in the way of a username that already signed in from that address:
 * one colleague's typos, or an attacker behind the same NAT, cannot lock out the others.
 */
export interface LoginLimits {
  /** Failures for one username from one address (guessing one password). */
  perUserAddress: LoginWindow;
  /** Failures for one username from any address (distributed guessing). Known pairs are exempt. */
  perUser: LoginWindow;
  /** Failures from one address across usernames (password spraying). Known pairs are exempt. */
  perIp: LoginWindow;
  /** How long a successful sign-in makes its (username, address) pair known. */
  rememberSuccessMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUserAddress: { limit: 5, windowMs: 15 * 60_000 },
  perUser: { limit: 20, windowMs: 15 * 60_000 },
  perIp: { limit: 200, windowMs: 15 * 60_000 },
  rememberSuccessMs: 30 * 86_400_000,
};

/** The attempt's slots in every budget; settle it with the outcome of the password check. */
export interface LoginAttempt {
  succeeded(): void;
  failed(): void;
}

/**
 * Where the login budgets are kept: this node's memory (`createLoginGuard`), or a store every
 * node shares (cluster mode), so the budgets hold whatever node an attempt reaches.
 */
export interface LoginBudgets {
  /** Throws CTI_ERR_RATE_LIMITED (with `retryAfter`) when a budget is spent; otherwise takes a slot in each. */
  begin(username: string, ip: string): LoginAttempt | Promise<LoginAttempt>;
}

/**
 * The login limiter. `begin()` checks every budget and takes a slot in each in one synchronous
 * step, before the (slow) password check: parallel attempts cannot all pass a check that none of
 * them has counted yet. A success gives its slots back and makes the pair known; a failure keeps them.
 */
export function createLoginGuard(limits: LoginLimits, clock: Clock, maxKnown = 100_000): LoginBudgets {
  const pairs = createSlidingWindowLimiter({ ...limits.perUserAddress, clock });
  const users = createSlidingWindowLimiter({ ...limits.perUser, clock });
  const addresses = createSlidingWindowLimiter({ ...limits.perIp, clock });
  /** `username|address` → last successful sign-in (epoch ms), oldest first. */
  const known = new Map<string, number>();

  const isKnown = (pair: string): boolean => {
    const at = known.get(pair);
    if (at === undefined) return false;
    if (clock.now() - at <= limits.rememberSuccessMs) return true;
    known.delete(pair);
    return false;
  };

  return {
    /** Throws CTI_ERR_RATE_LIMITED (with `retryAfter`) when a budget is spent; otherwise takes a slot in each. */
    begin(username: string, ip: string): LoginAttempt {
      const user = username.toLowerCase();
      const pair = `${user}|${ip}`;
      const budgets: Array<[ReturnType<typeof createSlidingWindowLimiter>, string]> = [[pairs, pair]];
      if (!isKnown(pair)) budgets.push([users, user], [addresses, ip]);
      for (const [limiter, key] of budgets) {
        const check = limiter.check(key);
        if (!check.allowed) throw rateLimited(Math.ceil(check.retryAfterMs / 1000));
      }
      const taken = budgets.map(([limiter, key]) => limiter.take(key));
      let settled = false;
      return {
        succeeded() {
          if (settled) return;
          settled = true;
          for (const release of taken) release();
          pairs.reset(pair);
          known.delete(pair);
          known.set(pair, clock.now());
          if (known.size > maxKnown) {
            const oldest = known.keys().next().value;
            if (oldest !== undefined) known.delete(oldest);
          }
        },
        failed() {
          settled = true;
        },
      };
    },
  };
}
export type LoginGuard = LoginBudgets;
