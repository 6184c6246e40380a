/**
 * What must survive a restart of the CTI server:
 * - `agent_presence`: each signed-in agent's live workflow state (pause and its reason,
 *   the queues they chose, wrap-up end, pause after call), one row per agent, so a
 *   restart restores it exactly instead of resetting everyone to Ready;
 * - `spool_applied`: the idempotency keys of archive batches, written in the same
 *   transaction as the rows, so a batch replayed from the disk spool never lands twice.
 */
import type { Kysely, Migration } from 'kysely';

export const agentPresenceAndSpool: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_presence')
      .addColumn('agent_id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('workstation_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('since', 'bigint', (c) => c.notNull())
      .addColumn('wrapup_ends_at', 'bigint')
      .addColumn('pause_after_call', 'text')
      .addColumn('queues', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('spool_applied')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('spool_applied_at_idx').on('spool_applied').column('at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('spool_applied').ifExists().execute();
    await db.schema.dropTable('agent_presence').ifExists().execute();
  },
};
