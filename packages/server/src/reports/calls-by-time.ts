/**
 * Call volume histograms, bucketed in the database in the report's time zone:
 * - callsByHour: hour of day 0-23 (local), summed over every day of the range;
 * - callsByDay: one bucket per local calendar day.
 * A call falls in the bucket of its start time (started_at).
 *
 * PostgreSQL groups the calls by local bucket directly (hash aggregate).
 * SQLite has no hash aggregate and would sort every call in the range, so it
 * aggregates in two SQL levels: calls per absolute quarter-hour
 * (started_at / 900000, read in the order of call_records_quarter_idx, no
 * sort), then the quarter-hours (at most 96 a day) folded into local hours or
 * days. Every time-zone offset and DST change in use today falls on a
 * quarter-hour, so the fold is exact.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SqlDialect } from '../persistence/database.ts';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportRange, checkRange, localBucket, whereCallsInRange } from './report-range.ts';
import type { ReportZone } from './time-zone.ts';

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

const QUARTER = 900_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface Bucket {
  bucket: number;
  offered: number | null;
  answered: number | null;
  abandoned: number | null;
  wait: number | null;
}

const counts = {
  offered: sql<number>`count(*)`,
  answered: sql<number>`count(*) filter (where call_records.outcome = 'answered')`,
  abandoned: sql<number>`count(*) filter (where call_records.outcome = 'abandoned')`,
  wait: sql<number | null>`sum(call_records.wait_seconds) filter (where call_records.outcome = 'answered')`,
};

function bucketOf(raw: RawBuilder<number>, modulo: number | undefined): RawBuilder<number> {
  return modulo === undefined ? raw : sql<number>`(${raw} % ${intLiteral(modulo)})`;
}

async function singleLevel(db: Kysely<Database>, range: ReportRange, zone: ReportZone, sizeMs: number, modulo?: number): Promise<Bucket[]> {
  const bucket = bucketOf(localBucket(sql.ref('call_records.started_at'), zone, range, sizeMs), modulo);
  return whereCallsInRange(db.selectFrom('call_records'), range)
    .select([
      bucket.as('bucket'),
      counts.offered.as('offered'),
      counts.answered.as('answered'),
      counts.abandoned.as('abandoned'),
      counts.wait.as('wait'),
    ])
    .groupBy(sql`1`)
    .execute();
}

async function twoLevel(db: Kysely<Database>, range: ReportRange, zone: ReportZone, sizeMs: number, modulo?: number): Promise<Bucket[]> {
  // Must match the expression of call_records_quarter_idx exactly.
  const quarterOf = sql<number>`call_records.started_at / ${intLiteral(QUARTER)}`;
  const quarters = whereCallsInRange(db.selectFrom('call_records'), range)
    // The same range on the quarter number lets SQLite seek the quarter index.
    .where(quarterOf, '>=', intLiteral(Math.floor(range.from / QUARTER)))
    .where(quarterOf, '<=', intLiteral(Math.floor((range.to - 1) / QUARTER)))
    .select([
      quarterOf.as('q'),
      counts.offered.as('offered'),
      counts.answered.as('answered'),
      counts.abandoned.as('abandoned'),
      counts.wait.as('wait'),
    ])
    .groupBy(sql`1`);
  const bucket = bucketOf(localBucket(sql<number>`(quarters.q * ${intLiteral(QUARTER)})`, zone, range, sizeMs), modulo);
  return db
    .selectFrom(quarters.as('quarters'))
    .select([
      bucket.as('bucket'),
      sql<number>`sum(quarters.offered)`.as('offered'),
      sql<number>`sum(quarters.answered)`.as('answered'),
      sql<number>`sum(quarters.abandoned)`.as('abandoned'),
      sql<number | null>`sum(quarters.wait)`.as('wait'),
    ])
    .groupBy(sql`1`)
    .execute();
}

async function bucketed(db: Kysely<Database>, dialect: SqlDialect, range: ReportRange, sizeMs: number, modulo?: number) {
  const zone = checkRange(range);
  const rows = await (dialect === 'postgres' ? singleLevel : twoLevel)(db, range, zone, sizeMs, modulo);
  return rows.map((r) => {
    const answered = Number(r.answered ?? 0);
    return {
      bucket: Number(r.bucket),
      offered: Number(r.offered ?? 0),
      answered,
      abandoned: Number(r.abandoned ?? 0),
      asaSeconds: answered > 0 ? Number(r.wait ?? 0) / answered : null,
    };
  });
}

/** Always 24 buckets, hour 0 to 23; empty hours are zero. */
export async function callsByHour(db: Kysely<Database>, dialect: SqlDialect, range: ReportRange): Promise<HourBucket[]> {
  const rows = await bucketed(db, dialect, range, HOUR, 24);
  const byHour = new Map(rows.map((r) => [r.bucket, r]));
  return Array.from({ length: 24 }, (_, hour) => {
    const r = byHour.get(hour);
    return { hour, offered: r?.offered ?? 0, answered: r?.answered ?? 0, abandoned: r?.abandoned ?? 0, asaSeconds: r?.asaSeconds ?? null };
  });
}

/** Days that had calls, in date order. */
export async function callsByDay(db: Kysely<Database>, dialect: SqlDialect, range: ReportRange): Promise<DayBucket[]> {
  const rows = await bucketed(db, dialect, range, DAY);
  return rows
    .sort((a, b) => a.bucket - b.bucket)
    .map(({ bucket, ...rest }) => ({ date: new Date(bucket * DAY).toISOString().slice(0, 10), ...rest }));
}
