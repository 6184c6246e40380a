/** Shared plumbing for repositories: deps, ids, flag and JSON column helpers. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';
import { DuplicateRecordError, isUniqueViolation } from '../errors.ts';
import type { Database } from '../schema.ts';

export interface RepositoryDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
  /** Clock in epoch milliseconds. Default Date.now. */
  now?: () => number;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one (a repository
 * used by a larger operation, such as creating a user and its agent profile together).
 */
export function atomically<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function clockOf(deps: RepositoryDeps): () => number {
  return deps.now ?? Date.now;
}

export function newId(): string {
  return randomUUID();
}

export function toFlag(value: boolean | undefined, fallback = false): number {
  return (value ?? fallback) ? 1 : 0;
}

/** SQLite hands back 0/1, PostgreSQL integers too; both read the same way. */
export function fromFlag(value: number | boolean | null | undefined): boolean {
  return Boolean(value);
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Runs a write and turns a unique-key violation into DuplicateRecordError. */
export async function guardUnique<T>(entity: string, field: string, value: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateRecordError(entity, field, value);
    throw error;
  }
}

/** Drops keys whose value is undefined, so a patch only touches what it names. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export function pageLimit(page: Page | undefined, fallback = 100, max = 1000): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(page?.limit ?? fallback), 1), max);
  const offset = Math.max(Math.trunc(page?.offset ?? 0), 0);
  return { limit, offset };
}
