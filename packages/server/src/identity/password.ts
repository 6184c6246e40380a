import argon2 from 'argon2';
import { createVerifiedCredentials } from './verified-credentials.ts';

/** argon2id cost parameters. The defaults follow the argon2 package (64 MiB, 3 passes). */
export interface PasswordHashOptions {
  memoryCost?: number;
  timeCost?: number;
  parallelism?: number;
  /**
   * How long a successful password check is remembered (an HMAC under a per-process key,
   * see verified-credentials.ts), so that login storms cost one argon2 check per distinct
   * credential. Default 10 minutes; 0 checks every login with argon2.
   */
  verifiedCacheTtlMs?: number;
}

export function createPasswordHasher(options: PasswordHashOptions = {}) {
  const { verifiedCacheTtlMs = 10 * 60_000, ...costs } = options;
  const params: argon2.HashOptions = { type: argon2.argon2id, ...costs };
  const verified = createVerifiedCredentials({ ttlMs: verifiedCacheTtlMs, maxEntries: 10_000 });
  // A real hash to verify against when the user does not exist, so that a wrong username
  // costs as much time as a wrong password.
  let decoy: Promise<string> | undefined;
  return {
    hash(password: string): Promise<string> {
      return argon2.hash(password, params);
    },
    async verify(hash: string | undefined, password: string): Promise<boolean> {
      if (hash === undefined) {
        decoy ??= argon2.hash('decoy password', params);
        await argon2.verify(await decoy, password).catch(() => false);
        return false;
      }
      return verified.verify(hash, password, async () => {
        try {
          return await argon2.verify(hash, password);
        } catch {
          return false;
        }
      });
    },
    /** Forget every remembered successful check (an account was disabled, deleted or changed its password). */
    forgetVerified(): void {
      verified.clear();
    },
  };
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;

/** Hashes a password with argon2id and default costs (for seeding users and admin tools). */
export function hashPassword(password: string, options?: PasswordHashOptions): Promise<string> {
  return createPasswordHasher(options).hash(password);
}
