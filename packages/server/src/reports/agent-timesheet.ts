/**
 * Agent timesheet over a range, from agent_sessions and agent_state_intervals,
 * aggregated in the database. Every session and interval is clipped to the
 * range; one still open counts up to min(now, range end).
 *
 * - signed in = time inside sessions;
 * - ready / ringing / talk (state 'on-call') / wrap-up / paused = time in that state;
 *   paused is also split by pause reason code ('' when none was given);
 * - occupancy = (talk + wrap-up) / (signed in - paused): the share of the time
 *   the agent was available for work that was spent on calls. null when the
 *   denominator is 0.
 */
import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from '../persistence/database.ts';
import type { Database } from '../persistence/schema.ts';
import { greatest, intLiteral, least } from '../persistence/sql-dialect.ts';
import { type ReportRange, checkRange } from './report-range.ts';

export interface TimesheetRow {
  agentId: string;
  username: string | null;
  displayName: string | null;
  sessions: number;
  firstSignInAt: number | null;
  /** Latest sign-out among the sessions; null if none has ended. */
  lastSignOutAt: number | null;
  /** A session is still open. */
  signedIn: boolean;
  signedInSeconds: number;
  readySeconds: number;
  ringingSeconds: number;
  talkSeconds: number;
  wrapupSeconds: number;
  pausedSeconds: number;
  pausedByReason: Record<string, number>;
  occupancy: number | null;
}

export interface TimesheetDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
  now: () => number;
}

function emptyRow(agentId: string): TimesheetRow {
  return {
    agentId,
    username: null,
    displayName: null,
    sessions: 0,
    firstSignInAt: null,
    lastSignOutAt: null,
    signedIn: false,
    signedInSeconds: 0,
    readySeconds: 0,
    ringingSeconds: 0,
    talkSeconds: 0,
    wrapupSeconds: 0,
    pausedSeconds: 0,
    pausedByReason: {},
    occupancy: null,
  };
}

const STATE_FIELD = {
  ready: 'readySeconds',
  ringing: 'ringingSeconds',
  'on-call': 'talkSeconds',
  'wrap-up': 'wrapupSeconds',
  paused: 'pausedSeconds',
} as const;

export async function agentTimesheet(deps: TimesheetDeps, range: ReportRange & { agentIds?: readonly string[] }): Promise<TimesheetRow[]> {
  checkRange(range);
  if (range.agentIds !== undefined && range.agentIds.length === 0) return [];
  const { db, dialect } = deps;
  const from = intLiteral(range.from);
  const to = intLiteral(range.to);
  const now = intLiteral(Math.floor(deps.now()));

  const sessionEnd = sql<number>`coalesce(agent_sessions.signed_out_at, ${now})`;
  let sessions = db
    .selectFrom('agent_sessions')
    .where('agent_sessions.signed_in_at', '<', range.to)
    .where(sql<boolean>`${sessionEnd} > ${from}`);
  if (range.pbx !== undefined) sessions = sessions.where('agent_sessions.pbx', '=', range.pbx);
  if (range.agentIds !== undefined) sessions = sessions.where('agent_sessions.agent_id', 'in', range.agentIds);
  const sessionRows = await sessions
    .select([
      'agent_sessions.agent_id as agentId',
      sql<number>`count(*)`.as('sessions'),
      sql<number>`min(agent_sessions.signed_in_at)`.as('firstIn'),
      sql<number | null>`max(agent_sessions.signed_out_at)`.as('lastOut'),
      sql<number>`sum(case when agent_sessions.signed_out_at is null then 1 else 0 end)`.as('open'),
      sql<number>`sum(${least(dialect, sessionEnd, to)} - ${greatest(dialect, sql.ref('agent_sessions.signed_in_at'), from)})`.as('ms'),
    ])
    .groupBy('agent_sessions.agent_id')
    .execute();

  const intervalEnd = sql<number>`coalesce(agent_state_intervals.to_at, ${now})`;
  const reason = sql<string>`coalesce(agent_state_intervals.reason, '')`;
  let intervals = db
    .selectFrom('agent_state_intervals')
    .where('agent_state_intervals.from_at', '<', range.to)
    .where(sql<boolean>`${intervalEnd} > ${from}`);
  if (range.pbx !== undefined) intervals = intervals.where('agent_state_intervals.pbx', '=', range.pbx);
  if (range.agentIds !== undefined) intervals = intervals.where('agent_state_intervals.agent_id', 'in', range.agentIds);
  const intervalRows = await intervals
    .select([
      'agent_state_intervals.agent_id as agentId',
      'agent_state_intervals.state',
      reason.as('reason'),
      sql<number>`sum(${least(dialect, intervalEnd, to)} - ${greatest(dialect, sql.ref('agent_state_intervals.from_at'), from)})`.as('ms'),
    ])
    .groupBy(['agent_state_intervals.agent_id', 'agent_state_intervals.state', reason])
    .execute();

  const rows = new Map<string, TimesheetRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (r === undefined) rows.set(id, (r = emptyRow(id)));
    return r;
  };
  for (const s of sessionRows) {
    const r = row(s.agentId);
    r.sessions = Number(s.sessions);
    r.firstSignInAt = Number(s.firstIn);
    r.lastSignOutAt = s.lastOut === null ? null : Number(s.lastOut);
    r.signedIn = Number(s.open) > 0;
    r.signedInSeconds = Number(s.ms) / 1000;
  }
  for (const i of intervalRows) {
    const field = STATE_FIELD[i.state as keyof typeof STATE_FIELD];
    if (field === undefined) continue;
    const r = row(i.agentId);
    const seconds = Number(i.ms) / 1000;
    r[field] += seconds;
    if (i.state === 'paused') r.pausedByReason[i.reason] = (r.pausedByReason[i.reason] ?? 0) + seconds;
  }
  const ids = [...rows.keys()];
  if (ids.length > 0) {
    const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
    for (const u of users) {
      const r = rows.get(u.id)!;
      r.username = u.username;
      r.displayName = u.display_name;
    }
  }
  for (const r of rows.values()) {
    const available = r.signedInSeconds - r.pausedSeconds;
    r.occupancy = available > 0 ? (r.talkSeconds + r.wrapupSeconds) / available : null;
  }
  return [...rows.values()].sort((a, b) => (a.username ?? a.agentId).localeCompare(b.username ?? b.agentId));
}
