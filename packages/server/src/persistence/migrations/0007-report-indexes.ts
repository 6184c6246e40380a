/**
 * Covering indexes for the report aggregations over call_records. The queue
 * summary reads (queue, pbx, started_at, outcome, durations) in GROUP BY order
 * without touching the table; the agent summary likewise per answering agent.
 * They replace the narrower (queue, started_at) and (answered_agent_id,
 * started_at) indexes, which they extend. Call records are written once per
 * call, so the wider indexes cost little on insert.
 *
 * On SQLite only, an index on the quarter-hour of the start time lets the
 * call-volume histograms group in index order: SQLite has no hash aggregate and
 * would otherwise sort every call in the range (PostgreSQL hashes instead).
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlDialect } from '../database.ts';

export const reportIndexes = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('call_records_queue_idx').ifExists().execute();
    await db.schema.dropIndex('call_records_agent_idx').ifExists().execute();
    await db.schema
      .createIndex('call_records_queue_report_idx')
      .on('call_records')
      .columns(['queue', 'pbx', 'started_at', 'outcome', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'wrapup_seconds'])
      .execute();
    await db.schema
      .createIndex('call_records_agent_report_idx')
      .on('call_records')
      .columns(['answered_agent_id', 'started_at', 'outcome', 'talk_seconds', 'hold_seconds', 'wrapup_seconds', 'ring_seconds', 'transferred'])
      .execute();
    if (dialect === 'sqlite') {
      // The expression must stay byte-for-byte what reports/calls-by-time.ts groups by.
      await sql`create index call_records_quarter_idx on call_records
        ((started_at / 900000), started_at, outcome, wait_seconds, pbx, queue)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('call_records_quarter_idx').ifExists().execute();
    await db.schema.dropIndex('call_records_agent_report_idx').ifExists().execute();
    await db.schema.dropIndex('call_records_queue_report_idx').ifExists().execute();
    await db.schema.createIndex('call_records_queue_idx').on('call_records').columns(['queue', 'started_at']).execute();
    await db.schema.createIndex('call_records_agent_idx').on('call_records').columns(['answered_agent_id', 'started_at']).execute();
  },
});
