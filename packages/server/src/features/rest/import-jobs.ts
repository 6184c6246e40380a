/**
 * Customer CSV imports as jobs kept in memory, so a large file can be followed by polling. Each job
 * runs `importCustomersCsv` (one transaction: never half-applied). Finished jobs stay readable for
 * a while, then are dropped.
 */
import { randomUUID } from 'node:crypto';
import type { CsvImportProgress, CsvImportResult, RejectedRow } from '../../directory/csv-import.ts';
import { CODES } from '../../identity/errors.ts';

export type ImportMode = 'best-effort' | 'all-or-nothing';

export interface ImportJob {
  id: string;
  /** The user who started it: only they (and admins) may read it. */
  owner: string;
  mode: ImportMode;
  status: 'running' | 'done' | 'failed';
  phase: CsvImportProgress['phase'] | 'reading' | 'finished';
  total: number | null;
  processed: number;
  result: CsvImportResult | undefined;
  error: unknown;
  startedAt: number;
  finishedAt: number | null;
  /** Settles when the job ends (it never rejects). */
  done: Promise<void>;
}

export type RunImport = (mode: ImportMode, onProgress: (progress: CsvImportProgress) => void) => Promise<CsvImportResult>;

export interface ImportJobsDeps {
  now: () => number;
  /** Finished jobs kept. */
  keep: number;
  ttlMs: number;
}

export function createImportJobs(deps: ImportJobsDeps) {
  const jobs = new Map<string, ImportJob>();

  const prune = () => {
    const cutoff = deps.now() - deps.ttlMs;
    const finished = [...jobs.values()].filter((j) => j.finishedAt !== null);
    for (const [i, job] of finished.entries()) {
      if ((job.finishedAt as number) < cutoff || i < finished.length - deps.keep) jobs.delete(job.id);
    }
  };

  return {
    start(owner: string, mode: ImportMode, run: RunImport): ImportJob {
      prune();
      const job: ImportJob = {
        id: randomUUID(),
        owner,
        mode,
        status: 'running',
        phase: 'reading',
        total: null,
        processed: 0,
        result: undefined,
        error: undefined,
        startedAt: deps.now(),
        finishedAt: null,
        done: Promise.resolve(),
      };
      // Validation and writing each count for half of the rows' progress.
      const onProgress = (p: CsvImportProgress) => {
        job.phase = p.phase;
        if (p.phase === 'validating') {
          job.total = p.total;
          job.processed = Math.floor(p.processed / 2);
        } else {
          const total = job.total ?? p.total;
          job.processed = Math.floor(total / 2 + (p.total > 0 ? p.processed / p.total : 1) * (total / 2));
        }
      };
      job.done = run(mode, onProgress).then(
        (result) => {
          Object.assign(job, { status: 'done', phase: 'finished', result, total: result.total, processed: result.total });
        },
        (error: unknown) => {
          Object.assign(job, { status: 'failed', phase: 'finished', error });
        },
      ).finally(() => {
        job.finishedAt = deps.now();
      });
      jobs.set(job.id, job);
      return job;
    },
    get(id: string): ImportJob | undefined {
      prune();
      return jobs.get(id);
    },
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;

/** Rejected rows listed in a report; the rest are only counted. */
export const MAX_LISTED_REJECTS = 1000;

/** The job as clients read it. `created` and `inserted` are the same count (both spellings are in use). */
export function importReport(job: ImportJob) {
  const result = job.result;
  const rejected = result?.rejected ?? [];
  const failure = job.error as { code?: unknown; message?: unknown } | undefined;
  const knownFailure = typeof failure?.code === 'string' && failure.code.startsWith('CTI_ERR_');
  return {
    id: job.id,
    mode: job.mode,
    status: job.status,
    phase: job.phase,
    total: job.total,
    processed: job.processed,
    created: result?.inserted ?? 0,
    inserted: result?.inserted ?? 0,
    updated: result?.updated ?? 0,
    rejected: rejected.slice(0, MAX_LISTED_REJECTS).map(rejectedRow),
    rejectedCount: rejected.length,
    committed: result?.committed ?? false,
    code: job.status === 'failed' ? (knownFailure ? String(failure?.code) : CODES.INTERNAL) : null,
    message: messageOf(job, knownFailure ? String(failure?.message) : 'The import failed; see the server log'),
    startedAt: new Date(job.startedAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
  };
}
export type ImportReport = ReturnType<typeof importReport>;

function rejectedRow(row: RejectedRow) {
  return { line: row.line, reason: row.reasons.join('; '), reasons: row.reasons, values: row.values as Record<string, string> };
}

function messageOf(job: ImportJob, failure: string): string | null {
  if (job.status === 'failed') return failure;
  const r = job.result;
  if (!r) return null;
  if (!r.committed) return `Nothing was imported: ${r.rejected.length} of ${r.total} rows are invalid`;
  return `${r.inserted} created, ${r.updated} updated, ${r.rejected.length} rejected`;
}
