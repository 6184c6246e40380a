import type { Channel } from '../model/channel.ts';
import { type Queue, type QueueMember, makeQueue } from '../model/queue.ts';
import { hashOrder } from '../util/format.ts';
import type { CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { DEVICE_STATUS, refreshQueueAvail } from './devices.ts';
import { deviceStateChange, queueMemberEvent } from './events.ts';
import { QueueCall, type QueueCallHost } from './queue-app.ts';

export interface AddMemberInput {
  queue: string;
  iface: string;
  memberName?: string | undefined;
  stateInterface?: string | undefined;
  penalty?: number | undefined;
  paused?: boolean | undefined;
  reason?: string | undefined;
  wrapuptime?: number | undefined;
}

/** Result texts are the ones app_queue answers with. */
export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * The queues: membership administration (QueueAdd/Remove/Pause/Penalty) and
 * the set of callers currently inside Queue().
 */
export class QueueService implements QueueCallHost {
  readonly core: PbxCore;
  readonly calls: QueueCall[] = [];

  constructor(core: PbxCore) {
    this.core = core;
    for (const q of core.config.queues) core.queues.set(q.name, makeQueue(q));
    core.hooks.memberFreed = (queue) => this.memberFreedLater(queue);
  }

  /** The caller's dialplan reached Queue(<name>). */
  enter(party: CallerParty, queueName: string): QueueCall {
    const q = this.core.queues.get(queueName)!;
    const call = new QueueCall(this, q, party);
    party.app = call;
    this.calls.push(call);
    call.join();
    return call;
  }

  finished(call: QueueCall): void {
    const i = this.calls.indexOf(call);
    if (i !== -1) this.calls.splice(i, 1);
  }

  memberFreedLater(queue: string): void {
    this.core.scheduler.after(0, () => this.kick(queue));
  }

  /** Let waiting callers of `queue` (in position order) ring members that became free. */
  kick(queue: string): void {
    for (const call of this.calls.slice()) {
      if (call.queue.config.name === queue && call.state === 'waiting') call.tryRing();
    }
  }

  /** The queue call in which `leg` is the answering member. */
  byMemberLeg(leg: Channel): QueueCall | undefined {
    return this.calls.find((c) => c.connected?.leg === leg);
  }

  byCaller(ch: Channel): QueueCall | undefined {
    return this.calls.find((c) => c.caller === ch);
  }

  add(input: AddMemberInput): AdminResult {
    const core = this.core;
    const q = core.queues.get(input.queue);
    if (!q) return { ok: false, message: 'Unable to add interface to queue: No such queue' };
    if (q.members.some((m) => m.iface === input.iface)) return { ok: false, message: 'Unable to add interface: Already there' };
    const stateInterface = input.stateInterface || input.iface;
    const m: QueueMember = {
      queue: q.config.name,
      name: input.memberName || input.iface,
      iface: input.iface,
      stateInterface,
      penalty: input.penalty ?? 0,
      callsTaken: 0,
      lastCall: 0,
      lastPause: 0,
      loginTime: Math.floor(core.now() / 1000),
      inCall: false,
      status: DEVICE_STATUS[core.devices.get(stateInterface) ?? (stateInterface.startsWith('PJSIP/') ? 'NOT_INUSE' : 'INVALID')] ?? 0,
      paused: input.paused ?? false,
      pausedReason: input.paused ? (input.reason ?? '') : '',
      ringinuse: q.config.ringinuse,
      wrapuptime: input.wrapuptime ?? q.config.wrapuptime,
      wrapupUntil: 0,
      ringing: false,
    };
    if (m.paused) m.lastPause = m.loginTime;
    q.members.push(m);
    this.#announceAdd(q, m);
    return { ok: true, message: 'Added interface to queue' };
  }

  #announceAdd(q: Queue, m: QueueMember): void {
    const core = this.core;
    deviceStateChange(core, `Queue:${q.config.name}_pause_${m.iface}`, m.paused ? 'INUSE' : 'NOT_INUSE');
    queueMemberEvent(core, 'QueueMemberAdded', m);
    if (m.paused) queueMemberEvent(core, 'QueueMemberPause', m);
    refreshQueueAvail(core, q.config.name);
    this.memberFreedLater(q.config.name);
  }

  remove(queue: string, iface: string): AdminResult {
    const q = this.core.queues.get(queue);
    if (!q) return { ok: false, message: 'Unable to remove interface from queue: No such queue' };
    const i = q.members.findIndex((m) => m.iface === iface);
    if (i === -1) return { ok: false, message: 'Unable to remove interface: Not there' };
    const [m] = q.members.splice(i, 1);
    queueMemberEvent(this.core, 'QueueMemberRemoved', m!);
    refreshQueueAvail(this.core, queue);
    return { ok: true, message: 'Removed interface from queue' };
  }

  /** Memberships of an interface, in the order app_queue walks its queue container. */
  #memberships(iface: string, queue?: string): QueueMember[] {
    const qs = hashOrder([...this.core.queues.values()], (q) => q.config.name);
    const out: QueueMember[] = [];
    for (const q of qs) {
      if (queue && q.config.name !== queue) continue;
      const m = q.members.find((x) => x.iface === iface);
      if (m) out.push(m);
    }
    return out;
  }

  pause(iface: string, paused: boolean, reason: string, queue?: string): AdminResult {
    const members = this.#memberships(iface, queue);
    if (members.length === 0) return { ok: false, message: 'Interface not found' };
    const core = this.core;
    for (const m of members) {
      m.paused = paused;
      m.pausedReason = paused ? reason : '';
      if (paused) m.lastPause = Math.floor(core.now() / 1000);
      deviceStateChange(core, `Queue:${m.queue}_pause_${m.iface}`, paused ? 'INUSE' : 'NOT_INUSE');
      refreshQueueAvail(core, m.queue);
      queueMemberEvent(core, 'QueueMemberPause', m);
      if (!paused) this.memberFreedLater(m.queue);
    }
    return { ok: true, message: paused ? 'Interface paused successfully' : 'Interface unpaused successfully' };
  }

  penalty(iface: string, penalty: number, queue?: string): AdminResult {
    const members = this.#memberships(iface, queue);
    if (members.length === 0 || !(penalty >= 0)) return { ok: false, message: 'Invalid interface, queuename or penalty' };
    for (const m of members) {
      m.penalty = penalty;
      queueMemberEvent(this.core, 'QueueMemberPenalty', m);
    }
    return { ok: true, message: 'Interface penalty set successfully' };
  }

  /** An Asterisk restart loses every dynamic member and every waiting caller. */
  reset(): void {
    this.calls.length = 0;
    for (const q of this.core.queues.values()) {
      q.members.length = 0;
      q.entries.length = 0;
      q.completed = 0;
      q.abandoned = 0;
      q.completedInSl = 0;
      q.holdtime = 0;
      q.talktime = 0;
      q.rrLast = undefined;
    }
  }
}
