/**
 * Every RefreshTokenStore keeps the same contract: the in-memory one (tests, demo) and the
 * database one on SQLite and PostgreSQL. Rotation never ends a session; only revocation does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityStores } from '../../src/app/identity-stores.ts';
import { createMemoryRefreshTokenStore } from '../../src/identity/memory-stores.ts';
import type { RefreshTokenRecord, RefreshTokenStore } from '../../src/identity/ports.ts';
import { type TestDatabase, openTestDatabase } from '../persistence/test-database.ts';

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const stores: Record<string, () => Promise<RefreshTokenStore>> = {
  memory: async () => createMemoryRefreshTokenStore(),
  sqlite: () => databaseStore('sqlite'),
  postgres: () => databaseStore('postgres'),
};

async function databaseStore(dialect: 'sqlite' | 'postgres'): Promise<RefreshTokenStore> {
  const t = await openTestDatabase(dialect);
  opened.push(t);
  for (const id of ['u1', 'u2']) await t.repos.users.create({ id, username: id, displayName: id, role: 'agent' });
  return createIdentityStores(t.handle.db, t.repos, (err) => {
    throw err;
  }).refreshTokens;
}

const token = (hash: string, userId: string, sessionId: string): RefreshTokenRecord => ({
  hash,
  userId,
  sessionId,
  issuedAt: 1_000,
  expiresAt: 1_000_000,
  revokedAt: null,
});

describe.each(Object.keys(stores))('the %s refresh-token store', (name) => {
  it('keeps a session live while its tokens rotate, and ends it only on revocation', async () => {
    const store = await stores[name]!();
    await store.openSession('s1', 'u1', 1_000);
    await store.insert(token('h1', 'u1', 's1'));
    expect(await store.isSessionRevoked('s1')).toBe(false);

    // Rotation: the old token is used up before the new one exists; the session stays live.
    expect(await store.revoke('h1', 2_000)).toBe(true);
    expect(await store.isSessionRevoked('s1')).toBe(false);
    expect(await store.revoke('h1', 2_001)).toBe(false);
    await store.insert(token('h2', 'u1', 's1'));

    await store.revokeSession('s1', 3_000);
    expect(await store.isSessionRevoked('s1')).toBe(true);
    expect((await store.findByHash('h2'))?.revokedAt).toBe(3_000);
  });

  it('counts a session that was never opened as revoked', async () => {
    const store = await stores[name]!();
    expect(await store.isSessionRevoked('nobody-opened-this')).toBe(true);
  });

  it('revokes every session of one user and none of another', async () => {
    const store = await stores[name]!();
    await store.openSession('a', 'u1', 1_000);
    await store.openSession('b', 'u1', 1_000);
    await store.openSession('c', 'u2', 1_000);
    await store.insert(token('ha', 'u1', 'a'));
    await store.revokeUser('u1', 5_000);
    expect(await store.isSessionRevoked('a')).toBe(true);
    expect(await store.isSessionRevoked('b')).toBe(true);
    expect(await store.isSessionRevoked('c')).toBe(false);
    expect((await store.findByHash('ha'))?.revokedAt).toBe(5_000);
  });
});
