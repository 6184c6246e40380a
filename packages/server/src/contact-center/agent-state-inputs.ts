import type { DomainChange } from '../telephony/changes.ts';
import type { AgentLeg, AgentRecord } from './agent-state-record.ts';

export interface Touched {
  readonly record: AgentRecord;
  /** The change ends a running wrap-up (unpause, a new call, signing out). */
  readonly endWrapUp: boolean;
}

function isActive(leg: AgentLeg): boolean {
  if (leg.ended) return false;
  return leg.offered || leg.state === 3 || leg.state === 4 || leg.state === 5 || leg.state === 6;
}

/** A leg of another call became active: any wrap-up (running or pending) is over. */
function activeLeg(rec: AgentRecord, leg: AgentLeg): Touched {
  if (!isActive(leg)) return { record: rec, endWrapUp: false };
  if (rec.pending !== null && rec.pending.linkedid !== leg.linkedid) rec.pending = null;
  return { record: rec, endWrapUp: rec.wrapUp !== null && rec.wrapUp.linkedid !== leg.linkedid };
}

/**
 * Fold one domain change into the record of the extension it concerns.
 * Returns null when the change does not concern agent state.
 */
export function applyToRecord(change: DomainChange, recordOf: (ext: string) => AgentRecord): Touched | null {
  switch (change.type) {
    case 'queue-member-added':
    case 'queue-member-updated': {
      const m = change.member;
      if (m.extension === null) return null;
      const rec = recordOf(m.extension);
      const before = rec.memberships.get(m.queue);
      if (before !== undefined && before.paused === m.paused && before.reason === m.pausedReason && change.cause !== 'pause') return null;
      rec.memberships.set(m.queue, { paused: m.paused, reason: m.paused ? m.pausedReason : null });
      return { record: rec, endWrapUp: change.cause === 'pause' && !m.paused };
    }
    case 'queue-member-removed': {
      const m = change.member;
      if (m.extension === null) return null;
      const rec = recordOf(m.extension);
      rec.memberships.delete(m.queue);
      if (rec.memberships.size > 0) return { record: rec, endWrapUp: false };
      rec.pending = null;
      return { record: rec, endWrapUp: true };
    }
    case 'channel-created': {
      if (change.extension === null) return null;
      const rec = recordOf(change.extension);
      const leg: AgentLeg = { state: change.state, offered: false, linkedid: change.linkedid, queue: null, ended: false };
      rec.legs.set(change.uniqueid, leg);
      rec.deviceRinging = false;
      return activeLeg(rec, leg);
    }
    case 'channel-state': {
      if (change.extension === null) return null;
      const rec = recordOf(change.extension);
      const leg = rec.legs.get(change.uniqueid);
      if (leg === undefined || leg.state === change.state) return null;
      leg.state = change.state;
      return activeLeg(rec, leg);
    }
    case 'channel-hungup': {
      if (change.extension === null) return null;
      const rec = recordOf(change.extension);
      rec.deviceRinging = false;
      return rec.legs.delete(change.uniqueid) ? { record: rec, endWrapUp: false } : null;
    }
    case 'agent-called': {
      if (change.extension === null || change.agentUniqueid === null) return null;
      const rec = recordOf(change.extension);
      let leg = rec.legs.get(change.agentUniqueid);
      if (leg === undefined) {
        leg = { state: 0, offered: true, linkedid: change.linkedid, queue: change.queue, ended: false };
        rec.legs.set(change.agentUniqueid, leg);
      }
      leg.offered = true;
      leg.queue = change.queue;
      return activeLeg(rec, leg);
    }
    case 'agent-ring-no-answer':
      return dropLeg(change.extension, change.agentUniqueid, recordOf);
    case 'dial-end':
      return change.status === 'ANSWER' ? null : dropLeg(change.destExtension, change.destUniqueid, recordOf);
    case 'agent-completed': {
      if (change.extension === null) return null;
      const rec = recordOf(change.extension);
      rec.pending = { linkedid: change.linkedid, queue: change.queue };
      return { record: rec, endWrapUp: false };
    }
    case 'device-state': {
      if (change.extension === null) return null;
      const rec = recordOf(change.extension);
      // Only a device ringing with no known leg counts: channel events are better when we have them.
      const ringing = (change.state === 'RINGING' || change.state === 'RINGINUSE') && rec.legs.size === 0;
      if (ringing === rec.deviceRinging) return null;
      rec.deviceRinging = ringing;
      return { record: rec, endWrapUp: false };
    }
    default:
      return null;
  }
}

/** A ring attempt ended without an answer: the leg stops counting before its Hangup arrives. */
function dropLeg(extension: string | null, uniqueid: string | null, recordOf: (ext: string) => AgentRecord): Touched | null {
  if (extension === null || uniqueid === null) return null;
  const rec = recordOf(extension);
  const leg = rec.legs.get(uniqueid);
  if (leg === undefined || leg.ended) return null;
  leg.ended = true;
  return { record: rec, endWrapUp: false };
}
