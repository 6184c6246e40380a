/**
 * Wrap-up time per call, from the timesheet: the one source of wrap-up for every report.
 *
 * The call record is written when the call hangs up, before the agent's wrap-up, so its
 * `wrapup_seconds` stays 0 on a live server. The wrap-up the agent really spent is the
 * 'wrap-up' intervals of agent_state_intervals (what the Timesheet shows). Each such interval
 * is credited to the call it follows: the answering agent's latest answered call that started
 * at or before the interval began. An interval still open counts up to now.
 *
 * The Agents and Queues reports add this to talk and hold, so AHT = (talk + hold + wrap-up) /
 * answered, and the three reports read wrap-up from the same rows. A call's wrap-up counts
 * whole in the range of the call's start (like the call); the Timesheet clips intervals to the
 * range, so the two differ only by wrap-up that straddles a range edge, or wrap-up with no call
 * before it (an agent who chose wrap-up by hand).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../persistence/schema.ts';
import { intLiteral } from '../persistence/sql-dialect.ts';
import { type ReportRange, callsInRangeCondition } from './report-range.ts';

/** A wrap-up starts this long after its call's start at most (calls longer than a day are not credited). */
const LONGEST_CALL_MS = 86_400_000;

export interface WrapupGroup {
  key: string;
  pbx: string;
  seconds: number;
}

/**
 * Wrap-up seconds of the calls in the range (and its queue/pbx filters), summed by the
 * answering agent or by the call's queue.
 */
export async function callWrapup(
  db: Kysely<Database>,
  now: number,
  range: ReportRange & { agentIds?: readonly string[] },
  by: 'agent' | 'queue',
): Promise<WrapupGroup[]> {
  if (range.agentIds !== undefined && range.agentIds.length === 0) return [];
  // The call each wrap-up interval follows (index call_records_agent_report_idx: agent, started_at, outcome).
  const credited = sql<string>`(select prior.id from call_records prior
    where prior.answered_agent_id = agent_state_intervals.agent_id and prior.outcome = 'answered'
      and prior.started_at <= agent_state_intervals.from_at
    order by prior.started_at desc limit 1)`;
  let q = db
    .selectFrom('agent_state_intervals')
    .innerJoin('call_records', (join) => join.on(sql<boolean>`call_records.id = ${credited}`))
    .where(callsInRangeCondition(range))
    .where('agent_state_intervals.state', '=', 'wrap-up')
    .where('agent_state_intervals.from_at', '>=', range.from)
    .where('agent_state_intervals.from_at', '<', range.to + LONGEST_CALL_MS);
  if (range.agentIds !== undefined) q = q.where('call_records.answered_agent_id', 'in', range.agentIds);
  const key = by === 'agent' ? sql<string>`call_records.answered_agent_id` : sql<string>`call_records.queue`;
  if (by === 'queue') q = q.where('call_records.queue', 'is not', null);
  const rows = await q
    .select([
      key.as('key'),
      'call_records.pbx',
      sql<number>`sum(coalesce(agent_state_intervals.to_at, ${intLiteral(Math.floor(now))}) - agent_state_intervals.from_at)`.as('ms'),
    ])
    .groupBy([key, 'call_records.pbx'])
    .execute();
  return rows.map((r) => ({ key: r.key, pbx: r.pbx, seconds: Number(r.ms ?? 0) / 1000 }));
}

/** Seconds per key, over every PBX. */
export function wrapupByKey(groups: readonly WrapupGroup[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of groups) out.set(g.key, (out.get(g.key) ?? 0) + g.seconds);
  return out;
}
