import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyRecord, ApiKeyStore, RefreshTokenStore, UserRecord, UserStore } from '../identity/ports.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { ApiKeysTable, Database } from '../persistence/schema.ts';

/** Identity's storage ports over the database: users with their scopes, refresh-token families, API keys. */
export function createIdentityStores(
  db: Kysely<Database>,
  repos: Repositories,
  onError: (err: unknown, message: string) => void,
): {
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  apiKeys: ApiKeyStore;
} {
  const toRecord = async (username: string): Promise<UserRecord | undefined> => {
    const cred = await repos.users.getCredentials(username);
    if (!cred || cred.passwordHash === null) return undefined;
    const { user } = cred;
    const [visibility, profile] = await Promise.all([repos.userScopes.expand(user.id), repos.agents.get(user.id)]);
    const extensions = new Set(visibility.extensions.map((e) => e.extension));
    if (profile?.defaultExtension) extensions.add(profile.defaultExtension);
    const queues = new Set(visibility.queues.map((q) => q.queue));
    const skillQueues = profile ? await repos.skills.queuesForAgent(user.id) : [];
    for (const q of skillQueues) queues.add(q.queue);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabled,
      passwordHash: cred.passwordHash,
      agentId: profile ? user.id : null,
      extensions: [...extensions],
      queues: [...queues],
      agents: visibility.agents,
      teams: visibility.teams,
      watch: {
        // An agent's extension scopes are the desks they may use, not what they watch: they
        // see the desk they sit at now (the router asks the agent workflow).
        extensions: user.role === 'agent' ? [] : visibility.extensions.map((e) => ({ pbx: e.pbx, value: e.extension })),
        queues: [
          ...visibility.queues.map((q) => ({ pbx: q.pbx, value: q.queue })),
          ...skillQueues.map((q) => ({ pbx: q.pbx, value: q.queue })),
        ],
      },
      tokensValidAfter: cred.tokensValidAfter,
    };
  };

  const users: UserStore = {
    findByUsername: (username) => toRecord(username.toLowerCase()),
    async findById(id) {
      const user = await repos.users.get(id);
      return user ? toRecord(user.username) : undefined;
    },
    setTokensValidAfter: (userId, at) => repos.users.setTokensValidAfter(userId, at),
  };

  const refreshTokens: RefreshTokenStore = {
    async openSession(sessionId, userId, at) {
      await db.insertInto('auth_sessions').values({ id: sessionId, user_id: userId, created_at: at, revoked_at: null }).execute();
    },
    async insert(r) {
      await db
        .insertInto('refresh_tokens')
        .values({
          id: randomUUID(),
          user_id: r.userId,
          hash: r.hash,
          created_at: r.issuedAt,
          expires_at: r.expiresAt,
          revoked_at: r.revokedAt,
          replaced_by: null,
          session_id: r.sessionId,
        })
        .execute();
    },
    async findByHash(hash) {
      const row = await db.selectFrom('refresh_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
      if (!row) return undefined;
      return {
        hash: row.hash,
        userId: row.user_id,
        sessionId: row.session_id ?? row.id,
        issuedAt: Number(row.created_at),
        expiresAt: Number(row.expires_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
      };
    },
    async revoke(hash, at) {
      const r = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revokeSession(sessionId, at) {
      await db.updateTable('auth_sessions').set({ revoked_at: at }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
      await db.updateTable('refresh_tokens').set({ revoked_at: at }).where('session_id', '=', sessionId).where('revoked_at', 'is', null).execute();
    },
    async revokeUser(userId, at) {
      await db.updateTable('auth_sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
      await db.updateTable('refresh_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    },
    async isSessionRevoked(sessionId) {
      const row = await db.selectFrom('auth_sessions').select('revoked_at').where('id', '=', sessionId).executeTakeFirst();
      return row === undefined || row.revoked_at !== null;
    },
  };

  const toApiKey = async (row: Selectable<ApiKeysTable>): Promise<ApiKeyRecord> => {
    const user = await repos.users.get(row.user_id);
    const visibility = await repos.userScopes.expand(row.user_id);
    return {
      id: row.id,
      userId: row.user_id,
      name: row.name,
      hash: row.hash,
      disabled: row.revoked_at !== null || !user || user.disabled,
      scope: {
        agents: visibility.agents,
        extensions: visibility.extensions.map((e) => e.extension),
        queues: visibility.queues.map((q) => q.queue),
      },
      watch: {
        extensions: visibility.extensions.map((e) => ({ pbx: e.pbx, value: e.extension })),
        queues: visibility.queues.map((q) => ({ pbx: q.pbx, value: q.queue })),
      },
    };
  };
  const apiKeys: ApiKeyStore = {
    async findByHash(hash) {
      const row = await db.selectFrom('api_keys').selectAll().where('hash', '=', hash).executeTakeFirst();
      if (!row) return undefined;
      void repos.apiKeys.touch(row.id).catch((err) => onError(err, 'API key last-use stamp failed'));
      return toApiKey(row);
    },
    async findById(id) {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toApiKey(row);
    },
  };

  return { users, refreshTokens, apiKeys };
}
