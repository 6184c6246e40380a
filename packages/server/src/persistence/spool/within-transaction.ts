/**
 * A transaction the repositories can run on as if it were the database: their own
 * `db.transaction().execute(fn)` runs `fn` on this transaction instead of opening a
 * nested one (Kysely has none), so a record and its idempotency key commit together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export function withinTransaction(trx: Transaction<Database>): Kysely<Database> {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) });
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
