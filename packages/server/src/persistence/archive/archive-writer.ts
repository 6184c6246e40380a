/**
 * Batched writer for the event archive (ami_events, cti_events), kept off the
 * hot path: append() only pushes onto an in-memory buffer; rows reach the
 * database in multi-row INSERTs, one transaction per batch, every
 * `flushIntervalMs` or as soon as `maxBatchRows` are waiting.
 *
 * The buffer is bounded (`maxBufferedRows`). When it is full the configured
 * overflow policy drops the newest or the oldest row, and every dropped row is
 * counted (stats().dropped). A batch that fails is put back and retried on the
 * next flush; after `maxAttempts` failures it is dropped and counted. Producers
 * that can wait (replays, imports) use `whenBelow()` as backpressure.
 */
import type { AmiMessage } from '@amiable/ami';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { type ArchiveItem, type BatchInserter, createBatchInserter } from './archive-insert.ts';
import type { AmiArchiveInput, ArchiveStats, CtiArchiveInput, DropReason } from './archive-types.ts';

export interface ArchiveWriterOptions {
  /** Flush period in ms; 0 disables the timer (flush() by hand). Default 200. */
  flushIntervalMs?: number;
  /** Rows per transaction, and the size that triggers an early flush. Default 1000. */
  maxBatchRows?: number;
  /** Bound of the in-memory buffer (AMI + CTI rows). Default 100 000. */
  maxBufferedRows?: number;
  /** Which row to drop when the buffer is full. Default 'drop-newest'. */
  overflow?: 'drop-newest' | 'drop-oldest';
  /** Attempts before a failing batch is dropped. Default 3. */
  maxAttempts?: number;
  /** Called on every failed batch write (log it). */
  onError?: (error: unknown, info: { rows: number; attempt: number; dropped: boolean }) => void;
}

export interface ArchiveWriterDeps extends ArchiveWriterOptions {
  db: Kysely<Database>;
  /** Picks the fastest batch insert for the database (see archive-insert.ts). */
  dialect?: SqlDialect;
  /** The native SQLite handle (DatabaseHandle.sqlite), for prepared-statement batches. */
  sqlite?: SQLite.Database;
  /** Writes each batch instead of the built-in inserter (e.g. through the disk spool). */
  insert?: BatchInserter;
}

export interface ArchiveWriter {
  /** Archives an AMI event; responses are skipped. Returns false if the row was dropped. */
  appendAmi(pbx: string, message: AmiMessage): boolean;
  appendAmiRecord(input: AmiArchiveInput): boolean;
  appendCti(event: CtiArchiveInput): boolean;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  /** Resolves once fewer than `rows` rows are buffered (flushing as needed). */
  whenBelow(rows: number): Promise<void>;
  /** Stops the timer and writes what is left; later appends are dropped and counted. */
  close(): Promise<void>;
  stats(): ArchiveStats;
}

type Pending = ArchiveItem;

/**
 * First Linkedid and Uniqueid header (case-insensitive, first wins, as
 * AmiMessage.get) in one pass over the fields, without building the message's
 * lookup index: this runs for every archived event.
 */
function callIds(fields: readonly string[]): { linkedid: string | null; uniqueid: string | null } {
  let linkedid: string | null = null;
  let uniqueid: string | null = null;
  for (let i = 0; i < fields.length; i += 2) {
    const key = fields[i]!;
    if (key.length !== 8) continue;
    if (linkedid === null && (key === 'Linkedid' || key.toLowerCase() === 'linkedid')) linkedid = fields[i + 1] ?? null;
    else if (uniqueid === null && (key === 'Uniqueid' || key.toLowerCase() === 'uniqueid')) uniqueid = fields[i + 1] ?? null;
    if (linkedid !== null && uniqueid !== null) break;
  }
  return { linkedid, uniqueid };
}

