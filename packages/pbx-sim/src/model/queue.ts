import type { Pairs } from '../ami/event-bus.ts';
import type { ResolvedConfig } from '../config.ts';
import type { Channel } from './channel.ts';

export type QueueConfig = ResolvedConfig['queues'][number];

/** A dynamic queue member, with the fields of app_queue's member blob. */
export interface QueueMember {
  readonly queue: string;
  readonly name: string;
  readonly iface: string;
  readonly stateInterface: string;
  penalty: number;
  callsTaken: number;
  lastCall: number;
  lastPause: number;
  readonly loginTime: number;
  inCall: boolean;
  /** Device state number (1 free, 2 in use, 6 ringing, ...). */
  status: number;
  paused: boolean;
  pausedReason: string;
  ringinuse: boolean;
  wrapuptime: number;
  /** Epoch ms before which the member is in wrap-up and not rung. */
  wrapupUntil: number;
  /** A queue call is ringing this member right now. */
  ringing: boolean;
}

/** A caller waiting in a queue. */
export interface QueueEntry {
  readonly channel: Channel;
  readonly joinedAt: number;
  readonly originalPosition: number;
}

export interface Queue {
  readonly config: QueueConfig;
  readonly members: QueueMember[];
  readonly entries: QueueEntry[];
  completed: number;
  abandoned: number;
  completedInSl: number;
  /** Rolling averages in seconds, updated as app_queue does ((old*3 + new) / 4). */
  holdtime: number;
  talktime: number;
  /** rrmemory: interface of the member rung last. */
  rrLast: string | undefined;
}

export function makeQueue(config: QueueConfig): Queue {
  return {
    config,
    members: [],
    entries: [],
    completed: 0,
    abandoned: 0,
    completedInSl: 0,
    holdtime: 0,
    talktime: 0,
    rrLast: undefined,
  };
}

const s = (n: number) => String(Math.floor(n));

/** The member blob of QueueMemberAdded/Removed/Pause/Status/Penalty, in wire order. */
export function memberBlob(m: QueueMember): Pairs {
  return [
    ['Queue', m.queue],
    ['MemberName', m.name],
    ['Interface', m.iface],
    ['StateInterface', m.stateInterface],
    ['Membership', 'dynamic'],
    ['Penalty', s(m.penalty)],
    ['CallsTaken', s(m.callsTaken)],
    ['LastCall', s(m.lastCall)],
    ['LastPause', s(m.lastPause)],
    ['LoginTime', s(m.loginTime)],
    ['InCall', m.inCall ? '1' : '0'],
    ['Status', s(m.status)],
    ['Paused', m.paused ? '1' : '0'],
    ['PausedReason', m.pausedReason],
    ['Ringinuse', m.ringinuse ? '1' : '0'],
    ['Wrapuptime', s(m.wrapuptime)],
  ];
}

/** The QueueStatus list item: `Name`/`Location`, no Ringinuse, ActionID last. */
export function memberListItem(m: QueueMember, actionId: string | undefined): Pairs {
  const out: Pairs = [
    ['Queue', m.queue],
    ['Name', m.name],
    ['Location', m.iface],
    ['StateInterface', m.stateInterface],
    ['Membership', 'dynamic'],
    ['Penalty', s(m.penalty)],
    ['CallsTaken', s(m.callsTaken)],
    ['LastCall', s(m.lastCall)],
    ['LastPause', s(m.lastPause)],
    ['LoginTime', s(m.loginTime)],
    ['InCall', m.inCall ? '1' : '0'],
    ['Status', s(m.status)],
    ['Paused', m.paused ? '1' : '0'],
    ['PausedReason', m.pausedReason],
    ['Wrapuptime', s(m.wrapuptime)],
  ];
  if (actionId !== undefined) out.push(['ActionID', actionId]);
  return out;
}

export function serviceLevelPerf(q: Queue): string {
  return (q.completed > 0 ? (q.completedInSl / q.completed) * 100 : 0).toFixed(1);
}

export function serviceLevelPerf2(q: Queue): string {
  const total = q.completed + q.abandoned;
  return (total > 0 ? (q.completedInSl / total) * 100 : 0).toFixed(1);
}

/** A member that may be rung right now (ringinuse=no semantics). */
export function isAvailable(m: QueueMember, now: number): boolean {
  if (m.paused || m.ringing || now < m.wrapupUntil) return false;
  if (m.ringinuse) return m.status !== 5 && m.status !== 4 && m.status !== 6;
  return m.status === 1 || m.status === 0;
}
