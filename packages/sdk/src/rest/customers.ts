import type { CallRecord, Customer, CustomerCreate, CustomerUpdate, Page } from '@amiable/protocol';
import { CtiTimeoutError } from '../errors.ts';
import type { Http } from '../http.ts';
import type { Timers } from '../timers.ts';
import type { CustomerImportReport, ImportMode } from '../wire/extra-types.ts';
import { routes } from '../wire/routes.ts';
import { type Resource, resource, toPage } from './resource.ts';

export interface CustomerQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ImportOptions {
  /** `all-or-nothing` (default): one bad row and nothing is written. `best-effort`: write the good rows. */
  mode?: ImportMode;
  /** Called with each progress report while the server works. */
  onProgress?: (report: CustomerImportReport) => void;
  /** Poll interval for background imports. Default 500 ms. */
  pollMs?: number;
  /** Give up waiting after this long (the import goes on on the server). Default 10 min. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CustomersApi extends Resource<Customer, CustomerCreate, CustomerUpdate, CustomerQuery> {
  /** Customers whose phone numbers match `number` (as the screen-pop does it). */
  lookup(number: string): Promise<Customer[]>;
  /** Recent calls of a customer (the card's "last calls"). */
  calls(customerId: string, limit?: number): Promise<Page<CallRecord>>;
  /**
   * Imports a CSV file. Resolves with the final report; `committed` tells whether
   * anything was written (an import with a bad row writes nothing).
   */
  importCsv(csv: string | Blob, options?: ImportOptions): Promise<CustomerImportReport>;
}

export function customersApi(http: Http, timers: Timers): CustomersApi {
  const base = resource<Customer, CustomerCreate, CustomerUpdate, CustomerQuery>(http, routes.customers);
  return {
    ...base,
    lookup: async (number) => toPage<Customer>(await http.request('GET', routes.customerLookup, { query: { number } })).items,
    calls: async (customerId, limit = 10) =>
      toPage<CallRecord>(await http.request('GET', routes.calls, { query: { customerId, limit } })),
    importCsv: async (csv, options = {}) => {
      let report = normalise(
        await http.request<unknown>('POST', routes.customerImport, {
          body: csv,
          contentType: 'text/csv',
          query: { mode: options.mode ?? 'all-or-nothing' },
          signal: options.signal,
        }),
      );
      options.onProgress?.(report);
      const started = timers.now();
      const timeoutMs = options.timeoutMs ?? 600_000;
      while (report.status === 'running' && report.id) {
        if (timers.now() - started > timeoutMs) throw new CtiTimeoutError('customer import', timeoutMs);
        await sleep(timers, options.pollMs ?? 500, options.signal);
        report = normalise(await http.request<unknown>('GET', routes.customerImportJob(report.id), { signal: options.signal }));
        options.onProgress?.(report);
      }
      return report;
    },
  };
}

/** Accepts the report with a few spellings the server may use, and fills what is missing. */
export function normalise(body: unknown): CustomerImportReport {
  const b = (body ?? {}) as Record<string, unknown>;
  const rejected = Array.isArray(b.rejected) ? b.rejected : Array.isArray(b.errors) ? b.errors : [];
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const status = b.status === 'running' || b.status === 'failed' ? b.status : 'done';
  const created = num(b.created ?? b.inserted ?? b.imported, 0);
  const updated = num(b.updated, 0);
  const rows = rejected.map((r) => {
    const row = (r ?? {}) as Record<string, unknown>;
    const reasons = Array.isArray(row.reasons) ? row.reasons.map(String).join('; ') : undefined;
    const values = row.values && typeof row.values === 'object' ? (row.values as Record<string, string>) : undefined;
    return {
      line: num(row.line ?? row.row, 0),
      reason: reasons ?? String(row.reason ?? row.message ?? 'invalid row'),
      field: typeof row.field === 'string' ? row.field : null,
      ...(values ? { values } : {}),
    };
  });
  const id = typeof b.id === 'string' ? b.id : typeof b.jobId === 'string' ? b.jobId : undefined;
  const mode = b.mode === 'best-effort' || b.mode === 'all-or-nothing' ? b.mode : undefined;
  return {
    ...(id ? { id } : {}),
    ...(mode ? { mode } : {}),
    status,
    total: typeof b.total === 'number' ? b.total : null,
    processed: num(b.processed, created + updated + rows.length),
    created,
    updated,
    rejected: rows,
    committed: typeof b.committed === 'boolean' ? b.committed : status === 'done' && (rows.length === 0 || mode === 'best-effort'),
    message: typeof b.message === 'string' ? b.message : null,
  };
}

function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
