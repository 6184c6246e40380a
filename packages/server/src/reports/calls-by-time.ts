/**
 * Call volume histograms, bucketed in the database in the report's time zone:
 * - callsByHour: hour of day 0-23 (local), summed over every day of the range;
 * - callsByDay: one bucket per local calendar day.
 * A call falls in the bucket of its start time (started_at).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportRange, checkRange, localBucket, whereCallsInRange } from './report-range.ts';

export interface VolumeBucket {
  offered: number;
  answered: number;
  abandoned: number;
  /** Mean wait of answered calls in the bucket. */
  asaSeconds: number | null;
}

export interface HourBucket extends VolumeBucket {
  hour: number;
}

export interface DayBucket extends VolumeBucket {
  /** Local date, YYYY-MM-DD. */
  date: string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

async function bucketed(db: Kysely<Database>, range: ReportRange, sizeMs: number, modulo: number | undefined) {
  const zone = checkRange(range);
  const raw = localBucket(sql.ref('call_records.started_at'), zone, range, sizeMs);
  const bucket = modulo === undefined ? raw : sql<number>`(${raw} % ${intLiteral(modulo)})`;
  const rows = await whereCallsInRange(db.selectFrom('call_records'), range)
    .select([
      bucket.as('bucket'),
      sql<number>`count(*)`.as('offered'),
      sql<number>`count(*) filter (where call_records.outcome = 'answered')`.as('answered'),
      sql<number>`count(*) filter (where call_records.outcome = 'abandoned')`.as('abandoned'),
      sql<number | null>`sum(call_records.wait_seconds) filter (where call_records.outcome = 'answered')`.as('wait'),
    ])
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => {
    const answered = Number(r.answered ?? 0);
    return {
      bucket: Number(r.bucket),
      offered: Number(r.offered),
      answered,
      abandoned: Number(r.abandoned ?? 0),
      asaSeconds: answered > 0 ? Number(r.wait ?? 0) / answered : null,
    };
  });
}

/** Always 24 buckets, hour 0 to 23; empty hours are zero. */
export async function callsByHour(db: Kysely<Database>, range: ReportRange): Promise<HourBucket[]> {
  const rows = await bucketed(db, range, HOUR, 24);
  const byHour = new Map(rows.map((r) => [r.bucket, r]));
  return Array.from({ length: 24 }, (_, hour) => {
    const r = byHour.get(hour);
    return { hour, offered: r?.offered ?? 0, answered: r?.answered ?? 0, abandoned: r?.abandoned ?? 0, asaSeconds: r?.asaSeconds ?? null };
  });
}

/** Days that had calls, in date order. */
export async function callsByDay(db: Kysely<Database>, range: ReportRange): Promise<DayBucket[]> {
  const rows = await bucketed(db, range, DAY, undefined);
  return rows
    .sort((a, b) => a.bucket - b.bucket)
    .map(({ bucket, ...rest }) => ({ date: new Date(bucket * DAY).toISOString().slice(0, 10), ...rest }));
}
