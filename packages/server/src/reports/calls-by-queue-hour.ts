/**
 * Calls per hour of the day per queue: for each queue, the calls that entered it by local
 * hour 0-23 of their start, summed over every day of the range (offered, answered,
 * abandoned). Grouped in the database by (pbx, queue, local hour); only hours with calls
 * come back.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportRange, checkRange, localBucket, whereCallsInRange } from './report-range.ts';

export interface QueueHourBucket {
  pbx: string;
  queue: string;
  hour: number;
  offered: number;
  answered: number;
  abandoned: number;
}

const HOUR = 3_600_000;

export async function callsByQueueHour(db: Kysely<Database>, range: ReportRange): Promise<QueueHourBucket[]> {
  const zone = checkRange(range);
  const hour = sql<number>`(${localBucket(sql.ref('call_records.started_at'), zone, range, HOUR)} % ${intLiteral(24)})`;
  const rows = await whereCallsInRange(db.selectFrom('call_records'), range)
    .where('call_records.queue', 'is not', null)
    .select([
      'call_records.pbx',
      'call_records.queue',
      hour.as('hour'),
      sql<number>`count(*)`.as('offered'),
      sql<number>`count(*) filter (where call_records.outcome = 'answered')`.as('answered'),
      sql<number>`count(*) filter (where call_records.outcome = 'abandoned')`.as('abandoned'),
    ])
    .groupBy(['call_records.pbx', 'call_records.queue', hour])
    .execute();
  return rows
    .map((r) => ({
      pbx: r.pbx,
      queue: r.queue ?? '',
      hour: Number(r.hour),
      offered: Number(r.offered),
      answered: Number(r.answered ?? 0),
      abandoned: Number(r.abandoned ?? 0),
    }))
    .sort((a, b) => a.pbx.localeCompare(b.pbx) || a.queue.localeCompare(b.queue) || a.hour - b.hour);
}
