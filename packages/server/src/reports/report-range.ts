/** The common input of every report: a date range, optional PBX/queue filter and a time zone. */
import { type Expression, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { InvalidReportRangeError } from '../persistence/errors.ts';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportZone, offsetSegments, parseZone } from './time-zone.ts';

export interface ReportRange {
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  pbx?: string;
  /** Only these queues (call records whose queue is in the list). */
  queues?: readonly string[];
  /** 'UTC' (default), a fixed offset such as '+02:00', or an IANA zone such as 'Europe/Paris'. */
  timeZone?: string;
}

/** Longest range a report accepts (about three years). */
const MAX_SPAN = 1100 * 86_400_000;

export function checkRange(range: ReportRange): ReportZone {
  const { from, to } = range;
  if (!Number.isSafeInteger(from) || from < 0) throw new InvalidReportRangeError('from must be a date', { field: 'from', from, to });
  if (!Number.isSafeInteger(to) || to < 0) throw new InvalidReportRangeError('to must be a date', { field: 'to', from, to });
  if (to <= from) throw new InvalidReportRangeError('to must be later than from', { field: 'to', from, to });
  if (to - from > MAX_SPAN) throw new InvalidReportRangeError('report range is longer than about three years', { field: 'to', from, to });
  return parseZone(range.timeZone);
}

/** call_records rows inside the range and filters. */
export function whereCallsInRange<O>(
  query: SelectQueryBuilder<Database, 'call_records', O>,
  range: ReportRange,
): SelectQueryBuilder<Database, 'call_records', O> {
  let q = query.where('call_records.started_at', '>=', range.from).where('call_records.started_at', '<', range.to);
  if (range.pbx !== undefined) q = q.where('call_records.pbx', '=', range.pbx);
  if (range.queues !== undefined) {
    q = range.queues.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('call_records.queue', 'in', range.queues);
  }
  return q;
}

/** The same filter as whereCallsInRange, as one SQL condition (for joined queries). */
export function callsInRangeCondition(range: ReportRange): RawBuilder<boolean> {
  const parts = [sql`call_records.started_at >= ${range.from}`, sql`call_records.started_at < ${range.to}`];
  if (range.pbx !== undefined) parts.push(sql`call_records.pbx = ${range.pbx}`);
  if (range.queues !== undefined) {
    parts.push(range.queues.length === 0 ? sql`1 = 0` : sql`call_records.queue in (${sql.join(range.queues)})`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * Local bucket number of a time column: floor((t + offset) / size), with the
 * offset picked per DST segment. Integer literals keep the division integral
 * on both databases.
 */
export function localBucket(column: Expression<number>, zone: ReportZone, range: ReportRange, sizeMs: number): RawBuilder<number> {
  const segments = offsetSegments(zone, range.from, range.to);
  let offset: RawBuilder<number> = intLiteral(segments.at(-1)!.offsetMs);
  if (segments.length > 1) {
    const cases = segments
      .slice(1)
      .map((s, i) => sql`when ${column} < ${intLiteral(s.from)} then ${intLiteral(segments[i]!.offsetMs)}`);
    offset = sql<number>`(case ${sql.join(cases, sql` `)} else ${offset} end)`;
  }
  return sql<number>`((${column} + ${offset}) / ${intLiteral(sizeMs)})`;
}
