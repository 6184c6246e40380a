import { createHmac, randomBytes } from 'node:crypto';

export interface VerifiedCredentialsOptions {
  /** How long a successful check is remembered. 0 turns the cache off. */
  ttlMs: number;
  /** At most this many remembered checks; the oldest go first. */
  maxEntries: number;
  now?: () => number;
}

/**
 * Remembers, for a short time, that a password matched a stored argon2 hash, so that a
 * whole call centre logging in at once (after a restart of its clients, or hundreds of
 * AMI-port connections of one integration) costs one argon2 check per distinct
 * credential instead of one per login.
 *
 * Password storage is not weakened: the database keeps only argon2 hashes, and only
 * successful checks are remembered, so guessing still costs a full argon2 check per
 * attempt. What is remembered is an HMAC of the stored hash and the password under a
 * random key that exists only in this process's memory and dies with it. The stored
 * hash is part of the HMAC, so a password change (a new hash, a new salt) invalidates
 * the entry by construction; disabled accounts are refused by the login itself, after
 * the password check. Concurrent checks of the same credential share one argon2 run.
 */
export function createVerifiedCredentials(options: VerifiedCredentialsOptions) {
  const key = randomBytes(32);
  const now = options.now ?? Date.now;
  const verified = new Map<string, number>();
  const inFlight = new Map<string, Promise<boolean>>();
  const macOf = (hash: string, password: string) => createHmac('sha256', key).update(hash).update('\0').update(password).digest('base64');

  return {
    /** `check` runs the real (argon2) verification when the credential is not remembered. */
    async verify(hash: string, password: string, check: () => Promise<boolean>): Promise<boolean> {
      if (options.ttlMs <= 0) return check();
      const mac = macOf(hash, password);
      const until = verified.get(mac);
      if (until !== undefined) {
        if (until > now()) return true;
        verified.delete(mac);
      }
      const running = inFlight.get(mac);
      if (running) return running;
      const run = check().then((ok) => {
        if (ok) {
          verified.set(mac, now() + options.ttlMs);
          if (verified.size > options.maxEntries) verified.delete(verified.keys().next().value!);
        }
        return ok;
      });
      inFlight.set(mac, run);
      try {
        return await run;
      } finally {
        inFlight.delete(mac);
      }
    },
    /** Forget every remembered check (for example when credentials were changed in bulk). */
    clear(): void {
      verified.clear();
    },
    get size(): number {
      return verified.size;
    },
  };
}
export type VerifiedCredentials = ReturnType<typeof createVerifiedCredentials>;
