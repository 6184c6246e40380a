/**
 * The few SQL spellings that differ between SQLite and PostgreSQL. Everything
 * else is portable through the query builder.
 */
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { SqlDialect } from './database.ts';

/** Smaller of two values (SQLite's multi-argument MIN is a scalar function; PostgreSQL has LEAST). */
export function least<T>(dialect: SqlDialect, a: Expression<T>, b: Expression<T>): RawBuilder<T> {
  return dialect === 'postgres' ? sql<T>`least(${a}, ${b})` : sql<T>`min(${a}, ${b})`;
}

export function greatest<T>(dialect: SqlDialect, a: Expression<T>, b: Expression<T>): RawBuilder<T> {
  return dialect === 'postgres' ? sql<T>`greatest(${a}, ${b})` : sql<T>`max(${a}, ${b})`;
}

/**
 * Case-insensitive "haystack contains needle" without LIKE, so no wildcard
 * escaping is needed (SQLite's LIKE has no default escape character).
 */
export function containsText(dialect: SqlDialect, haystack: Expression<string | null>, needle: string): RawBuilder<boolean> {
  const lowered = needle.toLowerCase();
  return dialect === 'postgres'
    ? sql<boolean>`strpos(lower(${haystack}), ${lowered}) > 0`
    : sql<boolean>`instr(lower(${haystack}), ${lowered}) > 0`;
}

/**
 * An integer inlined as a SQL literal. better-sqlite3 binds every JS number
 * as REAL, which would turn integer arithmetic (hour buckets) into float
 * arithmetic; literals keep both databases on integer maths.
 */
export function intLiteral(value: number): RawBuilder<number> {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return sql<number>`${sql.lit(value)}`;
}
