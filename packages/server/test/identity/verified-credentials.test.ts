import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/identity/password.ts';
import { createVerifiedCredentials } from '../../src/identity/verified-credentials.ts';

const CHEAP = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('a login storm costs one password check per distinct credential', () => {
  it('runs the real check once for 1,000 concurrent logins with the same password', async () => {
    const cache = createVerifiedCredentials({ ttlMs: 60_000, maxEntries: 100 });
    let checks = 0;
    const check = async () => {
      checks++;
      await new Promise((r) => setTimeout(r, 20));
      return true;
    };
    const results = await Promise.all(Array.from({ length: 1000 }, () => cache.verify('$argon2id$stored', 'secret', check)));
    expect(results.every(Boolean)).toBe(true);
    expect(checks).toBe(1);
    expect(await cache.verify('$argon2id$stored', 'secret', check)).toBe(true);
    expect(checks).toBe(1);
  });

  it('never remembers a wrong password: every guess pays the full check', async () => {
    const cache = createVerifiedCredentials({ ttlMs: 60_000, maxEntries: 100 });
    let checks = 0;
    for (let i = 0; i < 5; i++) {
      const wrong = async () => {
        checks++;
        return false;
      };
      expect(await cache.verify('$argon2id$stored', 'guess', wrong)).toBe(false);
    }
    expect(checks).toBe(5);
    expect(cache.size).toBe(0);
  });

  it('forgets a verified password after its time to live', async () => {
    let now = 1_000;
    const cache = createVerifiedCredentials({ ttlMs: 500, maxEntries: 100, now: () => now });
    let checks = 0;
    const check = async () => {
      checks++;
      return true;
    };
    await cache.verify('h', 'pw', check);
    now += 499;
    await cache.verify('h', 'pw', check);
    expect(checks).toBe(1);
    now += 2;
    await cache.verify('h', 'pw', check);
    expect(checks).toBe(2);
  });

  it('does not accept the old password from the cache once the password was changed', async () => {
    const hasher = createPasswordHasher(CHEAP);
    const before = await hasher.hash('old-password');
    expect(await hasher.verify(before, 'old-password')).toBe(true);
    const after = await hasher.hash('new-password');
    expect(await hasher.verify(after, 'old-password')).toBe(false);
    expect(await hasher.verify(after, 'new-password')).toBe(true);
  });
});

describe('remembered checks follow account changes', () => {
  it('forgets every remembered check when asked (an account was disabled, deleted or re-passworded)', async () => {
    const cache = createVerifiedCredentials({ ttlMs: 60_000, maxEntries: 100 });
    let checks = 0;
    const check = async () => {
      checks++;
      return true;
    };
    await cache.verify('h', 'pw', check);
    cache.clear();
    await cache.verify('h', 'pw', check);
    expect(checks).toBe(2);
  });
});
