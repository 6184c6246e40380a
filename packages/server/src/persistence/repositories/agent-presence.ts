/**
 * The live workflow state of each signed-in agent, one row per agent: state and
 * pause reason, the queues they chose (after queue.join / queue.leave), wrap-up
 * end and "pause after call". Written on every change, deleted at sign-out, read
 * once at start so a restart of the CTI server restores agents exactly.
 */
import type { Selectable } from 'kysely';
import type { AgentPresenceTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, parseJson } from './common.ts';

export interface PresenceQueue {
  pbx: string;
  queue: string;
  penalty: number;
  skill: string | null;
}

export interface AgentPresence {
  agentId: string;
  sessionId: string;
  pbx: string;
  extension: string;
  workstationId: string | null;
  state: string;
  reason: string | null;
  since: number;
  wrapupEndsAt: number | null;
  pauseAfterCall: string | null;
  queues: PresenceQueue[];
  /** The call whose disposition the agent still owes (its queue requires one); null or absent when none. */
  dispositionDue?: { callId: string; queue: string } | null;
}

export interface AgentPresenceRepository {
  /** Insert or replace the agent's row. */
  save(presence: AgentPresence): Promise<void>;
  /** Remove the agent's row (signed out). Idempotent. */
  remove(agentId: string): Promise<void>;
  list(): Promise<AgentPresence[]>;
}

function toPresence(row: Selectable<AgentPresenceTable>): AgentPresence {
  return {
    agentId: row.agent_id,
    sessionId: row.session_id,
    pbx: row.pbx,
    extension: row.extension,
    workstationId: row.workstation_id,
    state: row.state,
    reason: row.reason,
    since: Number(row.since),
    wrapupEndsAt: row.wrapup_ends_at === null ? null : Number(row.wrapup_ends_at),
    pauseAfterCall: row.pause_after_call,
    queues: parseJson<PresenceQueue[]>(row.queues, []),
    dispositionDue: parseJson<{ callId: string; queue: string } | null>(row.disposition_due, null),
  };
}

export function createAgentPresenceRepository(deps: RepositoryDeps): AgentPresenceRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async save(p) {
      const row = {
        agent_id: p.agentId,
        session_id: p.sessionId,
        pbx: p.pbx,
        extension: p.extension,
        workstation_id: p.workstationId,
        state: p.state,
        reason: p.reason,
        since: p.since,
        wrapup_ends_at: p.wrapupEndsAt,
        pause_after_call: p.pauseAfterCall,
        queues: JSON.stringify(p.queues.map((q) => ({ pbx: q.pbx, queue: q.queue, penalty: q.penalty, skill: q.skill }))),
        disposition_due: p.dispositionDue ? JSON.stringify({ callId: p.dispositionDue.callId, queue: p.dispositionDue.queue }) : null,
        updated_at: now(),
      };
      const { agent_id: _key, ...rest } = row;
      await db
        .insertInto('agent_presence')
        .values(row)
        .onConflict((oc) => oc.column('agent_id').doUpdateSet(rest))
        .execute();
    },
    async remove(agentId) {
      await db.deleteFrom('agent_presence').where('agent_id', '=', agentId).execute();
    },
    async list() {
      const rows = await db.selectFrom('agent_presence').selectAll().orderBy('agent_id').execute();
      return rows.map(toPresence);
    },
  };
}
