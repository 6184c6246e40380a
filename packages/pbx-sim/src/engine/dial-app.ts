import type { Bridge } from '../model/bridge.ts';
import type { Channel } from '../model/channel.ts';
import type { Task } from '../time/scheduler.ts';
import { bridgeTwo, setPeerVars } from './bridging.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint } from './devices.ts';
import {
  bridgeDestroy,
  bridgeLeave,
  dialBegin,
  dialEnd,
  dialState,
  hangup,
  hangupRequest,
  newConnectedLine,
  newchannel,
  newstate,
  softHangupRequest,
} from './events.ts';
import { appStart, newexten, rtpQos, rtpQosBridged, startRtcp, varset, varsets } from './noise.ts';

export interface DialHost {
  started(call: DialCall): void;
  finished(call: DialCall): void;
}

const secs = (ms: number) => Math.max(0, Math.floor(ms / 1000));

/**
 * Dial(PJSIP/<endpoint>,30,tT) run by a caller (a trunk caller's `;1`, an
 * agent phone after click-to-dial, a transferred caller). Rings the endpoint,
 * bridges on answer, and settles DIALSTATUS and the timing variables.
 */
export class DialCall implements CallerApp {
  readonly party: CallerParty;
  readonly caller: Channel;
  readonly endpoint: string;
  leg: Channel | undefined;
  bridge: Bridge | undefined;
  state: 'ringing' | 'bridged' | 'done' = 'ringing';
  readonly #core: PbxCore;
  readonly #host: DialHost;
  readonly #startedAt: number;
  #answeredAt = 0;
  #timer: Task | undefined;
  #afterEnter: (() => void) | undefined;

  constructor(core: PbxCore, host: DialHost, party: CallerParty, endpoint: string) {
    this.#core = core;
    this.#host = host;
    this.party = party;
    this.caller = party.channel;
    this.endpoint = endpoint;
    this.#startedAt = core.now();
  }

