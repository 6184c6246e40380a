import type { Bridge } from '../model/bridge.ts';
import type { Channel } from '../model/channel.ts';
import type { Queue, QueueMember } from '../model/queue.ts';
import type { Task } from '../time/scheduler.ts';
import { bridgeTwo, setPeerVars } from './bridging.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint, refreshQueueCallers } from './devices.ts';
import {
  agentComplete,
  agentConnect,
  bridgeDestroy,
  bridgeLeave,
  dialEnd,
  hangup,
  hangupRequest,
  mohStart,
  mohStop,
  newConnectedLine,
  newstate,
  queueCallerAbandon,
  queueCallerJoin,
  queueCallerLeave,
  softHangupRequest,
} from './events.ts';
import { cdr, rtpQos, rtpQosBridged, startRtcp, varset, varsets } from './noise.ts';
import { type Attempt, type FailKind, cancelDialEnds, dropAttempts, endpointOf, failAttempt, pickMembers, ringMembers } from './queue-ring.ts';
import { abandonVars, memberVars, queueRecord, queueVars, rolling, secs, settleCompleted } from './queue-vars.ts';

/** What the queue service offers a call (wired by QueueService). */
export interface QueueCallHost {
  readonly core: PbxCore;
  finished(call: QueueCall): void;
  memberFreedLater(queue: string): void;
}

interface Connected {
  member: QueueMember;
  leg: Channel;
  bridge: Bridge;
  answeredAt: number;
  holdSec: number;
}

/**
 * One caller inside app_queue: waiting with music, ringing members by
 * strategy, retrying, then bridged to the member who answered. Event order
 * follows the recorded transcripts (QueueCallerLeave before AgentConnect,
 * AgentComplete before the bridge is torn down, QueueCallerAbandon before
 * QueueCallerLeave).
 */
export class QueueCall implements CallerApp {
  readonly queue: Queue;
  readonly party: CallerParty;
  readonly caller: Channel;
  readonly joinedAt: number;
  state: 'waiting' | 'ringing' | 'retry' | 'bridged' | 'transferred' | 'done' = 'waiting';
  attempts: Attempt[] = [];
  connected: Connected | undefined;
  readonly #host: QueueCallHost;
  readonly #core: PbxCore;
  readonly #cursor = { next: 0 };
  #timer: Task | undefined;
  readonly originalPosition: number;

  constructor(host: QueueCallHost, queue: Queue, party: CallerParty) {
    this.#host = host;
    this.#core = host.core;
    this.queue = queue;
    this.party = party;
    this.caller = party.channel;
    this.joinedAt = this.#core.now();
    this.originalPosition = queue.entries.length + 1;
  }

  get position(): number {
    return this.queue.entries.findIndex((e) => e.channel === this.caller) + 1;
  }

  /** Queue() starts: reset the result variables, join, start music, ring. */
  join(): void {
    const core = this.#core;
    const c = this.caller;
    varsets(core, c, [
      ['ANSWEREDTIME', ''],
      ['ANSWEREDTIME_MS', ''],
      ['DIALEDTIME', ''],
      ['DIALEDTIME_MS', ''],
      ['QUEUEWAIT', ''],
      ['QUEUEWAIT_MS', ''],
    ]);
    this.queue.entries.push({ channel: c, joinedAt: this.joinedAt, originalPosition: this.originalPosition });
    refreshQueueCallers(core, this.queue.config.name);
    queueCallerJoin(core, c, this.queue.config.name, this.position, this.queue.entries.length);
    mohStart(core, c, this.queue.config.musicclass);
    this.tryRing();
    this.party.initialBurstDone();
  }

  /** Ring whoever the strategy picks, if the caller is free to ring. */
  tryRing(): void {
    if (this.state !== 'waiting') return;
    const members = pickMembers(this.queue, this.#cursor, this.#core.now());
    if (members.length === 0) return;
    this.state = 'ringing';
    this.attempts = ringMembers(this.#core, this.queue, this.party, members);
    for (const a of this.attempts) {
      this.#core.phones.ring(a.leg, {
        answer: () => this.#answered(a),
        busy: () => this.#failed(a, 'BUSY'),
        reject: () => this.#failed(a, 'REJECT'),
      });
      a.leg.handler = { hangup: (_ch, _how, cause) => this.#failed(a, cause === 17 ? 'BUSY' : 'REJECT') };
    }
    this.#timer = this.#core.scheduler.after(this.queue.config.timeout * 1000, () => this.#timeout());
  }

  #timeout(): void {
    if (this.state !== 'ringing') return;
    const attempts = this.attempts;
    this.attempts = [];
    for (const a of attempts) {
      this.#record(a.leg, 'NO ANSWER');
      failAttempt(this.#core, this.caller, a, 'NOANSWER');
    }
    this.#retryLater();
  }

  /** One CDR record per party dialled, written with the caller's CDR. */
  #record(leg: Channel, disposition: 'ANSWERED' | 'NO ANSWER' | 'BUSY', answeredAt?: number): void {
    this.party.records.push(queueRecord(this.queue, this.caller, leg, disposition, answeredAt));
  }

