import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { createCustomerDirectory, type CustomerDirectory } from '../directory/index.ts';
import { pruneArchive } from '../persistence/archive/archive-retention.ts';
import { type ArchiveWriter, createArchiveWriter } from '../persistence/archive/archive-writer.ts';
import { createDatabase, type DatabaseHandle } from '../persistence/database.ts';
import { migrateToLatest } from '../persistence/migrations/index.ts';
import { createRepositories, type Repositories } from '../persistence/repositories/index.ts';
import { createDurableStorage, type DurableStorage } from '../persistence/spool/durable-storage.ts';

export interface StoragePart {
  handle: DatabaseHandle;
  repos: Repositories;
  archive: ArchiveWriter;
  /** Archive, call-record, timesheet and presence writes, spooled to disk while the database is away. */
  durable: DurableStorage;
  customers: CustomerDirectory;
}

/**
 * The database (migrated), its repositories, durable storage (the disk spool in the data
 * dir), the batched event archive written through it, and retention.
 */
export async function wireStorage(deps: {
  config: Config;
  dataDir: string;
  log: Logger;
  now: () => number;
  onStop: (stop: () => Promise<void> | void) => void;
}): Promise<StoragePart> {
  const { config, log } = deps;
  const handle = await createDatabase(
    config.database.driver === 'postgres'
      ? { driver: 'postgres', url: config.database.url, ...(config.database.schema ? { schema: config.database.schema } : {}) }
      : { driver: 'sqlite', file: config.database.file ?? join(deps.dataDir, 'amiable.sqlite') },
    { onPoolError: (err) => log.warn({ err: err.message }, 'database connection lost') },
  );
  deps.onStop(() => handle.close());
  await migrateToLatest(handle);
  const repos = createRepositories({ db: handle.db, dialect: handle.dialect, defaultCountry: config.phone.defaultCountry as never });
  const durable = createDurableStorage({
    db: handle.db,
    dialect: handle.dialect,
    sqlite: handle.sqlite,
    repos,
    dir: join(deps.dataDir, 'spool'),
    maxBytes: config.spool.maxMegabytes * 1024 * 1024,
    log,
  });
  deps.onStop(() => durable.close());
  const archive = createArchiveWriter({
    db: handle.db,
    dialect: handle.dialect,
    sqlite: handle.sqlite,
    insert: durable.archiveInserter,
    flushIntervalMs: config.archive.flushIntervalMs,
    maxBatchRows: config.archive.batchSize,
    onError: (err, info) => log.error({ err, ...info }, 'archive write failed'),
  });
  deps.onStop(() => archive.close());
  const retention = setInterval(() => {
    void pruneArchive(handle.db, { olderThan: deps.now() - config.archive.retentionDays * 86_400_000 }).catch((err) =>
      log.warn({ err }, 'archive retention failed'),
    );
    void durable.pruneKeys(3_600_000).catch((err) => log.warn({ err }, 'spool key pruning failed'));
  }, 3_600_000);
  retention.unref();
  deps.onStop(() => clearInterval(retention));
  const customers = createCustomerDirectory({ customers: repos.customers, defaultCountry: config.phone.defaultCountry as never });
  return { handle, repos, archive, durable, customers };
}
