/**
 * Customer CSV import (columns number,name,address,language,notes; header row).
 *
 * Every row is validated first. Then, in ONE transaction:
 *  - mode 'best-effort' (default): the good rows are written and the bad ones
 *    are reported with their line numbers and reasons;
 *  - mode 'all-or-nothing': if any row is bad, nothing is written.
 * A failure while writing rolls the whole transaction back, so an import is
 * never half-applied. Rows upsert by number: a number already in the directory
 * updates its customer instead of creating a duplicate. A number repeated in
 * the file is reported on its second occurrence.
 */
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../persistence/database.ts';
import { newId } from '../persistence/repositories/common.ts';
import type { Database } from '../persistence/schema.ts';
import { type CsvInput, readCsvRows } from './csv-rows.ts';
import { type RejectedRow, type ValidCustomerRow, isRejected, validateRow } from './csv-validate.ts';
import type { CountryCode } from './phone-number.ts';

export type { RejectedRow } from './csv-validate.ts';
export type { CsvInput } from './csv-rows.ts';

export interface CsvImportProgress {
  phase: 'validating' | 'writing';
  processed: number;
  total: number;
}

export interface CsvImportDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
  now?: () => number;
  defaultCountry?: CountryCode;
}

export interface CsvImportOptions {
  mode?: 'best-effort' | 'all-or-nothing';
  onProgress?: (progress: CsvImportProgress) => void;
  /** Rows per multi-row statement. Default 500. */
  chunkSize?: number;
  /** Refuse files with more data rows. Default 1 000 000. */
  maxRows?: number;
}

export interface CsvImportResult {
  mode: 'best-effort' | 'all-or-nothing';
  /** Data rows in the file (header and blank lines excluded). */
  total: number;
  inserted: number;
  updated: number;
  /** Bad rows, in file order. */
  rejected: RejectedRow[];
  /** False when all-or-nothing refused the file. */
  committed: boolean;
}

const PROGRESS_EVERY = 500;

export async function importCustomersCsv(deps: CsvImportDeps, input: CsvInput, options: CsvImportOptions = {}): Promise<CsvImportResult> {
  const mode = options.mode ?? 'best-effort';
  const chunkSize = Math.min(Math.max(options.chunkSize ?? 500, 1), 2000);
  const progress = options.onProgress ?? (() => undefined);
  const now = deps.now ?? Date.now;
  const { columns, rows } = await readCsvRows(input, options.maxRows ?? 1_000_000);
  const total = rows.length;

  const valid: ValidCustomerRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const result = validateRow(row, columns, deps.defaultCountry);
    if (isRejected(result)) rejected.push(result);
    else if (seen.has(result.number)) {
      rejected.push({ line: row.line, reasons: [`number ${result.number} already appears on line ${seen.get(result.number)}`], values: row.values });
    } else {
      seen.set(result.number, row.line);
      valid.push(result);
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total) progress({ phase: 'validating', processed: i + 1, total });
  });

  if (mode === 'all-or-nothing' && rejected.length > 0) {
    return { mode, total, inserted: 0, updated: 0, rejected, committed: false };
  }

  let inserted = 0;
  let updated = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < valid.length; i += chunkSize) {
      const chunk = valid.slice(i, i + chunkSize);
      const counts = await writeChunk(trx, chunk, columns, now());
      inserted += counts.inserted;
      updated += counts.updated;
      progress({ phase: 'writing', processed: Math.min(i + chunkSize, valid.length), total: valid.length });
    }
  });
  return { mode, total, inserted, updated, rejected, committed: true };
}

async function writeChunk(
  trx: Kysely<Database>,
  chunk: ValidCustomerRow[],
  columns: readonly string[],
  at: number,
): Promise<{ inserted: number; updated: number }> {
  const existing = await trx
    .selectFrom('customer_numbers')
    .select(['number', 'customer_id'])
    .where(
      'number',
      'in',
      chunk.map((r) => r.number),
    )
    .execute();
  const owner = new Map(existing.map((e) => [e.number, e.customer_id]));
  const customers = chunk.map((r) => ({
    id: owner.get(r.number) ?? newId(),
    name: r.name,
    address: r.fields.address ?? null,
    language: r.fields.language ?? null,
    notes: r.fields.notes ?? null,
    created_at: at,
    updated_at: at,
  }));
  // Existing customers keep created_at and any column the file does not carry.
  const updatable = ['name', 'updated_at', ...['address', 'language', 'notes'].filter((c) => columns.includes(c))] as const;
  await trx
    .insertInto('customers')
    .values(customers)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => {
        const set: Record<string, unknown> = {};
        for (const c of updatable) set[c] = eb.ref(`excluded.${c as 'name'}`);
        return set as { name: string };
      }),
    )
    .execute();
  const fresh = chunk.filter((r) => !owner.has(r.number));
  if (fresh.length > 0) {
    const ids = new Map(customers.map((c, i) => [chunk[i]!.number, c.id]));
    await trx
      .insertInto('customer_numbers')
      .values(fresh.map((r) => ({ number: r.number, customer_id: ids.get(r.number)!, label: null })))
      .execute();
  }
  return { inserted: fresh.length, updated: chunk.length - fresh.length };
}