  #failed(a: Attempt, kind: FailKind): void {
    if (this.state !== 'ringing' || !this.attempts.includes(a)) return;
    this.attempts = this.attempts.filter((x) => x !== a);
    this.#record(a.leg, kind === 'BUSY' ? 'BUSY' : 'NO ANSWER');
    failAttempt(this.#core, this.caller, a, kind);
    if (this.attempts.length === 0) {
      this.#timer?.cancel();
      this.#retryLater();
    }
  }

  #retryLater(): void {
    this.state = 'retry';
    this.#timer = this.#core.scheduler.after(this.queue.config.retry * 1000, () => {
      if (this.state !== 'retry') return;
      this.state = 'waiting';
      this.tryRing();
    });
  }

  /** QUEUENAME … QUEUESRVLEVELPERF, as Queue() sets them. */
  queueVars(): Array<[string, string]> {
    return queueVars(this.queue);
  }

  #leaveQueue(): void {
    const q = this.queue;
    const position = this.position;
    const i = q.entries.findIndex((e) => e.channel === this.caller);
    if (i !== -1) q.entries.splice(i, 1);
    refreshQueueCallers(this.#core, q.config.name);
    queueCallerLeave(this.#core, this.caller, q.config.name, Math.max(1, position), q.entries.length);
  }

  #answered(a: Attempt): void {
    if (this.state !== 'ringing') return;
    const core = this.#core;
    const c = this.caller;
    this.#timer?.cancel();
    const losers = this.attempts.filter((x) => x !== a);
    for (const l of losers) core.phones.stopRinging(l.leg);
    this.attempts = [];
    this.state = 'bridged';
    const m = a.member;
    const leg = a.leg;
    newstate(core, leg, 6);
    dialEnd(core, c, leg, 'ANSWER');
    for (const l of losers) dialEnd(core, c, l.leg, 'CANCEL');
    if (this.queue.config.strategy === 'ringall') {
      newConnectedLine(core, c, leg.callerNum, leg.callerName);
      this.party.connectedChanged();
    }
    for (const l of losers) dialEnd(core, c, l.leg, 'CANCEL');
    m.ringing = false;
    refreshEndpoint(core, endpointOf(m.iface));
    mohStop(core, c);
    const now = core.now();
    const holdSec = secs(now - this.joinedAt);
    const q = this.queue;
    q.holdtime = rolling(q.holdtime, holdSec);
    varsets(core, c, memberVars(m));
    varsets(core, leg, memberVars(m));
    const entryVars: Array<[string, string]> = [
      ['QEHOLDTIME', String(holdSec)],
      ['QEORIGINALPOS', String(this.originalPosition)],
    ];
    varsets(core, c, entryVars);
    varsets(core, leg, entryVars);
    this.#leaveQueueVarsFirst(leg);
    varsets(core, c, [
      ['QUEUEPOSITION', String(this.originalPosition)],
      ['QUEUEWAIT', String(holdSec)],
      ['QUEUEWAIT_MS', String(now - this.joinedAt)],
    ]);
    agentConnect(core, c, leg, m, holdSec, secs(now - a.startedAt));
    m.inCall = true;
    const bridge = bridgeTwo(core, leg, c);
    this.connected = { member: m, leg, bridge, answeredAt: now, holdSec };
    this.#record(leg, 'ANSWERED', c.answeredAt);
    dropAttempts(core, losers, 26);
    startRtcp(core, leg);
    leg.handler = { hangup: (_ch, how, cause) => this.#agentGone(how, cause) };
    core.phones.answered(leg);
    this.party.bridged?.();
  }

  /** QUEUE* variables on both legs, then the caller leaves the queue. */
  #leaveQueueVarsFirst(leg: Channel): void {
    const vars = this.queueVars();
    varsets(this.#core, this.caller, vars);
    varsets(this.#core, leg, vars);
    this.#leaveQueue();
  }

  #complete(talkSec: number): void {
    const c = this.connected;
    if (!c) return;
    const wrapupMs = settleCompleted(this.queue, c.member, c.holdSec, talkSec, this.#core.now());
    if (wrapupMs > 0) this.#core.scheduler.after(wrapupMs, () => this.#host.memberFreedLater(this.queue.config.name));
  }

  #postCallVars(): void {
    const core = this.#core;
    const c = this.caller;
    const con = this.connected;
    const answeredMs = con ? core.now() - con.answeredAt : 0;
    varsets(core, c, this.queueVars());
    varsets(core, c, [
      ['ANSWEREDTIME', String(secs(answeredMs))],
      ['ANSWEREDTIME_MS', String(answeredMs)],
      ['DIALEDTIME', String(secs(core.now() - this.joinedAt))],
      ['DIALEDTIME_MS', String(core.now() - this.joinedAt)],
    ]);
    varsets(core, c, this.queueVars());
  }

  callerGone(party: CallerParty): void {
    const core = this.#core;
    if (this.state === 'bridged' || this.state === 'transferred') {
      const con = this.connected!;
      const talkSec = secs(core.now() - con.answeredAt);
      if (this.state === 'bridged') {
        agentComplete(core, this.caller, con.leg, con.member, con.holdSec, talkSec, 'caller');
        this.#complete(talkSec);
      }
      party.farGone();
      setPeerVars(core, this.caller, con.leg, true);
      bridgeLeave(core, con.bridge, this.caller);
      this.#postCallVars();
      bridgeLeave(core, con.bridge, con.leg);
      rtpQos(core, con.leg);
      bridgeDestroy(core, con.bridge);
      party.hangupCaller();
      if (this.state === 'transferred') {
        cdr(core, con.leg, {
          disposition: 'ANSWERED',
          answeredAt: con.leg.answeredAt,
          lastApplication: 'AppDial',
          lastData: '(Outgoing Line)',
          destination: '',
          destinationContext: con.leg.context,
        });
      }
      hangup(core, con.leg, 16);
      if (con.leg.endpoint) refreshEndpoint(core, con.leg.endpoint);
      this.#finish();
      return;
    }
    this.#abandon(party);
  }

  #abandon(party: CallerParty): void {
    const core = this.#core;
    const c = this.caller;
    this.#timer?.cancel();
    const attempts = this.attempts;
    this.attempts = [];
    for (const a of attempts) core.phones.stopRinging(a.leg);
    party.farGone();
    mohStop(core, c);
    cancelDialEnds(core, c, attempts);
    const waitMs = core.now() - this.joinedAt;
    varsets(core, c, abandonVars(waitMs));
    varsets(core, c, this.queueVars());
    queueCallerAbandon(core, c, this.queue.config.name, Math.max(1, this.position), this.originalPosition, secs(waitMs));
    this.queue.abandoned++;
    varsets(core, c, this.queueVars());
    this.#leaveQueue();
    varset(core, c, 'QUEUEPOSITION', String(this.originalPosition));
    if (attempts[0]) this.#record(attempts[0].leg, 'NO ANSWER');
    party.hangupCaller();
    dropAttempts(core, attempts, 0);
    this.#finish();
  }

  /** The member's phone hung up (or an AMI Hangup of the member's leg). */
  #agentGone(how: 'soft' | 'device', cause: number): void {
    if (this.state !== 'bridged' && this.state !== 'transferred') return;
    const core = this.#core;
    const con = this.connected!;
    const leg = con.leg;
    const c = this.caller;
    if (how === 'device') {
      rtpQosBridged(core, leg, c);
      hangupRequest(core, leg, cause);
    } else softHangupRequest(core, leg, cause);
    varset(core, leg, 'BRIDGEPEER', '');
    const talkSec = secs(core.now() - con.answeredAt);
    if (this.state === 'bridged') {
      agentComplete(core, c, leg, con.member, con.holdSec, talkSec, 'agent');
      this.#complete(talkSec);
    }
    varset(core, c, 'BRIDGEPEER', '');
    if (leg.kind === 'pjsip') varset(core, c, 'BRIDGEPVTCALLID', '');
    bridgeLeave(core, con.bridge, leg);
    if (how === 'soft') rtpQos(core, leg);
    bridgeLeave(core, con.bridge, c);
    this.#postCallVars();
    bridgeDestroy(core, con.bridge);
    this.party.hangupCaller(cause);
    hangup(core, leg, cause);
    if (leg.endpoint) refreshEndpoint(core, leg.endpoint);
    this.#finish();
  }

  /**
   * The member's leg is handed over by a transfer: AgentComplete (Reason:
   * transfer) and the member's statistics are settled here.
   */
  completeTransfer(): Connected {
    const con = this.connected!;
    const talkSec = secs(this.#core.now() - con.answeredAt);
    agentComplete(this.#core, this.caller, con.leg, con.member, con.holdSec, talkSec, 'transfer');
    this.#complete(talkSec);
    return con;
  }

  /** After an attended transfer the caller stays in the queue bridge with a new peer. */
  replacePeer(leg: Channel, via: readonly Channel[] = []): void {
    const con = this.connected!;
    for (const hop of via) this.#record(hop, 'ANSWERED', this.caller.answeredAt);
    this.#record(leg, 'ANSWERED', this.caller.answeredAt);
    this.connected = { ...con, leg };
    this.state = 'transferred';
    leg.handler = { hangup: (_ch, how, cause) => this.#agentGone(how, cause) };
  }

  /** The caller left (blind transfer / redirect): the queue no longer owns it. */
  detach(): void {
    this.state = 'done';
    this.#timer?.cancel();
    this.#host.finished(this);
  }

  #finish(): void {
    this.state = 'done';
    this.#timer?.cancel();
    this.#host.finished(this);
  }
}
