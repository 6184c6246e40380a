/**
 * Archive retention: deletes archived AMI and CTI events older than a cut-off,
 * in bounded batches so no single statement locks the tables for long.
 * `createArchiveRetention` runs it on a timer (the scheduler hook).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface PruneResult {
  amiEvents: number;
  ctiEvents: number;
}

export interface PruneOptions {
  /** Delete rows strictly older than this (epoch ms). */
  olderThan: number;
  /** Rows per DELETE. Default 10 000. */
  batchSize?: number;
}

async function pruneTable(db: Kysely<Database>, table: 'ami_events' | 'cti_events', olderThan: number, batchSize: number) {
  const column = table === 'ami_events' ? 'received_at' : 'at';
  let total = 0;
  for (;;) {
    const result = await db
      .deleteFrom(table)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom(table)
          .select('id')
          .where(column, '<', olderThan)
          .orderBy('id')
          .limit(batchSize),
      )
      .executeTakeFirst();
    const n = Number(result.numDeletedRows);
    total += n;
    if (n < batchSize) return total;
  }
}

export async function pruneArchive(db: Kysely<Database>, options: PruneOptions): Promise<PruneResult> {
  const batchSize = Math.max(1, options.batchSize ?? 10_000);
  const amiEvents = await pruneTable(db, 'ami_events', options.olderThan, batchSize);
  const ctiEvents = await pruneTable(db, 'cti_events', options.olderThan, batchSize);
  return { amiEvents, ctiEvents };
}

export interface ArchiveRetentionDeps {
  db: Kysely<Database>;
  /** Keep this much history, in ms (e.g. 90 days). */
  maxAgeMs: number;
  /** How often to prune. Default one hour. */
  intervalMs?: number;
  now?: () => number;
  batchSize?: number;
  onPruned?: (result: PruneResult & { olderThan: number }) => void;
  onError?: (error: unknown) => void;
}

export interface ArchiveRetention {
  start(): void;
  stop(): void;
  /** One pass now; concurrent calls share the pass in progress. */
  runOnce(): Promise<PruneResult>;
}

export function createArchiveRetention(deps: ArchiveRetentionDeps): ArchiveRetention {
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PruneResult> | undefined;

  const runOnce = (): Promise<PruneResult> => {
    if (running !== undefined) return running;
    const olderThan = now() - deps.maxAgeMs;
    const pass = pruneArchive(deps.db, { olderThan, ...(deps.batchSize === undefined ? {} : { batchSize: deps.batchSize }) });
    running = pass
      .then((result) => {
        deps.onPruned?.({ ...result, olderThan });
        return result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => deps.onError?.(error));
      }, deps.intervalMs ?? 3_600_000);
      timer.unref();
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    runOnce,
  };
}
