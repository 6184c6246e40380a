/** Refresh tokens belong to a login session (a token family): rotation keeps it, logout revokes it. */
import type { Kysely, Migration } from 'kysely';

export const tokenSessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('refresh_tokens').addColumn('session_id', 'text').execute();
    await db.schema.createIndex('refresh_tokens_session_idx').on('refresh_tokens').column('session_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('refresh_tokens_session_idx').ifExists().execute();
    await db.schema.alterTable('refresh_tokens').dropColumn('session_id').execute();
  },
};
