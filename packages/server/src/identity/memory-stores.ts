import type {
  ApiKeyRecord,
  ApiKeyStore,
  RefreshTokenRecord,
  RefreshTokenStore,
  UserRecord,
  UserStore,
} from './ports.ts';

/**
 * In-memory stores for tests and the demo mode. They keep the contract of the database stores
 * exactly (test/identity/refresh-token-store-contract.test.ts runs both).
 */

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
    async setTokensValidAfter(userId, at) {
      const user = byId.get(userId);
      if (user) byId.set(userId, { ...user, tokensValidAfter: at });
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
  /** Session id → its user and when it was revoked (null while live). */
  const sessions = new Map<string, { userId: string; revokedAt: number | null }>();
  const revokeTokens = (sessionId: string, at: number) => {
    for (const record of tokens.values()) if (record.sessionId === sessionId) record.revokedAt ??= at;
  };
  return {
    async openSession(sessionId, userId) {
      if (!sessions.has(sessionId)) sessions.set(sessionId, { userId, revokedAt: null });
    },
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
      const session = sessions.get(sessionId);
      if (session) session.revokedAt ??= at;
      revokeTokens(sessionId, at);
    },
    async revokeUser(userId, at) {
      for (const [id, session] of sessions) {
        if (session.userId !== userId) continue;
        session.revokedAt ??= at;
        revokeTokens(id, at);
      }
      for (const record of tokens.values()) if (record.userId === userId) record.revokedAt ??= at;
    },
    async isSessionRevoked(sessionId) {
      const session = sessions.get(sessionId);
      return session === undefined || session.revokedAt !== null;
    },
  };
}

export function createMemoryApiKeyStore(initial: ApiKeyRecord[] = []) {
  const byHash = new Map(initial.map((k) => [k.hash, k]));
  const store: ApiKeyStore & { put(key: ApiKeyRecord): void; remove(id: string): void } = {
    async findByHash(hash) {
      return byHash.get(hash);
    },
    async findById(id) {
      for (const key of byHash.values()) if (key.id === id) return key;
      return undefined;
    },
    put(key) {
      for (const [hash, existing] of byHash) if (existing.id === key.id) byHash.delete(hash);
      byHash.set(key.hash, key);
    },
    remove(id) {
      for (const [hash, existing] of byHash) if (existing.id === id) byHash.delete(hash);
    },
  };
  return store;
}
