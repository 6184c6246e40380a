import type { Channel } from '../model/channel.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { localDevice } from './devices.ts';
import {
  dialBegin,
  dialEnd,
  hangup,
  hangupRequest,
  localBridge,
  newCallerid,
  newConnectedLine,
  newchannel,
  newstate,
  originateResponse,
  softHangupRequest,
} from './events.ts';
import { type CdrRecord, appStart, cdr, newexten, varset } from './noise.ts';

export interface TrunkCallerInit {
  /** The number in `Local/<number>@trunk-sim`. */
  number: string;
  /** Caller ID number (the Originate's CallerID); defaults to `number`. */
  callerNumber?: string;
  name: string;
  /** Where the `;1` half goes once answered (the Originate's Context/Exten). */
  context: string;
  exten: string;
  /** ActionID for OriginateResponse (undefined: no header). */
  actionId: string | undefined;
  /** Originate `Variable:` pairs, set on both halves. */
  variables?: Array<[string, string]>;
}

/**
 * A customer arriving the way the lab feeds calls: an Async Originate of
 * `Local/<number>@trunk-sim`. The `;2` half answers at once and waits in
 * trunk-sim; the `;1` half runs the target dialplan and is the channel that
 * queues or dials. Hanging up `;2` (Cause 16) is the customer hanging up.
 */
export class TrunkCaller implements CallerParty {
  readonly one: Channel;
  readonly two: Channel;
  readonly records: CdrRecord[] = [];
  app: CallerApp | undefined;
  /** Called each time the caller is bridged (the generator schedules talk time from here). */
  onBridged: (() => void) | undefined;
  readonly #core: PbxCore;
  readonly #init: TrunkCallerInit;
  readonly #device: string;
  readonly #maxWait: string;
  #waiting = false;
  #cidPending = false;
  #cidDirty = false;
  #farDone = false;

