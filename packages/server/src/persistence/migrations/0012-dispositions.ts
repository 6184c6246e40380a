/**
 * Dispositions: the codes an agent picks in wrap-up, configured per queue (with whether one is
 * required before Ready); the code and the agent's notes on the call record; and the call whose
 * disposition an agent still owes, kept with her presence so a restart keeps Ready refused.
 */
import type { Kysely, Migration } from 'kysely';

export const dispositions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('queue_dispositions')
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON array of { code, label }, in the order the desk lists them.
      .addColumn('codes', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('queue_dispositions_pk', ['pbx', 'queue'])
      .execute();
    await db.schema.alterTable('call_records').addColumn('disposition', 'text').execute();
    await db.schema.alterTable('call_records').addColumn('notes', 'text').execute();
    await db.schema.createIndex('call_records_disposition').on('call_records').columns(['disposition', 'started_at']).execute();
    await db.schema.alterTable('agent_presence').addColumn('disposition_due', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('agent_presence').dropColumn('disposition_due').execute();
    await db.schema.dropIndex('call_records_disposition').execute();
    await db.schema.alterTable('call_records').dropColumn('notes').execute();
    await db.schema.alterTable('call_records').dropColumn('disposition').execute();
    await db.schema.dropTable('queue_dispositions').execute();
  },
};
