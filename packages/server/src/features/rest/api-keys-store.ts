/**
 * `/api/api-keys`: keys for integrations (CRM connectors, timesheet apps). A key signs in as an
 * integration user and sees what that user's scopes allow (agents, extensions, queues). Issuing a
 * key without naming a user creates a dedicated integration user for it; deleting the key deletes
 * that user again. The key itself is returned once, at creation; only its SHA-256 is stored.
 */
import { randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '@amiable/protocol';
import type { Kysely } from 'kysely';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import { generateApiKey } from '../../identity/secrets.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Database } from '../../persistence/schema.ts';
import type { ApiKeyCreateBody, ApiKeyEntity, ApiKeyUpdateBody } from './directory-schemas.ts';
import { iso, isoOrNull, mapLimited, pageOf } from './paging.ts';
import { guarded, invalid } from './store-errors.ts';
import type { UserLinks } from './user-links.ts';

export interface ApiKeysStoreDeps {
  repos: Repositories;
  db: Kysely<Database>;
  links: UserLinks;
  now: () => number;
}

/** Characters of the key stored in clear to tell keys apart (`amk_` and 12 random ones). */
export const API_KEY_PREFIX_LENGTH = 16;

/** The scope of an integration user, as API keys carry it. */
export async function scopeOfUser(repos: Repositories, userId: string): Promise<ApiKeyScope> {
  const scopes = await repos.userScopes.list(userId);
  const values = (kind: string) => [...new Set(scopes.filter((s) => s.kind === kind).map((s) => s.value))];
  return { agents: values('agent'), extensions: values('extension'), queues: values('queue') };
}

export function createApiKeysStore(deps: ApiKeysStoreDeps): CrudStore<ApiKeyEntity, ApiKeyCreateBody, ApiKeyUpdateBody> {
  const { repos, db, links } = deps;

  const rows = () =>
    db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select(['api_keys.id', 'api_keys.user_id', 'api_keys.name', 'api_keys.created_at', 'api_keys.revoked_at'])
      .select(['api_keys.last_used_at', 'users.disabled as user_disabled'])
      .orderBy('api_keys.created_at')
      .orderBy('api_keys.id');
  type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];
  const toDto = async (row: Row): Promise<ApiKeyEntity> => ({
    id: row.id,
    name: row.name,
    userId: row.user_id,
    scope: await scopeOfUser(repos, row.user_id),
    disabled: row.revoked_at !== null || Boolean(row.user_disabled),
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
  });
  const find = async (id: string) => rows().where('api_keys.id', '=', id).executeTakeFirst();

  const ownerFor = async (input: ApiKeyCreateBody): Promise<string> => {
    if (input.userId) {
      const user = await repos.users.get(input.userId);
      if (!user) throw invalid('/body/userId', `There is no user ${input.userId}`);
      if (user.role !== 'integration') throw invalid('/body/userId', 'API keys are issued to integration users only');
      return user.id;
    }
    const slug = input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
    const username = `apikey-${slug ? `${slug}-` : ''}${randomBytes(3).toString('hex')}`;
    const user = await guarded(() =>
      repos.users.create({ username, displayName: input.name, role: 'integration', passwordHash: null }),
    );
    return user.id;
  };

  return {
    async list(query) {
      const page = pageOf(await rows().execute(), query);
      return { items: await mapLimited(page.items, 8, toDto), total: page.total };
    },
    async get(id) {
      const row = await find(id);
      return row && toDto(row);
    },
    async create(input) {
      const userId = await ownerFor(input);
      await guarded(() => links.replaceScopes(userId, { agent: input.scope.agents, extension: input.scope.extensions, queue: input.scope.queues }));
      const { key, hash } = generateApiKey();
      const record = await guarded(() =>
        repos.apiKeys.create({ userId, name: input.name, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash }),
      );
      const row = await find(record.id);
      return { ...(await toDto(row as Row)), key };
    },
    async update(id, patch) {
      const row = await find(id);
      if (!row) return undefined;
      if (patch.scope) {
        const { agents, extensions, queues } = patch.scope;
        await guarded(() => links.replaceScopes(row.user_id, { agent: agents, extension: extensions, queue: queues }));
      }
      const set = {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.disabled === undefined ? {} : { revoked_at: patch.disabled ? (row.revoked_at ?? deps.now()) : null }),
      };
      if (Object.keys(set).length > 0) await db.updateTable('api_keys').set(set).where('id', '=', id).execute();
      return toDto((await find(id)) as Row);
    },
    async remove(id) {
      const row = await find(id);
      if (!row) return false;
      await db.deleteFrom('api_keys').where('id', '=', id).execute();
      await removeDedicatedOwner(repos, db, row.user_id);
      return true;
    },
  };
}

/** Deletes an integration user that only existed for its keys (no password, no key left). */
async function removeDedicatedOwner(repos: Repositories, db: Kysely<Database>, userId: string): Promise<void> {
  const user = await repos.users.get(userId);
  if (user?.role !== 'integration') return;
  const credentials = await repos.users.getCredentials(user.username);
  if (credentials?.passwordHash) return;
  const left = await db.selectFrom('api_keys').select('id').where('user_id', '=', userId).executeTakeFirst();
  if (!left) await repos.users.remove(userId);
}
