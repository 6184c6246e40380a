/**
 * Opens the database: SQLite (better-sqlite3, a file under the data dir, WAL
 * mode) by default, PostgreSQL (a `pg` Pool) when configured. The same
 * Kysely<Database> type serves both; dialect differences stay inside
 * persistence and reports (see sql-dialect.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { DatabaseConfigError, DatabaseUnavailableError } from './errors.ts';
import type { Database } from './schema.ts';

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqliteConfig {
  driver: 'sqlite';
  /** Path of the database file, or ':memory:'. Parent directories are created. */
  file: string;
}

export interface PostgresConfig {
  driver: 'postgres';
  /** libpq-style URL, e.g. postgres://user@127.0.0.1:5432/amiable */
  url: string;
  /** Schema holding every table (created when missing). Default: public. */
  schema?: string;
  /** Maximum pooled connections. Default 10. */
  poolSize?: number;
}

export type DatabaseConfig = SqliteConfig | PostgresConfig;

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: SqlDialect;
  /** PostgreSQL schema in use ('public' unless configured); undefined on SQLite. */
  schema: string | undefined;
  /**
   * The native better-sqlite3 handle on SQLite (undefined on PostgreSQL), for
   * the archive writer's prepared-statement batches. Everything else goes through `db`.
   */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** Called for errors on idle pooled PostgreSQL connections (they must not crash the process). */
  onPoolError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/**
 * PostgreSQL returns BIGINT (times, counts, auto ids) and NUMERIC (SUM, AVG)
 * as strings by default. Epoch milliseconds and our counters fit in a double,
 * so both are parsed as numbers, for this pool only (the global pg registry is untouched).
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

export async function createDatabase(config: DatabaseConfig, options: CreateDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (config.driver === 'sqlite') return openSqlite(config);
  if (config.driver === 'postgres') return openPostgres(config, options);
  throw new DatabaseConfigError(`unknown database driver ${JSON.stringify((config as { driver?: unknown }).driver)}`);
}

function openSqlite(config: SqliteConfig): DatabaseHandle {
  if (!config.file) throw new DatabaseConfigError('sqlite database needs a file path (or :memory:)');
  let database: SQLite.Database;
  try {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    database = new SQLite(config.file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open sqlite database ${config.file}`, error, { file: config.file });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', schema: undefined, sqlite: database, close: () => db.destroy() };
}

async function openPostgres(config: PostgresConfig, options: CreateDatabaseOptions): Promise<DatabaseHandle> {
  if (!config.url) throw new DatabaseConfigError('postgres database needs a url');
  const schema = config.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new DatabaseConfigError(`invalid postgres schema name ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    types: pgTypes,
    // Every pooled connection resolves unqualified table names in our schema.
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  // A connection that dies while checked out between two queries (the server stopped,
  // the network cut) emits 'error' on its client, where pg-pool has no listener: without
  // this one the process would crash. The query in flight, if any, fails on its own.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onPoolError?.(error));
  });
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Concurrent creators can race on IF NOT EXISTS; only fail if it is still missing.
    const found = await pool
      .query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
      .then((r) => r.rowCount === 1)
      .catch(() => false);
    if (!found) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(`cannot reach postgres or create schema ${schema}`, error, { schema });
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema, sqlite: undefined, close: () => db.destroy() };
}

/** Cheap liveness probe for health checks. */
export async function pingDatabase(handle: DatabaseHandle): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(handle.db);
    return true;
  } catch {
    return false;
  }
}
