import type {
  ApiKeyRecord,
  ApiKeyStore,
  RefreshTokenRecord,
  RefreshTokenStore,
  UserRecord,
  UserStore,
} from './ports.ts';

/** In-memory stores for tests and the demo mode. */

export function createMemoryUserStore(initial: UserRecord[] = []) {
  const byId = new Map(initial.map((u) => [u.id, u]));
  const store: UserStore & { put(user: UserRecord): void; all(): UserRecord[] } = {
    async findByUsername(username) {
      const wanted = username.toLowerCase();
      for (const user of byId.values()) if (user.username.toLowerCase() === wanted) return user;
      return undefined;
    },
    async findById(id) {
      return byId.get(id);
    },
    put(user) {
      byId.set(user.id, user);
    },
    all() {
      return [...byId.values()];
    },
  };
  return store;
}

export function createMemoryRefreshTokenStore(): RefreshTokenStore {
  const tokens = new Map<string, RefreshTokenRecord>();
  const revokedSessions = new Set<string>();
  return {
    async insert(record) {
      tokens.set(record.hash, { ...record });
    },
    async findByHash(hash) {
      const record = tokens.get(hash);
      return record ? { ...record } : undefined;
    },
    async revoke(hash, at) {
      const record = tokens.get(hash);
      if (!record || record.revokedAt !== null) return false;
      record.revokedAt = at;
      return true;
    },
    async revokeSession(sessionId, at) {
      revokedSessions.add(sessionId);
      for (const record of tokens.values()) if (record.sessionId === sessionId) record.revokedAt ??= at;
    },
    async revokeUser(userId, at) {
      for (const record of tokens.values()) {
        if (record.userId !== userId) continue;
        record.revokedAt ??= at;
        revokedSessions.add(record.sessionId);
      }
    },
    async isSessionRevoked(sessionId) {
      return revokedSessions.has(sessionId);
    },
  };
}

export function createMemoryApiKeyStore(initial: ApiKeyRecord[] = []) {
  const byHash = new Map(initial.map((k) => [k.hash, k]));
  const store: ApiKeyStore & { put(key: ApiKeyRecord): void } = {
    async findByHash(hash) {
      return byHash.get(hash);
    },
    put(key) {
      byHash.set(key.hash, key);
    },
  };
  return store;
}
