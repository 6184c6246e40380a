/** Agent timesheet (sessions and state intervals) and one record per call. */
import type { Kysely, Migration } from 'kysely';

export const activity: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('workstation_id', 'text')
      .addColumn('signed_in_at', 'bigint', (c) => c.notNull())
      .addColumn('signed_out_at', 'bigint')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('agent_sessions_agent_idx').on('agent_sessions').columns(['agent_id', 'signed_in_at']).execute();
    await db.schema.createIndex('agent_sessions_in_idx').on('agent_sessions').column('signed_in_at').execute();

    await db.schema
      .createTable('agent_state_intervals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('queue', 'text')
      .addColumn('from_at', 'bigint', (c) => c.notNull())
      .addColumn('to_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('agent_state_intervals_agent_idx')
      .on('agent_state_intervals')
      .columns(['agent_id', 'from_at'])
      .execute();
    await db.schema.createIndex('agent_state_intervals_from_idx').on('agent_state_intervals').column('from_at').execute();

    await db.schema
      .createTable('call_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('linkedid', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('queue', 'text')
      .addColumn('caller_number', 'text')
      .addColumn('caller_name', 'text')
      .addColumn('called_number', 'text')
      .addColumn('customer_id', 'text')
      .addColumn('language', 'text')
      .addColumn('agents_offered', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('answered_by', 'text')
      .addColumn('answered_agent_id', 'text')
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('wait_seconds', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('ring_seconds', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('talk_seconds', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('hold_seconds', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('wrapup_seconds', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('transferred', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('transfers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('hangup_by', 'text')
      .addColumn('hangup_cause', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('call_records_linkedid_uq', ['pbx', 'linkedid'])
      .execute();
    // Report and call-log access paths: by time, by queue over time, by agent over time.
    await db.schema.createIndex('call_records_started_idx').on('call_records').columns(['started_at', 'id']).execute();
    await db.schema.createIndex('call_records_queue_idx').on('call_records').columns(['queue', 'started_at']).execute();
    await db.schema
      .createIndex('call_records_agent_idx')
      .on('call_records')
      .columns(['answered_agent_id', 'started_at'])
      .execute();
    await db.schema.createIndex('call_records_customer_idx').on('call_records').column('customer_id').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['call_records', 'agent_state_intervals', 'agent_sessions']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
