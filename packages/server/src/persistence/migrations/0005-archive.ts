/**
 * Append-only logs: the AMI and CTI event archive, the audit log, plus the
 * key/value settings table. Logs use a 64-bit auto-increment id so that rows
 * have a stable, monotonic order (resume from the archive reads by id).
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.ts';

function logTable(db: Kysely<unknown>, dialect: SqlDialect, name: string) {
  const table = db.schema.createTable(name);
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Time index of an archive table. Rows arrive in time order, so on PostgreSQL a
 * BRIN index serves range scans (retention, time queries) at a fraction of a
 * B-tree's cost on every insert. SQLite has no BRIN; its B-tree is cheap enough.
 */
async function timeIndex(db: Kysely<unknown>, dialect: SqlDialect, name: string, table: string, column: string) {
  const index = db.schema.createIndex(name).on(table).column(column);
  await (dialect === 'postgres' ? index.using('brin') : index).execute();
}

export function archive(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await logTable(db, dialect, 'ami_events')
        .addColumn('pbx', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('linkedid', 'text')
        .addColumn('uniqueid', 'text')
        .addColumn('fields', 'text', (c) => c.notNull())
        .execute();
      await timeIndex(db, dialect, 'ami_events_received_idx', 'ami_events', 'received_at');
      await db.schema.createIndex('ami_events_linkedid_idx').on('ami_events').column('linkedid').execute();

      await logTable(db, dialect, 'cti_events')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('pbx', 'text')
        .addColumn('agent', 'text')
        .addColumn('extension', 'text')
        .addColumn('queue', 'text')
        .addColumn('tenant', 'text')
        .addColumn('seq', 'bigint')
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await timeIndex(db, dialect, 'cti_events_at_idx', 'cti_events', 'at');

      await logTable(db, dialect, 'audit_log')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('username', 'text')
        .addColumn('role', 'text')
        .addColumn('ip', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('args', 'text')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['settings', 'audit_log', 'cti_events', 'ami_events']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