  constructor(core: PbxCore, init: TrunkCallerInit) {
    this.#core = core;
    this.#init = init;
    const [one, two] = core.localPair(init.number, 'trunk-sim');
    this.one = one;
    this.two = two;
    this.#device = `Local/${init.number}@trunk-sim`;
    this.#maxWait = init.variables?.find(([k]) => k.replace(/^_+/, '') === 'CALLER_MAXTIME')?.[1] ?? '3600';
    for (const [k, v] of init.variables ?? []) if (k.startsWith('__')) one.inherit.push([k, v]);
    two.handler = { hangup: (_ch, how, cause) => this.#farHangup(how, cause) };
    one.handler = { hangup: (_ch, how, cause) => this.#nearHangup(how, cause) };
  }

  get channel(): Channel {
    return this.one;
  }

  /** Emit the origination sequence up to OriginateResponse; `run` then drives the `;1` dialplan. */
  start(run: () => void): void {
    const core = this.#core;
    const init = this.#init;
    const num = init.callerNumber || init.number;
    const { one, two } = this;
    newchannel(core, one);
    newchannel(core, two);
    appStart(core, one, 'AppDial2', '(Outgoing Line)');
    for (const [k, v] of init.variables ?? []) varset(core, one, k, v);
    newCallerid(core, one, num, init.name);
    newConnectedLine(core, one, num, init.name);
    for (const [k, v] of init.variables ?? []) varset(core, two, k, v);
    two.connNum = num;
    two.connName = init.name;
    newCallerid(core, two, num, init.name);
    newConnectedLine(core, two, num, init.name);
    localBridge(core, one, two);
    dialBegin(core, undefined, one, `${init.number}@trunk-sim`);
    newexten(core, two, 'trunk-sim', init.number, 1, 'Answer', '');
    newstate(core, two, 6);
    newstate(core, one, 6);
    dialEnd(core, undefined, one, 'ANSWER');
    originateResponse(core, init.actionId, one, { context: init.context, exten: init.exten });
    localDevice(core, this.#device, 'INUSE');
    localDevice(core, this.#device, 'INUSE');
    run();
  }

  /** The `;2` half moves on to Wait(); a connected-line change seen before that is applied now. */
  initialBurstDone(): void {
    if (this.#waiting || this.two.hungUp) return;
    this.#waiting = true;
    newexten(this.#core, this.two, 'trunk-sim', this.two.exten, 2, 'Wait', this.#maxWait);
    if (this.#cidPending) {
      this.#cidPending = false;
      newCallerid(this.#core, this.two, this.one.connNum, this.one.connName);
    }
    const seconds = Number.parseFloat(this.#maxWait);
    if (seconds > 0) this.#core.scheduler.after(seconds * 1000, () => this.#waitExpired());
  }

  /** Wait() returned: trunk-sim's next step is Hangup(). */
  #waitExpired(): void {
    if (this.two.hungUp || this.#farDone) return;
    const core = this.#core;
    newexten(core, this.two, 'trunk-sim', this.two.exten, 3, 'Hangup', '');
    if (this.#cidDirty) {
      this.#cidDirty = false;
      newCallerid(core, this.two, this.one.connNum, this.one.connName);
    }
    softHangupRequest(core, this.two, 16);
    hangupRequest(core, this.one, 16);
    this.#callerGone();
  }

  bridged(): void {
    this.onBridged?.();
  }

  connectedChanged(): void {
    if (this.#waiting) this.#cidDirty = true;
    else this.#cidPending = true;
  }

  farGone(): void {
    if (this.#farDone) return;
    this.#farDone = true;
    const core = this.#core;
    hangup(core, this.two, 16);
    if (this.#cidDirty) newCallerid(core, this.two, this.one.connNum, this.one.connName);
    localDevice(core, this.#device, 'NOT_INUSE');
    cdr(core, this.two, {
      disposition: 'ANSWERED',
      answeredAt: this.two.answeredAt,
      lastApplication: 'Wait',
      lastData: this.#maxWait,
      destination: this.two.exten,
      destinationContext: 'trunk-sim',
    });
  }

  hangupCaller(cause = 16): void {
    const core = this.#core;
    const { one, two } = this;
    this.#emitRecords();
    softHangupRequest(core, one, cause);
    if (!two.hungUp && !this.#farDone) {
      hangupRequest(core, two, cause);
      hangup(core, one, cause);
      softHangupRequest(core, two, cause);
      this.farGone();
    } else {
      hangup(core, one, cause);
    }
    localDevice(core, this.#device, 'NOT_INUSE');
    core.processedCalls++;
  }

  #emitRecords(): void {
    const recs = this.records.length > 0 ? this.records : [this.#defaultRecord()];
    for (const r of recs) cdr(this.#core, this.one, r);
  }

  #defaultRecord(): CdrRecord {
    return {
      disposition: 'ANSWERED',
      answeredAt: this.one.answeredAt,
      lastApplication: this.one.app,
      lastData: this.one.appData,
      destination: this.one.exten,
      destinationContext: this.one.context,
    };
  }

  /** AMI Hangup of `;2`, or the generator's customer hanging up. */
  #farHangup(how: 'soft' | 'device', cause: number): void {
    if (this.two.hungUp || this.#farDone) return;
    const core = this.#core;
    if (how === 'soft') softHangupRequest(core, this.two, cause);
    else hangupRequest(core, this.two, cause);
    hangupRequest(core, this.one, cause);
    this.#callerGone();
  }

  /** AMI Hangup of `;1` itself. */
  #nearHangup(_how: 'soft' | 'device', cause: number): void {
    if (this.one.hungUp) return;
    softHangupRequest(this.#core, this.one, cause);
    this.#callerGone();
  }

  #callerGone(): void {
    if (this.app) this.app.callerGone(this);
    else {
      this.farGone();
      this.hangupCaller();
    }
  }
}
