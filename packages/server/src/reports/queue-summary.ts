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
 * - AHT (average handle time) = mean of talk + hold + wrap-up of answered calls;
 * - abandon rate = abandoned / offered.
 */
import { type Kysely, sql } from 'kysely';
import { InvalidReportRangeError } from '../persistence/errors.ts';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
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
): Promise<QueueSummary> {
  checkRange(range);
  const fixed = range.serviceLevelSeconds;
  for (const value of [fixed, defaultThreshold]) {
    if (value !== undefined && (!Number.isInteger(value) || value <= 0 || value > 86_400)) {
      throw new InvalidReportRangeError('service-level threshold must be a whole number of seconds > 0', { serviceLevelSeconds: value });
    }
  }
  const t =
    fixed !== undefined
      ? intLiteral(fixed)
      : sql<number>`coalesce(queue_settings.service_level_seconds, ${intLiteral(defaultThreshold)})`;
  const answered = sql`call_records.outcome = 'answered'`;
  const rows = await whereCallsInRange(
    db
      .selectFrom('call_records')
      .leftJoin('queue_settings', (join) =>
        join.onRef('queue_settings.pbx', '=', 'call_records.pbx').onRef('queue_settings.queue', '=', 'call_records.queue'),
      ),
    range,
  )
    .where('call_records.queue', 'is not', null)
    .select([
      'call_records.pbx',
      'call_records.queue',
      sql<number>`max(${t})`.as('threshold'),
      sql<number>`count(*)`.as('offered'),
      sql<number>`sum(case when ${answered} then 1 else 0 end)`.as('answered'),
      sql<number>`sum(case when call_records.outcome = 'abandoned' then 1 else 0 end)`.as('abandoned'),
      sql<number>`sum(case when ${answered} and call_records.wait_seconds <= ${t} then 1 else 0 end)`.as('within'),
      sql<number>`sum(case when not ${answered} and call_records.wait_seconds > ${t} then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when call_records.outcome = 'abandoned' and call_records.wait_seconds <= ${t} then 1 else 0 end)`.as('short'),
      sql<number | null>`sum(case when ${answered} then call_records.wait_seconds end)`.as('wait'),
      sql<number | null>`sum(case when ${answered} then call_records.talk_seconds + call_records.hold_seconds + call_records.wrapup_seconds end)`.as(
        'handle',
      ),
      sql<number | null>`sum(case when ${answered} then call_records.talk_seconds end)`.as('talk'),
      sql<number | null>`max(call_records.wait_seconds)`.as('longest'),
    ])
    .groupBy(['call_records.pbx', 'call_records.queue'])
    .orderBy('call_records.pbx')
    .orderBy('call_records.queue')
    .execute();

  const queues = rows.map((r) => stats(r, r.pbx, r.queue ?? '', Number(r.threshold)));
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
      handle: sum((r) => r.handle),
      talk: sum((r) => r.talk),
      longest,
    },
    '',
    '',
    0,
  );
  return { queues, total };
}

interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  within: number;
  late: number;
  short: number;
  wait: number | null;
  handle: number | null;
  talk: number | null;
  longest: number | null;
}

function stats(r: Sums, pbx: string, queue: string, thresholdSeconds: number): QueueStats {
  const offered = Number(r.offered);
  const answered = Number(r.answered ?? 0);
  const abandoned = Number(r.abandoned ?? 0);
  const within = Number(r.within ?? 0);
  const late = Number(r.late ?? 0);
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
    ahtSeconds: ratio(Number(r.handle ?? 0), answered),
    abandonRate: ratio(abandoned, offered),
    longestWaitSeconds: r.longest === null ? null : Number(r.longest),
    totalTalkSeconds: Number(r.talk ?? 0),
  };
}
