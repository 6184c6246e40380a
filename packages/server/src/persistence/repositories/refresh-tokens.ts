/**
 * Refresh tokens. Only a hash of the token is stored. Tokens of one login
 * share a `sessionId` (the token family): rotation revokes the old token with
 * `replacedBy` pointing at the new one, so reuse of a rotated token can be
 * detected and the whole session revoked.
 */
import type { Selectable } from 'kysely';
import type { RefreshTokensTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, guardUnique, newId } from './common.ts';

export interface RefreshToken {
  id: string;
  userId: string;
  hash: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  replacedBy: string | null;
  /** Login session (token family); a token created without one is its own session. */
  sessionId: string;
}

export interface RefreshTokensRepository {
  create(input: { userId: string; hash: string; expiresAt: number; sessionId?: string }): Promise<RefreshToken>;
  findByHash(hash: string): Promise<RefreshToken | undefined>;
  revoke(id: string, replacedBy?: string): Promise<boolean>;
  revokeAllForUser(userId: string): Promise<number>;
  /** Revokes every live token of a login session; returns how many. */
  revokeSession(sessionId: string): Promise<number>;
  /** Deletes tokens that expired before `before`; returns how many. */
  pruneExpired(before: number): Promise<number>;
}

function toToken(row: Selectable<RefreshTokensTable>): RefreshToken {
  return {
    id: row.id,
    userId: row.user_id,
    hash: row.hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    replacedBy: row.replaced_by,
    sessionId: row.session_id ?? row.id,
  };
}

export function createRefreshTokensRepository(deps: RepositoryDeps): RefreshTokensRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async create(input) {
      const id = newId();
      const row = {
        id,
        user_id: input.userId,
        hash: input.hash,
        created_at: now(),
        expires_at: input.expiresAt,
        revoked_at: null,
        replaced_by: null,
        session_id: input.sessionId ?? id,
      };
      await guardUnique('refresh token', 'hash', '(hidden)', () => db.insertInto('refresh_tokens').values(row).execute());
      return toToken(row);
    },
    async findByHash(hash) {
      const row = await db.selectFrom('refresh_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
      return row && toToken(row);
    },
    async revoke(id, replacedBy) {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: now(), replaced_by: replacedBy ?? null })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revokeAllForUser(userId) {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: now() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async revokeSession(sessionId) {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: now() })
        .where('session_id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async pruneExpired(before) {
      const result = await db.deleteFrom('refresh_tokens').where('expires_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
