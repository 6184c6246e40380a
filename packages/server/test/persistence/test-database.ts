/**
 * Opens a fresh, migrated database for one test file on either dialect.
 * SQLite: a file in a temporary directory (WAL needs a real file).
 * PostgreSQL: a uniquely named schema in the shared test database, dropped at
 * the end. If PostgreSQL cannot be reached the suite fails: it is never skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CountryCode } from '../../src/directory/phone-number.ts';
import { type DatabaseHandle, type SqlDialect, createDatabase } from '../../src/persistence/database.ts';
import { migrateToLatest } from '../../src/persistence/migrations/index.ts';
import { type Repositories, createRepositories } from '../../src/persistence/repositories/index.ts';

export const dialects: SqlDialect[] = ['sqlite', 'postgres'];

export const PG_URL = process.env.AMIABLE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  handle: DatabaseHandle;
  repos: Repositories;
  dialect: SqlDialect;
  /** A controllable clock shared by every repository. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function openTestDatabase(dialect: SqlDialect, options: { defaultCountry?: CountryCode } = {}): Promise<TestDatabase> {
  const clock = { now: Date.UTC(2026, 2, 2, 9, 0, 0) };
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'amiable-db-'));
    handle = await createDatabase({ driver: 'sqlite', file: join(dir, 'data', 'amiable.db') });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `amiable_t_${randomBytes(6).toString('hex')}`;
    handle = await createDatabase({ driver: 'postgres', url: PG_URL, schema, poolSize: 4 });
    cleanup = () => dropSchema(schema);
  }
  await migrateToLatest(handle);
  const repos = createRepositories({
    db: handle.db,
    dialect,
    now: () => clock.now,
    ...(options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry }),
  });
  return {
    handle,
    repos,
    dialect,
    clock,
    async close() {
      await handle.close();
      await cleanup();
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
