/**
 * Abandoned calls by how long the caller waited before hanging up, in fixed buckets:
 * [0, 10) s, [10, 30) s, [30, 60) s, [60, 120) s and 120 s or more. Counted in the database
 * (one FILTER per bucket) over the calls in the range with outcome 'abandoned'.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportRange, checkRange, whereCallsInRange } from './report-range.ts';

/** Lower bounds in seconds; each bucket ends where the next begins, the last has no end. */
export const ABANDON_WAIT_BOUNDS = [0, 10, 30, 60, 120] as const;

export interface AbandonBucket {
  /** Inclusive lower bound, seconds. */
  fromSeconds: number;
  /** Exclusive upper bound, seconds; null for the last bucket. */
  toSeconds: number | null;
  abandoned: number;
}

export async function abandonByWait(db: Kysely<Database>, range: ReportRange): Promise<AbandonBucket[]> {
  checkRange(range);
  const bounds = ABANDON_WAIT_BOUNDS.map((from, i) => ({ from, to: ABANDON_WAIT_BOUNDS[i + 1] ?? null }));
  const row = await whereCallsInRange(db.selectFrom('call_records'), range)
    .where('call_records.outcome', '=', 'abandoned')
    .select(
      bounds.map(({ from, to }, i) => {
        const upper = to === null ? sql`` : sql` and call_records.wait_seconds < ${intLiteral(to)}`;
        return sql<number>`count(*) filter (where call_records.wait_seconds >= ${intLiteral(from)}${upper})`.as(`b${i}`);
      }),
    )
    .executeTakeFirst();
  const counts = (row ?? {}) as Record<string, number | null>;
  return bounds.map(({ from, to }, i) => ({ fromSeconds: from, toSeconds: to, abandoned: Number(counts[`b${i}`] ?? 0) }));
}
