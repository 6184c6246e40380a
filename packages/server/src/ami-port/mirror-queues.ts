import type { AmiMessage } from '@amiable/ami';
import type { QueueEntryRecord, QueueMemberRecord, QueueRecord } from './model.ts';

/** Queue parameters that events never carry; they come from configuration (or QueueParams items). */
export interface QueueStaticParams {
  strategy?: string;
  max?: string;
  serviceLevel?: string;
  weight?: string;
}

interface MutableQueue extends Omit<QueueRecord, 'members' | 'entries'> {
  members: Map<string, QueueMemberRecord>;
  entries: Map<string, QueueEntryRecord>;
}

/** Member block field → record property. QueueStatus items use Name/Location instead of MemberName/Interface. */
const MEMBER_FIELDS: ReadonlyArray<readonly [string, keyof QueueMemberRecord]> = [
  ['MemberName', 'name'],
  ['Name', 'name'],
  ['StateInterface', 'stateInterface'],
  ['Membership', 'membership'],
  ['Penalty', 'penalty'],
  ['CallsTaken', 'callsTaken'],
  ['LastCall', 'lastCall'],
  ['LastPause', 'lastPause'],
  ['LoginTime', 'loginTime'],
  ['InCall', 'inCall'],
  ['Status', 'status'],
  ['Paused', 'paused'],
  ['PausedReason', 'pausedReason'],
  ['Wrapuptime', 'wrapuptime'],
];

const MEMBER_EVENTS = new Set([
  'QueueMemberAdded',
  'QueueMemberStatus',
  'QueueMemberPause',
  'QueueMemberPenalty',
  'QueueMemberRinginuse',
  'QueueMember',
]);

/**
 * app_queue's running averages: new = (3 × old + sample) / 4, in whole seconds.
 * Before any call completed or was abandoned the sample is taken as it is
 * (reconnect-resync shows Holdtime 2 after a single 2-second wait).
 */
const average = (old: string, sample: string | undefined, first: boolean) =>
  first ? String(Number(sample) || 0) : String(Math.floor((3 * (Number(old) || 0) + (Number(sample) || 0)) / 4));

/** Queues of one PBX: members, waiting callers and counters, kept from queue events. */
export class QueueMirror {
  readonly #queues = new Map<string, MutableQueue>();
  readonly #params: Readonly<Record<string, QueueStaticParams>>;

  constructor(params: Readonly<Record<string, QueueStaticParams>> = {}) {
    this.#params = params;
    for (const name of Object.keys(params)) this.#queue(name);
  }

  list(): QueueRecord[] {
    return [...this.#queues.values()].map((q) => ({
      ...q,
      members: [...q.members.values()],
      entries: [...q.entries.values()].sort((a, b) => a.position - b.position),
    }));
  }

  clear(): void {
    for (const q of this.#queues.values()) {
      q.entries.clear();
      q.members.clear();
    }
  }

  apply(msg: AmiMessage): void {
    const event = msg.event;
    const name = msg.get('Queue');
    if (event === undefined || name === undefined) return;
    const q = this.#queue(name);
    if (MEMBER_EVENTS.has(event)) this.#member(q, msg);
    else if (event === 'QueueMemberRemoved') q.members.delete(msg.get('Interface') ?? '');
    else if (event === 'QueueCallerJoin' || event === 'QueueEntry') this.#join(q, msg);
    else if (event === 'QueueCallerLeave') this.#leave(q, msg.get('Uniqueid') ?? '');
    else if (event === 'QueueCallerAbandon') q.abandoned = String((Number(q.abandoned) || 0) + 1);
    else if (event === 'AgentConnect') q.holdtime = average(q.holdtime, msg.get('HoldTime'), this.#fresh(q));
    else if (event === 'AgentComplete') {
      q.talktime = average(q.talktime, msg.get('TalkTime'), q.completed === '0');
      q.completed = String((Number(q.completed) || 0) + 1);
    } else if (event === 'QueueParams') this.#setParams(q, msg);
  }

  #fresh(q: MutableQueue): boolean {
    return (Number(q.completed) || 0) + (Number(q.abandoned) || 0) === 0;
  }

  #queue(name: string): MutableQueue {
    let q = this.#queues.get(name);
    if (q) return q;
    const p = this.#params[name] ?? {};
    q = {
      queue: name,
      max: p.max ?? '0',
      strategy: p.strategy ?? '',
      holdtime: '0',
      talktime: '0',
      completed: '0',
      abandoned: '0',
      serviceLevel: p.serviceLevel ?? '0',
      serviceLevelPerf: '0.0',
      serviceLevelPerf2: '0.0',
      weight: p.weight ?? '0',
      members: new Map(),
      entries: new Map(),
    };
    this.#queues.set(name, q);
    return q;
  }

  #member(q: MutableQueue, msg: AmiMessage): void {
    const iface = msg.get('Interface') ?? msg.get('Location');
    if (iface === undefined) return;
    let m = q.members.get(iface);
    if (!m) {
      m = {
        name: iface,
        location: iface,
        stateInterface: iface,
        membership: 'dynamic',
        penalty: '0',
        callsTaken: '0',
        lastCall: '0',
        lastPause: '0',
        loginTime: '0',
        inCall: '0',
        status: '0',
        paused: '0',
        pausedReason: '',
        wrapuptime: '0',
      };
      q.members.set(iface, m);
    }
    const record = m as unknown as Record<string, string>;
    for (const [field, prop] of MEMBER_FIELDS) {
      const v = msg.get(field);
      if (v !== undefined) record[prop] = v;
    }
  }

  #join(q: MutableQueue, msg: AmiMessage): void {
    const uid = msg.get('Uniqueid');
    if (uid === undefined) return;
    const wait = Number(msg.get('Wait'));
    q.entries.set(uid, {
      position: Number(msg.get('Position')) || q.entries.size + 1,
      channel: msg.get('Channel') ?? '',
      uniqueid: uid,
      callerIdNum: msg.get('CallerIDNum') ?? '',
      callerIdName: msg.get('CallerIDName') ?? '',
      connectedLineNum: msg.get('ConnectedLineNum') ?? '',
      connectedLineName: msg.get('ConnectedLineName') ?? '',
      joinedAt: Number.isFinite(wait) ? msg.receivedAt - wait * 1000 : msg.receivedAt,
      priority: msg.get('Priority') ?? '0',
    });
  }

  /** Asterisk renumbers the callers behind the one that left. */
  #leave(q: MutableQueue, uid: string): void {
    if (!q.entries.delete(uid)) return;
    const rest = [...q.entries.values()].sort((a, b) => a.position - b.position);
    rest.forEach((e, i) => {
      e.position = i + 1;
    });
  }

  #setParams(q: MutableQueue, msg: AmiMessage): void {
    q.max = msg.get('Max') ?? q.max;
    q.strategy = msg.get('Strategy') ?? q.strategy;
    q.serviceLevel = msg.get('ServiceLevel') ?? q.serviceLevel;
    q.weight = msg.get('Weight') ?? q.weight;
    q.completed = msg.get('Completed') ?? q.completed;
    q.abandoned = msg.get('Abandoned') ?? q.abandoned;
    q.holdtime = msg.get('Holdtime') ?? q.holdtime;
    q.talktime = msg.get('TalkTime') ?? q.talktime;
  }
}
