/**
 * The identity module's stores (`UserStore`, `ApiKeyStore`) over the repositories, so the users,
 * agents, scopes and API keys managed through these routes are the ones logins and API keys check.
 *
 * A user's reach: the extensions of its agent profile and `extension` scopes; its `queue` scopes
 * plus, for agents, the queues its skills map to; the agents of its `agent` scopes and of the teams
 * it supervises; its teams (supervised and member of).
 */
import type { Kysely } from 'kysely';
import type { ApiKeyRecord, ApiKeyStore, UserRecord, UserStore } from '../../identity/ports.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { User } from '../../persistence/repositories/users.ts';
import type { Database } from '../../persistence/schema.ts';
import { scopeOfUser } from './api-keys-store.ts';
import { unique } from './user-links.ts';

export interface IdentityStoresDeps {
  repos: Repositories;
  db: Kysely<Database>;
  now?: () => number;
  /** `lastUsedAt` of an API key is written at most this often. Default 60 s. */
  touchEveryMs?: number;
}

export function createRepositoryIdentityStores(deps: IdentityStoresDeps): { users: UserStore; apiKeys: ApiKeyStore } {
  const { repos, db } = deps;
  const now = deps.now ?? Date.now;
  const touchEveryMs = deps.touchEveryMs ?? 60_000;

  const record = async (user: User, passwordHash: string | null): Promise<UserRecord> => {
    const [profile, visibility, memberOf] = await Promise.all([
      repos.agents.get(user.id),
      repos.userScopes.expand(user.id),
      repos.teams.teamsOf(user.id),
    ]);
    const skillQueues = profile ? await repos.skills.queuesForAgent(user.id) : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabled,
      passwordHash: passwordHash ?? '',
      agentId: profile ? user.id : null,
      extensions: unique([
        ...(profile?.defaultExtension ? [profile.defaultExtension] : []),
        ...visibility.extensions.map((e) => e.extension),
      ]),
      queues: unique([...visibility.queues.map((q) => q.queue), ...skillQueues.map((q) => q.queue)]),
      agents: visibility.agents.filter((id) => id !== user.id),
      teams: unique([...visibility.teams, ...memberOf.map((t) => t.id)]),
    };
  };

  const users: UserStore = {
    async findByUsername(username) {
      const found = await repos.users.getCredentials(username);
      return found && record(found.user, found.passwordHash);
    },
    async findById(id) {
      const user = await repos.users.get(id);
      if (!user) return undefined;
      const found = await repos.users.getCredentials(user.username);
      return record(user, found?.passwordHash ?? null);
    },
  };

  const apiKeys: ApiKeyStore = {
    async findByHash(hash) {
      const row = await db
        .selectFrom('api_keys')
        .innerJoin('users', 'users.id', 'api_keys.user_id')
        .select(['api_keys.id', 'api_keys.name', 'api_keys.hash', 'api_keys.user_id', 'api_keys.revoked_at', 'api_keys.last_used_at'])
        .select('users.disabled as user_disabled')
        .where('api_keys.hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      if (row.last_used_at === null || at - row.last_used_at >= touchEveryMs) {
        repos.apiKeys.touch(row.id, at).catch(() => undefined);
      }
      const key: ApiKeyRecord = {
        id: row.id,
        name: row.name,
        hash: row.hash,
        disabled: row.revoked_at !== null || Boolean(row.user_disabled),
        scope: await scopeOfUser(repos, row.user_id),
      };
      return key;
    },
  };

  return { users, apiKeys };
}
