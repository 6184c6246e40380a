import type { EpochMs } from '../telephony/types.ts';
import type { AgentState } from './agent-state.ts';

/** One leg of the agent's phone, as far as agent state cares. */
export interface AgentLeg {
  state: number;
  /** app_queue offered this leg (AgentCalled): it rings even while still Down. */
  offered: boolean;
  linkedid: string;
  queue: string | null;
  /** The ring attempt ended without an answer; the leg only waits for its Hangup. */
  ended: boolean;
}

export interface Membership {
  paused: boolean;
  reason: string | null;
}

export interface WrapUp {
  readonly linkedid: string;
  readonly queue: string | null;
  readonly since: EpochMs;
  readonly deadline: EpochMs | null;
}

export interface OpenInterval {
  readonly state: AgentState;
  readonly reason: string | null;
  readonly from: EpochMs;
  readonly linkedid: string | null;
  readonly callQueue: string | null;
}

/** Everything the tracker knows about one extension. */
export interface AgentRecord {
  readonly extension: string;
  readonly memberships: Map<string, Membership>;
  readonly legs: Map<string, AgentLeg>;
  /** The device reports ringing while no leg of it is known (channel events missing). */
  deviceRinging: boolean;
  /** AgentComplete seen; wrap-up starts when the agent's legs are gone. */
  pending: { readonly linkedid: string; readonly queue: string | null } | null;
  wrapUp: WrapUp | null;
  headline: AgentState;
  /** Open intervals by scope: '' for all queues, else the queue name. */
  readonly open: Map<string, OpenInterval>;
}

export function newRecord(extension: string): AgentRecord {
  return {
    extension,
    memberships: new Map(),
    legs: new Map(),
    deviceRinging: false,
    pending: null,
    wrapUp: null,
    headline: 'logged-out',
    open: new Map(),
  };
}

export type Activity = 'idle' | 'ringing' | 'on-call' | 'wrap-up';

export interface ActivityInfo {
  readonly activity: Activity;
  readonly linkedid: string | null;
  readonly callQueue: string | null;
}

const IDLE: ActivityInfo = { activity: 'idle', linkedid: null, callQueue: null };

/**
 * What the phone is doing. A leg that is up (6), or dialling out (3 Dialing,
 * 4 Ring), means on a call; a leg ringing (5) or offered by a queue means
 * ringing. The device state only counts when no leg is known at all.
 */
export function activityOf(rec: AgentRecord): ActivityInfo {
  let ringing: AgentLeg | null = null;
  for (const leg of rec.legs.values()) {
    if (leg.ended) continue;
    if (leg.state === 6 || leg.state === 4 || leg.state === 3) return { activity: 'on-call', linkedid: leg.linkedid, callQueue: leg.queue };
    if (ringing === null && (leg.state === 5 || leg.offered)) ringing = leg;
  }
  if (ringing !== null) return { activity: 'ringing', linkedid: ringing.linkedid, callQueue: ringing.queue };
  if (rec.legs.size === 0 && rec.deviceRinging) return { activity: 'ringing', linkedid: null, callQueue: null };
  if (rec.wrapUp !== null) return { activity: 'wrap-up', linkedid: rec.wrapUp.linkedid, callQueue: rec.wrapUp.queue };
  return IDLE;
}

export interface ScopedState {
  readonly state: AgentState;
  readonly reason: string | null;
}

/** The headline state: one value for the agent as a whole. */
export function headlineOf(rec: AgentRecord, act: ActivityInfo): ScopedState {
  if (rec.memberships.size === 0) return { state: 'logged-out', reason: null };
  if (act.activity !== 'idle') return { state: act.activity, reason: null };
  let reason: string | null = null;
  for (const m of rec.memberships.values()) {
    if (!m.paused) return { state: 'ready', reason: null };
    reason ??= m.reason;
  }
  return { state: 'paused', reason };
}

/** State per scope: one entry under '' when every queue agrees, else one per queue. */
export function scopesOf(rec: AgentRecord, act: ActivityInfo): Map<string, ScopedState> {
  const out = new Map<string, ScopedState>();
  if (rec.memberships.size === 0) return out;
  if (act.activity !== 'idle') {
    out.set('', { state: act.activity, reason: null });
    return out;
  }
  let first: ScopedState | null = null;
  let uniform = true;
  for (const [queue, m] of rec.memberships) {
    const s: ScopedState = m.paused ? { state: 'paused', reason: m.reason } : { state: 'ready', reason: null };
    out.set(queue, s);
    if (first === null) first = s;
    else if (first.state !== s.state || first.reason !== s.reason) uniform = false;
  }
  if (uniform && first !== null) {
    out.clear();
    out.set('', first);
  }
  return out;
}