  /** Called right after the Dial Newexten of the caller. */
  start(options: { timeoutSec?: number; afterEnter?: () => void } = {}): void {
    const timeoutSec = options.timeoutSec ?? 30;
    this.#afterEnter = options.afterEnter;
    this.#host.started(this);
    const core = this.#core;
    const a = this.caller;
    this.party.app = this;
    varsets(core, a, [
      ['DIALSTATUS', ''],
      ['DIALEDPEERNUMBER', ''],
      ['DIALEDPEERNAME', ''],
      ['ANSWEREDTIME', ''],
      ['ANSWEREDTIME_MS', ''],
      ['DIALEDTIME', ''],
      ['DIALEDTIME_MS', ''],
      ['RINGTIME', ''],
      ['RINGTIME_MS', ''],
      ['PROGRESSTIME', ''],
      ['PROGRESSTIME_MS', ''],
    ]);
    const b = core.pjsipChannel(this.endpoint, a.linkedid);
    this.leg = b;
    for (const kv of a.inherit) b.inherit.push([kv[0], kv[1]]);
    newchannel(core, b);
    varset(core, b, 'DIALEDPEERNUMBER', this.endpoint);
    for (const [k, v] of b.inherit) varset(core, b, k, v);
    appStart(core, b, 'AppDial', '(Outgoing Line)', this.endpoint);
    newConnectedLine(core, b, a.callerNum, a.callerName);
    dialBegin(core, a, b, `PJSIP/${this.endpoint}`);
    newConnectedLine(core, a, b.callerNum, b.callerName);
    this.party.connectedChanged();
    varset(core, a, 'RINGTIME', '0');
    varset(core, a, 'RINGTIME_MS', String(core.now() - this.#startedAt));
    dialState(core, a, b, 'RINGING');
    newstate(core, b, 5);
    refreshEndpoint(core, this.endpoint);
    b.handler = { hangup: (_ch, how, cause) => this.#calleeGone(how, cause) };
    core.phones.ring(b, {
      answer: () => this.#answered(),
      busy: () => this.#failed('BUSY', 17),
      reject: () => this.#failed('NOANSWER', 21),
    });
    this.#timer = core.scheduler.after(timeoutSec * 1000, () => this.#failed('NOANSWER', 0));
    this.party.initialBurstDone();
  }

  #answered(): void {
    if (this.state !== 'ringing' || !this.leg) return;
    const core = this.#core;
    const a = this.caller;
    const b = this.leg;
    this.#timer?.cancel();
    newstate(core, b, 6);
    this.#answeredAt = core.now();
    varsets(core, a, [
      ['DIALSTATUS', 'ANSWER'],
      ['DIALEDPEERNAME', b.name],
      ['DIALEDPEERNUMBER', this.endpoint],
    ]);
    refreshEndpoint(core, this.endpoint);
    dialEnd(core, a, b, 'ANSWER');
    this.state = 'bridged';
    this.bridge = bridgeTwo(core, b, a, {
      beforeEnter: () => appStart(core, b, 'AppDial', '(Outgoing Line)', ''),
      afterEnter: this.#afterEnter,
    });
    this.party.records.push({
      destinationChannel: b,
      disposition: 'ANSWERED',
      answeredAt: this.#answeredAt,
      lastApplication: 'Dial',
      lastData: `PJSIP/${this.endpoint},30,tT`,
      destination: a.exten,
      destinationContext: a.context,
    });
    startRtcp(core, b);
    startRtcp(core, a);
    core.phones.answered(b);
    this.party.bridged?.();
  }

  #timingVars(status: string): Array<[string, string]> {
    const now = this.#core.now();
    const answered = this.#answeredAt ? now - this.#answeredAt : 0;
    return [
      ['ANSWEREDTIME', String(secs(answered))],
      ['ANSWEREDTIME_MS', String(answered)],
      ['DIALEDTIME', String(secs(now - this.#startedAt))],
      ['DIALEDTIME_MS', String(now - this.#startedAt)],
      ['DIALSTATUS', status],
    ];
  }

  /** No answer, busy or rejected: the callee leg goes, the caller's dialplan continues. */
  #failed(status: 'NOANSWER' | 'BUSY', cause: number): void {
    if (this.state !== 'ringing' || !this.leg) return;
    const core = this.#core;
    this.#timer?.cancel();
    core.phones.stopRinging(this.leg);
    dialEnd(core, this.caller, this.leg, status);
    hangup(core, this.leg, cause);
    refreshEndpoint(core, this.endpoint);
    this.party.records.push({
      destinationChannel: this.leg,
      disposition: status === 'BUSY' ? 'BUSY' : 'NO ANSWER',
      lastApplication: 'Dial',
      lastData: `PJSIP/${this.endpoint},30,tT`,
      destination: this.caller.exten,
      destinationContext: this.caller.context,
    });
    varsets(core, this.caller, this.#timingVars(status));
    this.#continueDialplan(status);
  }

  /** After Dial returns: NoOp(DIALSTATUS=…), Hangup(). */
  #continueDialplan(status: string): void {
    const core = this.#core;
    const a = this.caller;
    this.state = 'done';
    this.#host.finished(this);
    newexten(core, a, a.context, a.exten, a.priority + 1, 'NoOp', `DIALSTATUS=${status}`);
    newexten(core, a, a.context, a.exten, a.priority + 1, 'Hangup', '');
    this.party.app = undefined;
    this.party.hangupCaller();
  }

  callerGone(party: CallerParty): void {
    const core = this.#core;
    const a = this.caller;
    const b = this.leg;
    this.#timer?.cancel();
    if (this.state === 'ringing' && b) {
      core.phones.stopRinging(b);
      dialEnd(core, a, b, 'CANCEL');
      party.farGone();
      hangup(core, b, 0);
      refreshEndpoint(core, this.endpoint);
      varsets(core, a, this.#timingVars('CANCEL'));
      party.hangupCaller();
    } else if (this.state === 'bridged' && b && this.bridge) {
      party.farGone();
      setPeerVars(core, a, b, true);
      bridgeLeave(core, this.bridge, a);
      varsets(core, a, this.#timingVars('ANSWER'));
      party.hangupCaller();
      bridgeLeave(core, this.bridge, b);
      bridgeDestroy(core, this.bridge);
      rtpQos(core, b);
      hangup(core, b, 16);
      if (b.endpoint) refreshEndpoint(core, b.endpoint);
    } else {
      party.farGone();
      party.hangupCaller();
    }
    this.state = 'done';
    this.#host.finished(this);
  }

  #calleeGone(how: 'soft' | 'device', cause: number): void {
    const core = this.#core;
    const a = this.caller;
    const b = this.leg;
    if (!b) return;
    if (this.state === 'ringing') {
      this.#failed('NOANSWER', cause === 17 ? 17 : 21);
      return;
    }
    if (this.state !== 'bridged' || !this.bridge) return;
    if (how === 'device') {
      rtpQosBridged(core, b, a);
      hangupRequest(core, b, cause);
    } else softHangupRequest(core, b, cause);
    setPeerVars(core, a, b, true);
    bridgeLeave(core, this.bridge, b);
    bridgeLeave(core, this.bridge, a);
    bridgeDestroy(core, this.bridge);
    hangup(core, b, cause);
    if (b.endpoint) refreshEndpoint(core, b.endpoint);
    varsets(core, a, this.#timingVars('ANSWER'));
    this.#continueDialplan('ANSWER');
  }

  /** The caller is taken out (blind transfer / redirect of the callee side). */
  detach(): void {
    this.#timer?.cancel();
    this.state = 'done';
    this.#host.finished(this);
  }

  /** The dialled leg is replaced (attended transfer into this call). */
  adopt(leg: Channel): void {
    this.leg = leg;
    leg.handler = { hangup: (_ch, how, cause) => this.#calleeGone(how, cause) };
  }
}
