/**
 * API keys for integrations. Only a hash is stored; the `prefix` (the public,
 * non-secret start of the key) finds the row, then the caller verifies the hash.
 */
import type { Selectable } from 'kysely';
import type { ApiKeysTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, guardUnique, newId } from './common.ts';

export interface ApiKey {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  hash: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface NewApiKey {
  userId: string;
  name: string;
  prefix: string;
  hash: string;
}

export interface ApiKeysRepository {
  create(input: NewApiKey): Promise<ApiKey>;
  get(id: string): Promise<ApiKey | undefined>;
  /** The key with this prefix, revoked or not (check `revokedAt`). */
  findByPrefix(prefix: string): Promise<ApiKey | undefined>;
  listForUser(userId: string): Promise<ApiKey[]>;
  revoke(id: string): Promise<boolean>;
  /** Records a successful use. */
  touch(id: string, at?: number): Promise<void>;
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export function createApiKeysRepository(deps: RepositoryDeps): ApiKeysRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async create(input) {
      const row = {
        id: newId(),
        user_id: input.userId,
        name: input.name,
        prefix: input.prefix,
        hash: input.hash,
        created_at: now(),
        revoked_at: null,
        last_used_at: null,
      };
      await guardUnique('api key', 'prefix', input.prefix, () => db.insertInto('api_keys').values(row).execute());
      return toApiKey(row);
    },
    async get(id) {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toApiKey(row);
    },
    async findByPrefix(prefix) {
      const row = await db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
      return row && toApiKey(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
      return rows.map(toApiKey);
    },
    async revoke(id) {
      const result = await db
        .updateTable('api_keys')
        .set({ revoked_at: now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async touch(id, at = now()) {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}
