/**
 * Writes one archive batch in one transaction, by the fastest route each
 * database offers:
 * - SQLite: two prepared single-row INSERTs run in a better-sqlite3
 *   transaction (microseconds per row; the connection is taken through Kysely
 *   so no other query interleaves);
 * - PostgreSQL: one INSERT ... SELECT FROM unnest($1::text[], ...) per table:
 *   a few array parameters whatever the batch size, the JSON column as one
 *   JSON array (measured faster than multi-row VALUES, plain unnest and
 *   json_to_recordset);
 * - otherwise (no native handle): Kysely multi-row INSERTs in chunks.
 */
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from '../database.ts';
import type { Database } from '../schema.ts';
import type { AmiRow, CtiRow } from './archive-types.ts';

export type ArchiveItem = { kind: 'ami'; row: AmiRow } | { kind: 'cti'; row: CtiRow };
/**
 * Writes a batch in one transaction. With `key`, the key is recorded in
 * `spool_applied` in the same transaction and a batch whose key is already there
 * is skipped: a batch written twice (replayed from the spool after a write whose
 * outcome was unknown) lands once.
 */
export type BatchInserter = (batch: readonly ArchiveItem[], key?: string) => Promise<void>;

/** 9 columns x 1000 rows = 9000 parameters: below SQLite's 32766 and PostgreSQL's 65535. */
const ROWS_PER_STATEMENT = 1000;

function split(batch: readonly ArchiveItem[]): { ami: AmiRow[]; cti: CtiRow[] } {
  const ami: AmiRow[] = [];
  const cti: CtiRow[] = [];
  for (const item of batch) {
    if (item.kind === 'ami') ami.push(item.row);
    else cti.push(item.row);
  }
  return { ami, cti };
}

export function createBatchInserter(deps: { db: Kysely<Database>; dialect?: SqlDialect; sqlite?: SQLite.Database }): BatchInserter {
  const { db } = deps;
  if (deps.sqlite !== undefined) return sqliteInserter(db, deps.sqlite);
  if (deps.dialect === 'postgres') return postgresInserter(db);
  return genericInserter(db);
}

function sqliteInserter(db: Kysely<Database>, native: SQLite.Database): BatchInserter {
  let write: ((batch: readonly ArchiveItem[], key: string | undefined) => void) | undefined;
  const prepare = () => {
    const ami = native.prepare(
      'INSERT INTO ami_events (pbx, received_at, event, linkedid, uniqueid, fields) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const cti = native.prepare(
      'INSERT INTO cti_events (at, type, pbx, agent, extension, queue, tenant, seq, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const mark = native.prepare('INSERT OR IGNORE INTO spool_applied (key, at) VALUES (?, ?)');
    return native.transaction((batch: readonly ArchiveItem[], key: string | undefined) => {
      if (key !== undefined && mark.run(key, Date.now()).changes === 0) return;
      for (const item of batch) {
        const r = item.row;
        if (item.kind === 'ami') {
          const a = r as AmiRow;
          ami.run(a.pbx, a.received_at, a.event, a.linkedid, a.uniqueid, JSON.stringify(a.fields));
        } else {
          const c = r as CtiRow;
          cti.run(c.at, c.type, c.pbx, c.agent, c.extension, c.queue, c.tenant, c.seq, c.payload);
        }
      }
    });
  };
  // Holding Kysely's connection keeps other queries (and open Kysely transactions) out meanwhile.
  return (batch, key) =>
    db.connection().execute(async () => {
      write ??= prepare();
      write(batch, key);
    });
}

function postgresInserter(db: Kysely<Database>): BatchInserter {
  // Short columns travel as arrays (unnest); the bulky JSON column travels as one JSON
  // array whose elements are stored as their text: pg's array encoder would escape
  // every quote of every row in JavaScript, JSON.stringify does it natively.
  return (batch, key) =>
    db.transaction().execute(async (trx) => {
      if (key !== undefined && !(await markApplied(trx, key))) return;
      const { ami, cti } = split(batch);
      const col = <R, K extends keyof R>(rows: R[], key: K) => rows.map((r) => r[key]);
      if (ami.length > 0) {
        const fields = JSON.stringify(ami.map((r) => r.fields));
        await sql`insert into ami_events (pbx, received_at, event, linkedid, uniqueid, fields)
          select a.pbx, a.received_at, a.event, a.linkedid, a.uniqueid, f.value::text
          from unnest(${col(ami, 'pbx')}::text[], ${col(ami, 'received_at')}::bigint[], ${col(ami, 'event')}::text[],
              ${col(ami, 'linkedid')}::text[], ${col(ami, 'uniqueid')}::text[])
            with ordinality as a(pbx, received_at, event, linkedid, uniqueid, i)
          join json_array_elements(${fields}::json) with ordinality as f(value, i) using (i)
          order by i`.execute(trx);
      }
      if (cti.length > 0) {
        const payloads = `[${cti.map((r) => r.payload).join(',')}]`;
        await sql`insert into cti_events (at, type, pbx, agent, extension, queue, tenant, seq, payload)
          select c.at, c.type, c.pbx, c.agent, c.extension, c.queue, c.tenant, c.seq, p.value::text
          from unnest(${col(cti, 'at')}::bigint[], ${col(cti, 'type')}::text[], ${col(cti, 'pbx')}::text[],
              ${col(cti, 'agent')}::text[], ${col(cti, 'extension')}::text[], ${col(cti, 'queue')}::text[],
              ${col(cti, 'tenant')}::text[], ${col(cti, 'seq')}::bigint[])
            with ordinality as c(at, type, pbx, agent, extension, queue, tenant, seq, i)
          join json_array_elements(${payloads}::json) with ordinality as p(value, i) using (i)
          order by i`.execute(trx);
      }
    });
}

function genericInserter(db: Kysely<Database>): BatchInserter {
  return (batch, key) =>
    db.transaction().execute(async (trx) => {
      if (key !== undefined && !(await markApplied(trx, key))) return;
      const { ami, cti } = split(batch);
      for (let i = 0; i < ami.length; i += ROWS_PER_STATEMENT) {
        const rows = ami.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({ ...r, fields: JSON.stringify(r.fields) }));
        await trx.insertInto('ami_events').values(rows).execute();
      }
      for (let i = 0; i < cti.length; i += ROWS_PER_STATEMENT) {
        await trx
          .insertInto('cti_events')
          .values(cti.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
    });
}

/** Records `key` as applied; false when it already was. */
async function markApplied(trx: Kysely<Database>, key: string): Promise<boolean> {
  const result = await trx
    .insertInto('spool_applied')
    .values({ key, at: Date.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
