/**
 * The records lane: call records, timesheet rows and agent presence, as tagged
 * records applied in order. Each write is idempotent on replay: call records
 * upsert by (pbx, linkedid); sessions and state intervals carry their id (a
 * second insert is a duplicate and counts as done); closing and presence writes
 * are naturally repeatable.
 */
import { isUniqueViolation } from '../errors.ts';
import type { AgentPresence } from '../repositories/agent-presence.ts';
import type { CallRecordInput } from '../repositories/call-records.ts';
import type { Repositories } from '../repositories/index.ts';
import type { AgentIntervalState } from '../repositories/timesheet.ts';

export type DurableRecord =
  | { t: 'call-record'; record: CallRecordInput }
  | { t: 'session-open'; id: string; agentId: string; pbx: string; extension: string; workstationId: string | null; at: number }
  | { t: 'session-close'; sessionId: string; at: number; reason: string }
  | {
      t: 'state';
      id: string;
      agentId: string;
      sessionId: string | null;
      pbx: string;
      extension: string;
      state: AgentIntervalState;
      reason: string | null;
      at: number;
    }
  | { t: 'interval-close'; agentId: string; at: number }
  | { t: 'presence-save'; presence: AgentPresence }
  | { t: 'presence-remove'; agentId: string };

type RecordRepos = Pick<Repositories, 'callRecords' | 'timesheet' | 'agentPresence'>;

export function createRecordApplier(repos: RecordRepos): (record: DurableRecord) => Promise<void> {
  return async (r) => {
    try {
      switch (r.t) {
        case 'call-record':
          await repos.callRecords.upsert(r.record);
          return;
        case 'session-open':
          await repos.timesheet.openSession(r);
          return;
        case 'session-close':
          await repos.timesheet.closeSession(r.sessionId, { at: r.at, reason: r.reason });
          return;
        case 'state':
          await repos.timesheet.changeState(r);
          return;
        case 'interval-close':
          await repos.timesheet.closeInterval(r.agentId, r.at);
          return;
        case 'presence-save':
          await repos.agentPresence.save(r.presence);
          return;
        case 'presence-remove':
          await repos.agentPresence.remove(r.agentId);
          return;
      }
    } catch (err) {
      // Already written by an earlier try whose answer was lost: done.
      if (isUniqueViolation(err)) return;
      throw err;
    }
  };
}
