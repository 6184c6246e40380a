/**
 * Disposition counts: calls per queue and disposition code (call_records.disposition, the code
 * the agent chose in wrap-up), over the calls in the range that entered a queue. Calls without
 * a disposition count under code null. Grouped in the database by (pbx, queue, disposition)
 * (migration 0012 adds the column and the index call_records_disposition).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../persistence/schema.ts';
import { type ReportRange, checkRange, whereCallsInRange } from './report-range.ts';

export interface DispositionCount {
  pbx: string;
  queue: string;
  /** null: no disposition was recorded for these calls. */
  disposition: string | null;
  calls: number;
}

export async function dispositionCounts(db: Kysely<Database>, range: ReportRange): Promise<DispositionCount[]> {
  checkRange(range);
  const code = sql.ref<string | null>('call_records.disposition');
  const rows = await whereCallsInRange(db.selectFrom('call_records'), range)
    .where('call_records.queue', 'is not', null)
    .select(['call_records.pbx', 'call_records.queue', code.as('disposition'), sql<number>`count(*)`.as('calls')])
    .groupBy(['call_records.pbx', 'call_records.queue', code])
    .execute();
  return rows
    .map((r) => ({ pbx: r.pbx, queue: r.queue ?? '', disposition: r.disposition ?? null, calls: Number(r.calls) }))
    .sort(
      (a, b) =>
        a.pbx.localeCompare(b.pbx) ||
        a.queue.localeCompare(b.queue) ||
        b.calls - a.calls ||
        (a.disposition ?? '\uffff').localeCompare(b.disposition ?? '\uffff'),
    );
}