export function createArchiveWriter(deps: ArchiveWriterDeps): ArchiveWriter {
  const interval = deps.flushIntervalMs ?? 200;
  const maxBatch = Math.max(1, deps.maxBatchRows ?? 1000);
  const maxBuffered = Math.max(maxBatch, deps.maxBufferedRows ?? 100_000);
  const maxAttempts = Math.max(1, deps.maxAttempts ?? 3);
  const dropOldest = deps.overflow === 'drop-oldest';
  const insert = deps.insert ?? createBatchInserter(deps);

  // A simple array queue with a moving head avoids O(n) shifts.
  let queue: Pending[] = [];
  let head = 0;
  let closed = false;
  let flushing: Promise<void> | undefined;
  let scheduled = false;
  let attempt = 0;
  /** End (exclusive) of the batch being written; those rows must not be dropped. */
  let inflightEnd = 0;
  const stats: ArchiveStats = {
    accepted: 0,
    written: 0,
    dropped: { overflow: 0, failed: 0, closed: 0 },
    skipped: 0,
    batches: 0,
    failedBatches: 0,
    buffered: 0,
    lastError: null,
  };

  const timer = interval > 0 ? setInterval(() => void kick(), interval) : undefined;
  timer?.unref();

  const drop = (reason: DropReason, n = 1) => {
    stats.dropped[reason] += n;
  };

  function push(item: Pending): boolean {
    if (closed) {
      drop('closed');
      return false;
    }
    if (queue.length - head >= maxBuffered) {
      drop('overflow');
      // Rows of the batch being written are never dropped: with nothing older left, drop the new one.
      if (!dropOldest || inflightEnd >= queue.length) return false;
      if (inflightEnd > head) queue.splice(inflightEnd, 1);
      else head++;
    }
    queue.push(item);
    stats.accepted++;
    const buffered = queue.length - head;
    if (buffered >= maxBatch && !scheduled && flushing === undefined) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        void kick();
      });
    }
    return true;
  }

  async function writeOnce(): Promise<boolean> {
    const end = Math.min(queue.length, head + maxBatch);
    if (end === head) return false;
    const batch = queue.slice(head, end);
    inflightEnd = end;
    try {
      await insert(batch);
      head = end;
      inflightEnd = 0;
      attempt = 0;
      stats.written += batch.length;
      stats.batches++;
    } catch (error) {
      inflightEnd = 0;
      attempt++;
      stats.failedBatches++;
      stats.lastError = error instanceof Error ? error.message : String(error);
      const give = attempt >= maxAttempts;
      try {
        deps.onError?.(error, { rows: batch.length, attempt, dropped: give });
      } catch {
        // A failing error hook must not break the flush loop.
      }
      if (!give) return false;
      head = end;
      attempt = 0;
      drop('failed', batch.length);
    }
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return true;
  }

  async function drain(): Promise<void> {
    while (queue.length - head > 0) {
      if (!(await writeOnce())) return;
    }
  }

  function kick(): Promise<void> {
    if (flushing !== undefined) return flushing;
    if (queue.length - head === 0) return Promise.resolve();
    flushing = drain().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  return {
    appendAmi(pbx, message) {
      if (message.event === undefined) {
        stats.skipped++;
        return false;
      }
      const { linkedid, uniqueid } = callIds(message.fields);
      return push({
        kind: 'ami',
        row: { pbx, received_at: message.receivedAt, event: message.event, linkedid, uniqueid, fields: message.fields },
      });
    },
    appendAmiRecord(input) {
      return push({
        kind: 'ami',
        row: {
          pbx: input.pbx,
          received_at: input.receivedAt,
          event: input.event,
          linkedid: input.linkedid ?? null,
          uniqueid: input.uniqueid ?? null,
          fields: input.fields,
        },
      });
    },
    appendCti(event) {
      let payload: string;
      try {
        payload = JSON.stringify(event.payload ?? null);
      } catch {
        drop('failed');
        return false;
      }
      const scope = event.scope ?? {};
      return push({
        kind: 'cti',
        row: {
          at: event.at,
          type: event.type,
          pbx: scope.pbx ?? null,
          agent: scope.agent ?? null,
          extension: scope.extension ?? null,
          queue: scope.queue ?? null,
          tenant: scope.tenant ?? null,
          seq: event.seq ?? null,
          payload,
        },
      });
    },
    async flush() {
      // Wait for a flush in progress, then write whatever arrived meanwhile.
      if (flushing !== undefined) await flushing;
      await kick();
    },
    async whenBelow(rows) {
      while (queue.length - head >= rows) {
        const before = stats.written + stats.dropped.failed;
        await (flushing ?? kick());
        if (stats.written + stats.dropped.failed === before && flushing === undefined) {
          // The last attempt failed and was kept for retry: back off briefly.
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    },
    async close() {
      if (timer !== undefined) clearInterval(timer);
      if (flushing !== undefined) await flushing;
      for (let i = 0; i < maxAttempts && queue.length - head > 0; i++) await kick();
      closed = true;
      const left = queue.length - head;
      if (left > 0) drop('failed', left);
      queue = [];
      head = 0;
    },
    stats() {
      return { ...stats, dropped: { ...stats.dropped }, buffered: queue.length - head };
    },
  };
}
