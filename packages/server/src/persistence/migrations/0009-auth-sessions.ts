/**
 * Login sessions as rows of their own, so that "signed out" is a recorded fact rather than "no
 * live refresh token left" (which is also true for a moment during rotation). Existing token
 * families become sessions, live when one of their tokens still is. `users.tokens_valid_after`
 * is the per-user stamp a password change sets: access tokens issued before it stop working.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const authSessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('auth_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('auth_sessions_user_idx').on('auth_sessions').column('user_id').execute();
    await sql`
      insert into auth_sessions (id, user_id, created_at, revoked_at)
      select coalesce(session_id, id), min(user_id), min(created_at),
             case when sum(case when revoked_at is null then 1 else 0 end) > 0 then null else max(revoked_at) end
      from refresh_tokens
      group by coalesce(session_id, id)
    `.execute(db);
    await db.schema.alterTable('users').addColumn('tokens_valid_after', 'bigint').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('users').dropColumn('tokens_valid_after').execute();
    await db.schema.dropTable('auth_sessions').ifExists().execute();
  },
};
