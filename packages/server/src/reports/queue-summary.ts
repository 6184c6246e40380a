/**
 * Queue figures over a range, aggregated in the database (GROUP BY pbx, queue).
 *
 * Definitions (every call record with a queue and started_at in the range):
 * - offered: all calls that entered the queue;
 * - answered / abandoned: by outcome; other outcomes (no-answer on queue
 *   timeout, busy, rejected, failed) count in offered only;
 * - threshold T: `serviceLevelSeconds` if given, else the queue's setting, else the default (20 s);
 * - service level = answered within T (wait <= T)
 *                   / (answered + calls not answered that waited longer than T).
 *   Calls abandoned within T ("short abandons") are left out: the queue had no
 *   fair chance to answer them. null when the denominator is 0;
 * - ASA (average speed of answer) = mean wait of answered calls;
 * - AHT (average handle time) = (talk + hold + wrap-up) / answered, with talk and hold from the
 *   call records and wrap-up from the timesheet intervals credited to each call (call-wrapup.ts);
 * - abandon rate = abandoned / offered.
 *
 * Aggregates use FILTER clauses (SQLite >= 3.30, PostgreSQL >= 9.4): cheaper per
 * row than SUM(CASE ...) over a million calls.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { InvalidReportRangeError } from '../persistence/errors.ts';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { callWrapup } from './call-wrapup.ts';
import { type ReportRange, checkRange, whereCallsInRange } from './report-range.ts';

export interface QueueStats {
  pbx: string;
  queue: string;
  thresholdSeconds: number;
  offered: number;
  answered: number;
  abandoned: number;
  /** Outcomes other than answered/abandoned. */
  otherUnanswered: number;
  answeredWithinThreshold: number;
  /** Abandoned or otherwise unanswered after waiting longer than the threshold. */
  unansweredAfterThreshold: number;
  abandonedWithinThreshold: number;
  /** 0..1, see the module comment. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
  longestWaitSeconds: number | null;
  totalTalkSeconds: number;
  totalHoldSeconds: number;
  totalWrapupSeconds: number;
}

export interface QueueSummary {
  queues: QueueStats[];
  /** All queues together (each call judged against its own queue's threshold). */
  total: Omit<QueueStats, 'pbx' | 'queue' | 'thresholdSeconds'>;
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export async function queueSummary(
  db: Kysely<Database>,
  range: ReportRange & { serviceLevelSeconds?: number },
  defaultThreshold: number,
  now: number,
): Promise<QueueSummary> {
  checkRange(range);
  const fixed = range.serviceLevelSeconds;
  for (const value of [fixed, defaultThreshold]) {
    if (value !== undefined && (!Number.isInteger(value) || value <= 0 || value > 86_400)) {
      throw new InvalidReportRangeError('service-level threshold must be a whole number of seconds > 0', { field: 'serviceLevelSeconds', serviceLevelSeconds: value });
    }
  }
  const t = fixed !== undefined ? intLiteral(fixed) : await thresholdExpression(db, defaultThreshold);
  const answered = sql`call_records.outcome = 'answered'`;
  const rows = await whereCallsInRange(db.selectFrom('call_records'), range)
    .where('call_records.queue', 'is not', null)
    .select([
      'call_records.queue',
      'call_records.pbx',
      sql<number>`max(${t})`.as('threshold'),
      sql<number>`count(*)`.as('offered'),
      sql<number>`count(*) filter (where ${answered})`.as('answered'),
      sql<number>`count(*) filter (where call_records.outcome = 'abandoned')`.as('abandoned'),
      sql<number>`count(*) filter (where ${answered} and call_records.wait_seconds <= ${t})`.as('within'),
      sql<number>`count(*) filter (where not ${answered} and call_records.wait_seconds > ${t})`.as('late'),
      sql<number>`count(*) filter (where call_records.outcome = 'abandoned' and call_records.wait_seconds <= ${t})`.as('short'),
      sql<number | null>`sum(call_records.wait_seconds) filter (where ${answered})`.as('wait'),
      sql<number | null>`sum(call_records.talk_seconds) filter (where ${answered})`.as('talk'),
      sql<number | null>`sum(call_records.hold_seconds) filter (where ${answered})`.as('hold'),
      sql<number | null>`max(call_records.wait_seconds)`.as('longest'),
    ])
    // Same order as the covering index call_records_queue_report_idx: no sort needed.
    .groupBy(['call_records.queue', 'call_records.pbx'])
    .execute();
  rows.sort((a, b) => a.pbx.localeCompare(b.pbx) || (a.queue ?? '').localeCompare(b.queue ?? ''));
  const wrapups = await callWrapup(db, now, range, 'queue');
  const wrapupOf = new Map(wrapups.map((w) => [`${w.pbx}\u0000${w.key}`, w.seconds]));

  const queues = rows.map((r) => stats({ ...r, wrapup: wrapupOf.get(`${r.pbx}\u0000${r.queue}`) ?? 0 }, r.pbx, r.queue ?? '', Number(r.threshold)));
  const sum = (pick: (r: (typeof rows)[number]) => number | null) => rows.reduce((acc, r) => acc + Number(pick(r) ?? 0), 0);
  const longest = rows.reduce<number | null>((m, r) => (r.longest === null ? m : Math.max(m ?? 0, Number(r.longest))), null);
  const { pbx: _p, queue: _q, thresholdSeconds: _t, ...total } = stats(
    {
      offered: sum((r) => r.offered),
      answered: sum((r) => r.answered),
      abandoned: sum((r) => r.abandoned),
      within: sum((r) => r.within),
      late: sum((r) => r.late),
      short: sum((r) => r.short),
      wait: sum((r) => r.wait),
      talk: sum((r) => r.talk),
      hold: sum((r) => r.hold),
      wrapup: wrapups.reduce((acc, w) => acc + w.seconds, 0),
      longest,
    },
    '',
    '',
    0,
  );
  return { queues, total };
}

