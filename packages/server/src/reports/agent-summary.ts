/**
 * Per-agent call figures over a range (GROUP BY answering agent): calls
 * answered, talk/hold/wrap-up totals and AHT = (talk + hold + wrap-up) / answered.
 * Wrap-up is the timesheet's wrap-up intervals credited to the agent's calls in
 * the range (call-wrapup.ts), the same rows the Queues report and the Timesheet read.
 */
import { sql } from 'kysely';
import type { TimesheetDeps } from './agent-timesheet.ts';
import { callWrapup, wrapupByKey } from './call-wrapup.ts';
import { type ReportRange, checkRange, whereCallsInRange } from './report-range.ts';

export interface AgentCallStats {
  agentId: string;
  username: string | null;
  displayName: string | null;
  answered: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapupSeconds: number;
  ahtSeconds: number | null;
  /** Mean ring time before this agent answered. */
  averageRingSeconds: number | null;
  transferred: number;
}

export async function agentSummary(
  deps: TimesheetDeps,
  range: ReportRange & { agentIds?: readonly string[] },
): Promise<AgentCallStats[]> {
  checkRange(range);
  const { db } = deps;
  let q = whereCallsInRange(db.selectFrom('call_records'), range)
    .where('call_records.outcome', '=', 'answered')
    .where('call_records.answered_agent_id', 'is not', null);
  if (range.agentIds !== undefined) {
    if (range.agentIds.length === 0) return [];
    q = q.where('call_records.answered_agent_id', 'in', range.agentIds);
  }
  const rows = await q
    .select([
      'call_records.answered_agent_id as agentId',
      sql<number>`count(*)`.as('answered'),
      sql<number>`sum(call_records.talk_seconds)`.as('talk'),
      sql<number>`sum(call_records.hold_seconds)`.as('hold'),
      sql<number>`sum(call_records.ring_seconds)`.as('ring'),
      sql<number>`sum(call_records.transferred)`.as('transferred'),
    ])
    .groupBy('call_records.answered_agent_id')
    .execute();
  const ids = rows.map((r) => r.agentId!);
  const users =
    ids.length === 0 ? [] : await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  const wrapupOf = ids.length === 0 ? new Map<string, number>() : wrapupByKey(await callWrapup(db, deps.now(), { ...range, agentIds: ids }, 'agent'));
  return rows
    .map((r) => {
      const answered = Number(r.answered);
      const talk = Number(r.talk ?? 0);
      const hold = Number(r.hold ?? 0);
      const wrapup = wrapupOf.get(r.agentId!) ?? 0;
      const user = byId.get(r.agentId!);
      return {
        agentId: r.agentId!,
        username: user?.username ?? null,
        displayName: user?.display_name ?? null,
        answered,
        talkSeconds: talk,
        holdSeconds: hold,
        wrapupSeconds: wrapup,
        ahtSeconds: answered > 0 ? (talk + hold + wrapup) / answered : null,
        averageRingSeconds: answered > 0 ? Number(r.ring ?? 0) / answered : null,
        transferred: Number(r.transferred ?? 0),
      };
    })
    .sort((a, b) => (a.username ?? a.agentId).localeCompare(b.username ?? b.agentId));
}
