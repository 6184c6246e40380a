/**
 * The agent timesheet: sign-in sessions and the state intervals inside them.
 * An open session/interval has a null end; the contact-centre layer closes
 * the current interval when the agent changes state and closes everything on
 * sign-out. After a crash, `closeDangling(at)` ends whatever was left open.
 */
import type { Selectable } from 'kysely';
import type { AgentSessionsTable, AgentStateIntervalsTable } from '../schema.ts';
import { type Page, type RepositoryDeps, clockOf, newId, pageLimit } from './common.ts';

/** The agent states recorded as intervals (logged-out time is simply outside any session). */
export type AgentIntervalState = 'ready' | 'ringing' | 'on-call' | 'wrap-up' | 'paused';

export interface AgentSession {
  id: string;
  agentId: string;
  pbx: string;
  extension: string;
  workstationId: string | null;
  signedInAt: number;
  signedOutAt: number | null;
  /** Why the session ended (e.g. 'logout', 'forced', 'server-restart'). */
  reason: string | null;
}

export interface AgentStateInterval {
  id: string;
  agentId: string;
  sessionId: string | null;
  pbx: string;
  extension: string;
  state: AgentIntervalState;
  /** Pause reason code for 'paused'. */
  reason: string | null;
  queue: string | null;
  from: number;
  to: number | null;
}

export interface TimesheetFilter extends Page {
  agentId?: string;
  /** Rows overlapping [from, to). */
  from?: number;
  to?: number;
}

export interface TimesheetRepository {
  /** `id` makes the write idempotent (a replay of the same session fails as a duplicate). */
  openSession(input: {
    id?: string;
    agentId: string;
    pbx: string;
    extension: string;
    workstationId?: string | null;
    at?: number;
  }): Promise<AgentSession>;
  /** Closes the session and any interval still open in it. */
  closeSession(sessionId: string, input?: { at?: number; reason?: string | null }): Promise<boolean>;
  openSessionOf(agentId: string): Promise<AgentSession | undefined>;
  /** Closes the agent's open interval (if any) and opens a new one: one state change. */
  changeState(input: {
    /** Interval id, to make the write idempotent. */
    id?: string;
    agentId: string;
    sessionId?: string | null;
    pbx: string;
    extension: string;
    state: AgentIntervalState;
    reason?: string | null;
    queue?: string | null;
    at?: number;
  }): Promise<AgentStateInterval>;
  closeInterval(agentId: string, at?: number): Promise<boolean>;
  /** Ends every open session and interval (startup after an unclean stop). */
  closeDangling(at: number, reason: string): Promise<{ sessions: number; intervals: number }>;
  listSessions(filter?: TimesheetFilter): Promise<AgentSession[]>;
  listIntervals(filter?: TimesheetFilter): Promise<AgentStateInterval[]>;
}

function toSession(row: Selectable<AgentSessionsTable>): AgentSession {
  return {
    id: row.id,
    agentId: row.agent_id,
    pbx: row.pbx,
    extension: row.extension,
    workstationId: row.workstation_id,
    signedInAt: row.signed_in_at,
    signedOutAt: row.signed_out_at,
    reason: row.reason,
  };
}

function toInterval(row: Selectable<AgentStateIntervalsTable>): AgentStateInterval {
  return {
    id: row.id,
    agentId: row.agent_id,
    sessionId: row.session_id,
    pbx: row.pbx,
    extension: row.extension,
    state: row.state as AgentIntervalState,
    reason: row.reason,
    queue: row.queue,
    from: row.from_at,
    to: row.to_at,
  };
}

export function createTimesheetRepository(deps: RepositoryDeps): TimesheetRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async openSession(input) {
      const row = {
        id: input.id ?? newId(),
        agent_id: input.agentId,
        pbx: input.pbx,
        extension: input.extension,
        workstation_id: input.workstationId ?? null,
        signed_in_at: input.at ?? now(),
        signed_out_at: null,
        reason: null,
      };
      await db.insertInto('agent_sessions').values(row).execute();
      return toSession(row);
    },
    async closeSession(sessionId, input = {}) {
      const at = input.at ?? now();
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('agent_state_intervals')
          .set({ to_at: at })
          .where('session_id', '=', sessionId)
          .where('to_at', 'is', null)
          .execute();
        const result = await trx
          .updateTable('agent_sessions')
          .set({ signed_out_at: at, reason: input.reason ?? null })
          .where('id', '=', sessionId)
          .where('signed_out_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows > 0n;
      });
    },
    async openSessionOf(agentId) {
      const row = await db
        .selectFrom('agent_sessions')
        .selectAll()
        .where('agent_id', '=', agentId)
        .where('signed_out_at', 'is', null)
        .orderBy('signed_in_at', 'desc')
        .executeTakeFirst();
      return row && toSession(row);
    },
    async changeState(input) {
      const at = input.at ?? now();
      const row = {
        id: input.id ?? newId(),
        agent_id: input.agentId,
        session_id: input.sessionId ?? null,
        pbx: input.pbx,
        extension: input.extension,
        state: input.state,
        reason: input.reason ?? null,
        queue: input.queue ?? null,
        from_at: at,
        to_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('agent_state_intervals')
          .set({ to_at: at })
          .where('agent_id', '=', input.agentId)
          .where('to_at', 'is', null)
          .execute();
        await trx.insertInto('agent_state_intervals').values(row).execute();
      });
      return toInterval(row);
    },
    async closeInterval(agentId, at = now()) {
      const result = await db
        .updateTable('agent_state_intervals')
        .set({ to_at: at })
        .where('agent_id', '=', agentId)
        .where('to_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async closeDangling(at, reason) {
      return db.transaction().execute(async (trx) => {
        const intervals = await trx.updateTable('agent_state_intervals').set({ to_at: at }).where('to_at', 'is', null).executeTakeFirst();
        const sessions = await trx
          .updateTable('agent_sessions')
          .set({ signed_out_at: at, reason })
          .where('signed_out_at', 'is', null)
          .executeTakeFirst();
        return { sessions: Number(sessions.numUpdatedRows), intervals: Number(intervals.numUpdatedRows) };
      });
    },
    async listSessions(filter = {}) {
      const { limit, offset } = pageLimit(filter, 500, 10_000);
      let q = db.selectFrom('agent_sessions').selectAll();
      if (filter.agentId !== undefined) q = q.where('agent_id', '=', filter.agentId);
      if (filter.to !== undefined) q = q.where('signed_in_at', '<', filter.to);
      if (filter.from !== undefined) {
        const from = filter.from;
        q = q.where((eb) => eb.or([eb('signed_out_at', 'is', null), eb('signed_out_at', '>', from)]));
      }
      const rows = await q.orderBy('signed_in_at').orderBy('id').limit(limit).offset(offset).execute();
      return rows.map(toSession);
    },
    async listIntervals(filter = {}) {
      const { limit, offset } = pageLimit(filter, 1000, 10_000);
      let q = db.selectFrom('agent_state_intervals').selectAll();
      if (filter.agentId !== undefined) q = q.where('agent_id', '=', filter.agentId);
      if (filter.to !== undefined) q = q.where('from_at', '<', filter.to);
      if (filter.from !== undefined) {
        const from = filter.from;
        q = q.where((eb) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', from)]));
      }
      const rows = await q.orderBy('from_at').orderBy('id').limit(limit).offset(offset).execute();
      return rows.map(toInterval);
    },
  };
}
