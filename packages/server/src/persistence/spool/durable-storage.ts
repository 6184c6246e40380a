/**
 * Durable storage: the archive, call-record, timesheet and presence writers'
 * route to the database, through the disk spool whenever the database is away.
 * One DurableLane per spool lane; `health()` and `stats()` report the backlog.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { ArchiveItem, BatchInserter } from '../archive/archive-insert.ts';
import { createBatchInserter } from '../archive/archive-insert.ts';
import type { SqlDialect } from '../database.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Database } from '../schema.ts';
import { DurableLane, type DurableLaneLog } from './durable-lane.ts';
import { createRecordApplier, type DurableRecord } from './records.ts';
import { Spool, type SpoolStats } from './spool.ts';

export interface ArchiveSpoolRecord {
  /** Idempotency key, recorded in spool_applied with the rows. */
  k: string;
  items: ArchiveItem[];
}

export interface StorageHealth {
  status: 'ok' | 'spooling';
  /** Records waiting in the spool (an archive record is one batch of rows). */
  backlog: number;
  backlogBytes: number;
  maxBytes: number;
  dropped: { ami: number; cti: number; records: number };
}

export interface DurableStorageDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
  sqlite?: SQLite.Database | undefined;
  repos: Pick<Repositories, 'callRecords' | 'timesheet' | 'agentPresence'>;
  dir: string;
  maxBytes: number;
  log: DurableLaneLog;
  backoffMs?: { min: number; max: number };
}

export interface DurableStorage {
  /** The archive writer's batch inserter: never fails while the spool can write. */
  archiveInserter: BatchInserter;
  /** Call records, timesheet rows and presence, in order. */
  record(record: DurableRecord): Promise<void>;
  /** Waits until nothing is spooled (false after `timeoutMs`). */
  drained(timeoutMs: number): Promise<boolean>;
  /** Waits until no call record, timesheet row or presence write is spooled. */
  recordsDrained(timeoutMs: number): Promise<boolean>;
  /** Retry the database now. */
  poke(): void;
  health(): StorageHealth;
  stats(): SpoolStats & { lanes: Record<string, ReturnType<DurableLane<unknown>['stats']>> };
  /** Deletes idempotency keys no spooled record can still need. */
  pruneKeys(olderThanMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createDurableStorage(deps: DurableStorageDeps): DurableStorage {
  const { log } = deps;
  let lastOverBudget = 0;
  const spool = new Spool({
    dir: deps.dir,
    maxBytes: deps.maxBytes,
    onDrop: (info) =>
      log.error(
        { ...info },
        `SPOOL FULL: dropped the oldest ${info.records} ${info.lane === 'ami' ? 'raw AMI' : 'CTI'} archive records to make room`,
      ),
    onOverBudget: (info) => {
      if (Date.now() - lastOverBudget < 60_000) return;
      lastOverBudget = Date.now();
      log.error({ ...info }, 'SPOOL FULL: only call records and timesheet rows are left; they are kept over the budget');
    },
  });
  const insert = createBatchInserter({ db: deps.db, ...(deps.dialect ? { dialect: deps.dialect } : {}), ...(deps.sqlite ? { sqlite: deps.sqlite } : {}) });
  // A write probe: an UPDATE of no row still needs a writable, reachable database.
  const probe = async () => {
    try {
      await sql`UPDATE spool_applied SET at = at WHERE key = ''`.execute(deps.db);
      return true;
    } catch {
      return false;
    }
  };
  const common = { spool, probe, log, ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}) };
  const archiveApply = (r: ArchiveSpoolRecord) => insert(r.items, r.k);
  const ami = new DurableLane<ArchiveSpoolRecord>({ ...common, name: 'ami', apply: archiveApply });
  const cti = new DurableLane<ArchiveSpoolRecord>({ ...common, name: 'cti', apply: archiveApply });
  const records = new DurableLane<DurableRecord>({ ...common, name: 'records', apply: createRecordApplier(deps.repos) });
  const lanes = { ami, cti, records };

  return {
    async archiveInserter(batch) {
      const a: ArchiveItem[] = [];
      const c: ArchiveItem[] = [];
      for (const item of batch) (item.kind === 'ami' ? a : c).push(item);
      const key = randomUUID();
      await Promise.all([
        a.length > 0 ? ami.submit({ k: `${key}:a`, items: a }) : undefined,
        c.length > 0 ? cti.submit({ k: `${key}:c`, items: c }) : undefined,
      ]);
    },
    record: (r) => records.submit(r),
    async drained(timeoutMs) {
      const results = await Promise.all([ami.drained(timeoutMs), cti.drained(timeoutMs), records.drained(timeoutMs)]);
      return results.every(Boolean);
    },
    recordsDrained: (timeoutMs) => records.drained(timeoutMs),
    poke() {
      for (const lane of Object.values(lanes)) lane.poke();
    },
    health() {
      const s = spool.stats();
      const spooling = Object.values(lanes).some((l) => l.mode === 'spooling');
      return {
        status: spooling ? 'spooling' : 'ok',
        backlog: s.records.ami + s.records.cti + s.records.records,
        backlogBytes: s.bytes,
        maxBytes: s.maxBytes,
        dropped: s.dropped,
      };
    },
    stats() {
      return { ...spool.stats(), lanes: { ami: ami.stats(), cti: cti.stats(), records: records.stats() } };
    },
    async pruneKeys(olderThanMs) {
      // Keys of batches still spooled must stay; when nothing is spooled only recent keys are kept.
      if (Object.values(lanes).some((l) => l.mode === 'spooling')) return;
      await deps.db.deleteFrom('spool_applied').where('at', '<', Date.now() - olderThanMs).execute();
    },
    async close() {
      await Promise.all([ami.close(), cti.close(), records.close()]);
      spool.close();
    },
  };
}