/**
 * Each queue's threshold as a CASE over the (small) queue_settings table,
 * inlined so the aggregation reads call_records alone, without a join per row.
 */
async function thresholdExpression(db: Kysely<Database>, fallback: number): Promise<RawBuilder<number>> {
  const settings = await db
    .selectFrom('queue_settings')
    .select(['pbx', 'queue', 'service_level_seconds'])
    .where('service_level_seconds', 'is not', null)
    .execute();
  if (settings.length === 0) return intLiteral(fallback);
  const cases = settings.map(
    (s) =>
      sql`when call_records.queue = ${s.queue} and call_records.pbx = ${s.pbx} then ${intLiteral(s.service_level_seconds!)}`,
  );
  return sql<number>`(case ${sql.join(cases, sql` `)} else ${intLiteral(fallback)} end)`;
}

interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  within: number;
  late: number;
  short: number;
  wait: number | null;
  talk: number | null;
  hold: number | null;
  wrapup: number;
  longest: number | null;
}

function stats(r: Sums, pbx: string, queue: string, thresholdSeconds: number): QueueStats {
  const offered = Number(r.offered);
  const answered = Number(r.answered ?? 0);
  const abandoned = Number(r.abandoned ?? 0);
  const within = Number(r.within ?? 0);
  const late = Number(r.late ?? 0);
  const talk = Number(r.talk ?? 0);
  const hold = Number(r.hold ?? 0);
  return {
    pbx,
    queue,
    thresholdSeconds,
    offered,
    answered,
    abandoned,
    otherUnanswered: offered - answered - abandoned,
    answeredWithinThreshold: within,
    unansweredAfterThreshold: late,
    abandonedWithinThreshold: Number(r.short ?? 0),
    serviceLevel: ratio(within, answered + late),
    asaSeconds: ratio(Number(r.wait ?? 0), answered),
    ahtSeconds: ratio(talk + hold + r.wrapup, answered),
    abandonRate: ratio(abandoned, offered),
    longestWaitSeconds: r.longest === null ? null : Number(r.longest),
    totalTalkSeconds: talk,
    totalHoldSeconds: hold,
    totalWrapupSeconds: r.wrapup,
  };
}
