import type { Channel } from '../model/channel.ts';
import { type Queue, type QueueMember, isAvailable } from '../model/queue.ts';
import type { CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint, refreshQueueAvail } from './devices.ts';
import { agentCalled, agentRingNoAnswer, dialBegin, dialEnd, dialState, hangup, newConnectedLine, newchannel, newstate } from './events.ts';
import { appStart, varset } from './noise.ts';

/** One member being rung for one caller. */
export interface Attempt {
  readonly member: QueueMember;
  readonly leg: Channel;
  readonly startedAt: number;
}

export const endpointOf = (iface: string): string => iface.replace(/^PJSIP\//, '');

/**
 * Members to ring now, by strategy. `cursor` is the caller's position in the
 * member list (linear), or the queue's round-robin memory (rrmemory).
 */
export function pickMembers(q: Queue, cursor: { next: number }, now: number): QueueMember[] {
  const avail = (m: QueueMember) => isAvailable(m, now);
  if (q.config.strategy === 'ringall') return q.members.filter(avail);
  const n = q.members.length;
  if (n === 0) return [];
  let start = cursor.next % n;
  if (q.config.strategy === 'rrmemory' && q.rrLast !== undefined) {
    const last = q.members.findIndex((m) => m.iface === q.rrLast);
    if (last !== -1) start = (last + 1) % n;
  }
  for (let i = 0; i < n; i++) {
    const m = q.members[(start + i) % n]!;
    if (avail(m)) {
      cursor.next = (start + i + 1) % n;
      if (q.config.strategy === 'rrmemory') q.rrLast = m.iface;
      return [m];
    }
  }
  return [];
}

/**
 * Ring the chosen members: a new PJSIP leg per member with AgentCalled and
 * DialBegin, then Ringing, the device state, and DialState RINGING. With a
 * single member the caller's connected line is updated at once; with ringall
 * it is held until someone answers.
 */
export function ringMembers(core: PbxCore, q: Queue, party: CallerParty, members: QueueMember[]): Attempt[] {
  const caller = party.channel;
  const attempts: Attempt[] = [];
  const single = members.length === 1 && q.config.strategy !== 'ringall';
  for (const m of members) {
    const endpoint = endpointOf(m.iface);
    const leg = core.pjsipChannel(endpoint, caller.linkedid);
    for (const [k, v] of caller.inherit) leg.inherit.push([k, v]);
    m.ringing = true;
    newchannel(core, leg);
    for (const [k, v] of leg.inherit) varset(core, leg, k, v);
    varset(core, leg, 'DIALEDPEERNUMBER', endpoint);
    agentCalled(core, caller, leg, m);
    dialBegin(core, caller, leg, m.iface);
    if (single) {
      newConnectedLine(core, caller, leg.callerNum, leg.callerName);
      party.connectedChanged();
    }
    attempts.push({ member: m, leg, startedAt: core.now() });
  }
  for (const a of attempts) {
    a.leg.exten = q.config.name;
    newstate(core, a.leg, 5);
    appStart(core, a.leg, 'AppQueue', '(Outgoing Line)');
    newConnectedLine(core, a.leg, caller.callerNum, caller.callerName);
    refreshEndpoint(core, endpointOf(a.member.iface));
  }
  for (const a of attempts) dialState(core, caller, a.leg, 'RINGING');
  refreshQueueAvail(core, q.config.name);
  return attempts;
}

export type FailKind = 'NOANSWER' | 'BUSY' | 'REJECT';

/** An attempt ends without an answer: AgentRingNoAnswer, DialEnd(s), the leg hangs up. */
export function failAttempt(core: PbxCore, caller: Channel, a: Attempt, kind: FailKind): void {
  agentRingNoAnswer(core, caller, a.leg, a.member, core.now() - a.startedAt);
  if (kind === 'BUSY') {
    dialEnd(core, caller, a.leg, 'BUSY');
    hangup(core, a.leg, 17);
  } else if (kind === 'REJECT') {
    dialEnd(core, caller, a.leg, 'NOANSWER');
    hangup(core, a.leg, 21);
  } else {
    dialEnd(core, caller, a.leg, 'NOANSWER');
    dialEnd(core, caller, a.leg, 'CANCEL');
    hangup(core, a.leg, 0);
  }
  a.member.ringing = false;
  refreshEndpoint(core, endpointOf(a.member.iface));
}

/** Cancel attempts (caller gone or answered elsewhere): two DialEnd CANCEL each. */
export function cancelDialEnds(core: PbxCore, caller: Channel, attempts: readonly Attempt[]): void {
  for (const a of attempts) dialEnd(core, caller, a.leg, 'CANCEL');
  for (const a of attempts) dialEnd(core, caller, a.leg, 'CANCEL');
}

/** Hang up cancelled legs (cause 0 for an abandon, 26 for answered elsewhere). */
export function dropAttempts(core: PbxCore, attempts: readonly Attempt[], cause: number): void {
  for (const a of attempts) {
    hangup(core, a.leg, cause);
    a.member.ringing = false;
  }
  for (const a of attempts) refreshEndpoint(core, endpointOf(a.member.iface));
}
