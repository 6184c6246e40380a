import { PERM } from '../ami/permissions.ts';
import type { Bridge } from '../model/bridge.ts';
import type { Channel } from '../model/channel.ts';
import { bs, cs } from '../model/snapshot.ts';
import type { Task } from '../time/scheduler.ts';
import { pvtCallId } from './bridging.ts';
import type { PbxCore } from './core.ts';
import { localDevice, refreshEndpoint } from './devices.ts';
import { internalRoute, runSteps } from './dialplan.ts';
import {
  bridgeCreate,
  bridgeDestroy,
  bridgeEnter,
  bridgeLeave,
  dialBegin,
  dialEnd,
  dialState,
  dtmfEnd,
  hangup,
  hangupRequest,
  hold,
  localBridge,
  mohStart,
  mohStop,
  newCallerid,
  newConnectedLine,
  newchannel,
  newstate,
  softHangupRequest,
  unhold,
} from './events.ts';
import { appStart, cdr, rtpQos, startRtcp, varset, varsets } from './noise.ts';
import { type TransferDeps, type TransferSides, sidesOf } from './transfer-blind.ts';

/**
 * AMI Atxfer of the answering side, as Asterisk runs it: the DTMF of the
 * atxfer feature (`*2` + digits) is queued on the transferer, who is put on
 * hold while a consult call goes through `Local/<exten>@<context>`. When the
 * transferer hangs up the bridges merge, AttendedTransfer is published and
 * the Local pair optimises away, leaving the caller and the target in the
 * original bridge. The order is the one recorded in attended-transfer.
 */
export function attendedTransfer(deps: TransferDeps, transfererName: string, exten: string, context: string): [string, boolean, () => void] {
  const { core } = deps;
  const t = core.findChannel(transfererName);
  if (!t) return ['No such channel', false, () => {}];
  const sides = sidesOf(deps, t);
  const route = internalRoute(core, exten, t.callerNum, t.callerName);
  if (!sides || !route || route.end.kind !== 'dial') return ['Atxfer successfully queued', true, () => {}];
  const endpoint = route.end.endpoint;
  return ['Atxfer successfully queued', true, () => new Consult(deps, sides, exten, context, endpoint).start(route.steps)];
}

class Consult {
  readonly #core: PbxCore;
  readonly #s: TransferSides;
  readonly #exten: string;
  readonly #context: string;
  readonly #endpoint: string;
  readonly #b1: Bridge;
  #b2: Bridge | undefined;
  #b3: Bridge | undefined;
  #l1: Channel | undefined;
  #l2: Channel | undefined;
  #px: Channel | undefined;
  #dialStart = 0;
  #answeredAt = 0;
  #timer: Task | undefined;
  #state: 'ringing' | 'up' | 'done' = 'ringing';
  #savedHandler: Channel['handler'];

  constructor(deps: TransferDeps, s: TransferSides, exten: string, context: string, endpoint: string) {
    this.#core = deps.core;
    this.#s = s;
    this.#exten = exten;
    this.#context = context;
    this.#endpoint = endpoint;
    this.#b1 = s.bridge;
  }

  get #device(): string {
    return `Local/${this.#exten}@${this.#context}`;
  }

  start(steps: Parameters<typeof runSteps>[2]): void {
    const core = this.#core;
    const { transferer: t, transferee: c } = this.#s;
    varset(core, t, 'TRANSFER_CONTEXT', this.#context);
    dtmfEnd(core, t, '*');
    dtmfEnd(core, t, '2');
    hold(core, t);
    mohStart(core, c, 'default');
    for (const d of this.#exten) dtmfEnd(core, t, d);
    const [l1, l2] = core.localPair(this.#exten, this.#context, c.linkedid);
    this.#l1 = l1;
    this.#l2 = l2;
    for (const kv of t.inherit) {
      l1.inherit.push([kv[0], kv[1]]);
      l2.inherit.push([kv[0], kv[1]]);
    }
    newchannel(core, l1);
    newchannel(core, l2);
    varsets(core, l1, [['TRANSFERERNAME', t.name], ['ATTENDEDTRANSFER', t.name], ...l1.inherit]);
    const b2 = core.newBridge();
    this.#b2 = b2;
    bridgeCreate(core, b2);
    varsets(core, l2, [['ATTENDEDTRANSFER', t.name], ['TRANSFERERNAME', t.name], ...l2.inherit]);
    newCallerid(core, l2, t.callerNum, t.callerName);
    localBridge(core, l1, l2);
    runSteps(core, l2, steps);
    this.#dialStart = core.now();
    varsets(
      core,
      l2,
      ['DIALSTATUS', 'DIALEDPEERNUMBER', 'DIALEDPEERNAME', 'ANSWEREDTIME', 'ANSWEREDTIME_MS', 'DIALEDTIME', 'DIALEDTIME_MS', 'RINGTIME', 'RINGTIME_MS', 'PROGRESSTIME', 'PROGRESSTIME_MS'].map(
        (k) => [k, ''] as [string, string],
      ),
    );
    newConnectedLine(core, l1, t.callerNum, t.callerName);
    bridgeEnter(core, b2, l1);
    varset(core, l1, 'ATTENDEDTRANSFER', '');
    bridgeLeave(core, this.#b1, t);
    bridgeEnter(core, b2, t);
    varsets(core, l1, [
      ['BRIDGEPEER', t.name],
      ['BRIDGEPVTCALLID', pvtCallId(core, t)],
    ]);
    varset(core, t, 'BRIDGEPEER', l1.name);
    this.#dialTarget();
    this.#savedHandler = t.handler;
    t.handler = { hangup: (_ch, how, cause) => this.#transfererGone(how, cause) };
  }

  #dialTarget(): void {
    const core = this.#core;
    const t = this.#s.transferer;
    const l1 = this.#l1!;
    const l2 = this.#l2!;
    const px = core.pjsipChannel(this.#endpoint, l2.linkedid);
    this.#px = px;
    for (const kv of l2.inherit) px.inherit.push([kv[0], kv[1]]);
    newchannel(core, px);
    varset(core, px, 'DIALEDPEERNUMBER', this.#endpoint);
    for (const [k, v] of px.inherit) varset(core, px, k, v);
    appStart(core, px, 'AppDial', '(Outgoing Line)', this.#exten);
    newConnectedLine(core, px, l2.callerNum, l2.callerName);
    newConnectedLine(core, t, '', '');
    dialBegin(core, l2, px, `PJSIP/${this.#endpoint}`);
    newConnectedLine(core, l2, px.callerNum, px.callerName);
    newConnectedLine(core, t, px.callerNum, px.callerName);
    newstate(core, px, 5);
    l1.callerNum = px.callerNum;
    l1.callerName = px.callerName;
    newstate(core, l1, 5);
    newCallerid(core, l1);
    refreshEndpoint(core, this.#endpoint);
    varsets(core, l2, [
      ['RINGTIME', '0'],
      ['RINGTIME_MS', String(core.now() - this.#dialStart)],
    ]);
    dialState(core, l2, px, 'RINGING');
    dialState(core, undefined, l1, 'RINGING');
    localDevice(core, this.#device, 'INUSE');
    core.phones.ring(px, {
      answer: () => this.#answered(),
      busy: () => this.#failed('BUSY', 17),
      reject: () => this.#failed('NOANSWER', 21),
    });
    this.#timer = core.scheduler.after(30000, () => this.#failed('NOANSWER', 0));
  }

  #answered(): void {
    if (this.#state !== 'ringing') return;
    this.#state = 'up';
    this.#timer?.cancel();
    const core = this.#core;
    const t = this.#s.transferer;
    const [l1, l2, px] = [this.#l1!, this.#l2!, this.#px!];
    newstate(core, px, 6);
    this.#answeredAt = core.now();
    varsets(core, l2, [
      ['DIALSTATUS', 'ANSWER'],
      ['DIALEDPEERNAME', px.name],
      ['DIALEDPEERNUMBER', this.#endpoint],
    ]);
    dialEnd(core, l2, px, 'ANSWER');
    newstate(core, l2, 6);
    const b3 = core.newBridge();
    this.#b3 = b3;
    bridgeCreate(core, b3);
    newstate(core, l1, 6);
    dialEnd(core, undefined, l1, 'ANSWER');
    varsets(core, l1, [
      ['BRIDGEPEER', t.name],
      ['BRIDGEPVTCALLID', pvtCallId(core, t)],
    ]);
    varset(core, t, 'BRIDGEPEER', l1.name);
    refreshEndpoint(core, this.#endpoint);
    appStart(core, px, 'AppDial', '(Outgoing Line)', '');
    localDevice(core, this.#device, 'INUSE');
    localDevice(core, this.#device, 'INUSE');
    bridgeEnter(core, b3, px);
    bridgeEnter(core, b3, l2);
    varset(core, l2, 'ATTENDEDTRANSFER', '');
    for (let i = 0; i < 2; i++) {
      varset(core, px, 'BRIDGEPEER', l2.name);
      varsets(core, l2, [
        ['BRIDGEPEER', px.name],
        ['BRIDGEPVTCALLID', pvtCallId(core, px)],
      ]);
    }
    startRtcp(core, px);
    core.phones.answered(px);
  }

  /** The consult call failed: take the transferer back to the caller. */
  #failed(status: 'NOANSWER' | 'BUSY', cause: number): void {
    if (this.#state !== 'ringing') return;
    this.#state = 'done';
    this.#timer?.cancel();
    const core = this.#core;
    const { transferer: t, transferee: c } = this.#s;
    const [l1, l2, px] = [this.#l1!, this.#l2!, this.#px!];
    core.phones.stopRinging(px);
    dialEnd(core, l2, px, status);
    hangup(core, px, cause);
    refreshEndpoint(core, this.#endpoint);
    dialEnd(core, undefined, l1, status);
    bridgeLeave(core, this.#b2!, t);
    bridgeLeave(core, this.#b2!, l1);
    hangup(core, l1, cause);
    hangup(core, l2, cause);
    bridgeDestroy(core, this.#b2!);
    localDevice(core, this.#device, 'NOT_INUSE');
    bridgeEnter(core, this.#b1, t);
    unhold(core, t);
    mohStop(core, c);
    t.handler = this.#savedHandler;
  }

  #transfererGone(how: 'soft' | 'device', cause: number): void {
    if (this.#state === 'up') {
      this.#complete();
      return;
    }
    if (this.#state === 'ringing') this.#failed('NOANSWER', 0);
    this.#savedHandler?.hangup(this.#s.transferer, how, cause);
  }

  #complete(): void {
    this.#state = 'done';
    const core = this.#core;
    const s = this.#s;
    const { transferer: t, transferee: c } = s;
    const b1 = this.#b1;
    const b2 = this.#b2!;
    const b3 = this.#b3!;
    const [l1, l2, px] = [this.#l1!, this.#l2!, this.#px!];
    varset(core, t, 'BRIDGEPEER', '');
    bridgeLeave(core, b2, t);
    core.bus.emitLazy('BridgeMerge', PERM.call, () => [...bs(b1, 'To'), ...bs(b2, 'From')]);
    bridgeLeave(core, b2, l1);
    bridgeEnter(core, b1, l1);
    mohStop(core, c);
    varsets(core, c, [
      ['BRIDGEPEER', l1.name],
      ['BRIDGEPVTCALLID', ''],
    ]);
    varsets(core, l1, [
      ['BRIDGEPEER', c.name],
      ['BRIDGEPVTCALLID', ''],
    ]);
    core.bus.emitLazy('AttendedTransfer', PERM.call, () => [
      ['Result', 'Success'],
      ...cs(t, 'OrigTransferer'),
      ...bs(b1, 'Orig', 2),
      ...cs(t, 'SecondTransferer'),
      ...bs(b2, 'Second', 0),
      ...cs(c, 'Transferee'),
      ['IsExternal', 'No'],
      ['DestType', 'Bridge'],
      ['DestBridgeUniqueid', b1.uniqueid],
    ]);
    rtpQos(core, t);
    s.settle();
    newConnectedLine(core, c, px.callerNum, px.callerName);
    s.party.connectedChanged();
    newConnectedLine(core, l1, c.callerNum, c.callerName);
    bridgeDestroy(core, b2);
    newConnectedLine(core, px, c.callerNum, c.callerName);
    cdr(core, t, {
      destinationChannel: l1,
      disposition: 'ANSWERED',
      answeredAt: t.answeredAt,
      lastApplication: 'AppQueue',
      lastData: '(Outgoing Line)',
      destination: t.exten,
      destinationContext: t.context,
    });
    hangup(core, t, 16);
    if (t.endpoint) refreshEndpoint(core, t.endpoint);
    this.#optimize(l1, l2, px, b1, b3);
    s.replacePeer(px, [l1]);
  }

  /** LocalOptimizationBegin/End: the target swaps into the caller's bridge, the Local pair goes. */
  #optimize(l1: Channel, l2: Channel, px: Channel, b1: Bridge, b3: Bridge): void {
    const core = this.#core;
    const c = this.#s.transferee;
    core.bus.emitLazy('LocalOptimizationBegin', PERM.call, () => [
      ...cs(l1, 'LocalOne'),
      ...cs(l2, 'LocalTwo'),
      ...cs(px, 'Source'),
      ['DestUniqueId', l2.uniqueid],
      ['Id', '0'],
    ]);
    cdr(core, l1, { disposition: 'ANSWERED', answeredAt: l1.answeredAt, lastApplication: '', lastData: '', destination: this.#exten, destinationContext: this.#context });
    bridgeLeave(core, b3, px);
    cdr(core, l2, {
      destinationChannel: px,
      disposition: 'ANSWERED',
      answeredAt: this.#answeredAt,
      lastApplication: 'Dial',
      lastData: `PJSIP/${this.#endpoint},30,tT`,
      destination: this.#exten,
      destinationContext: this.#context,
    });
    varset(core, l1, 'BRIDGEPEER', '');
    bridgeLeave(core, b1, l1);
    bridgeEnter(core, b1, px, l1);
    varsets(core, c, [
      ['BRIDGEPEER', px.name],
      ['BRIDGEPVTCALLID', pvtCallId(core, px)],
    ]);
    varset(core, px, 'BRIDGEPEER', c.name);
    varsets(core, l2, [
      ['BRIDGEPEER', ''],
      ['BRIDGEPVTCALLID', ''],
    ]);
    newCallerid(core, l2, c.callerNum, c.callerName);
    core.bus.emitLazy('LocalOptimizationEnd', PERM.call, () => [
      ...cs(l1, 'LocalOne'),
      ...cs(l2, 'LocalTwo'),
      ['Success', 'No'],
      ['Id', '0'],
    ]);
    hangupRequest(core, l2, 16);
    bridgeLeave(core, b3, l2);
    hangup(core, l1, 16);
    bridgeDestroy(core, b3);
    const now = core.now();
    varsets(core, l2, [
      ['ANSWEREDTIME', String(Math.floor((now - this.#answeredAt) / 1000))],
      ['ANSWEREDTIME_MS', String(now - this.#answeredAt)],
      ['DIALEDTIME', String(Math.floor((now - this.#dialStart) / 1000))],
      ['DIALEDTIME_MS', String(now - this.#dialStart)],
      ['DIALSTATUS', 'ANSWER'],
    ]);
    softHangupRequest(core, l2, 16);
    hangup(core, l2, 16);
    localDevice(core, this.#device, 'NOT_INUSE');
    localDevice(core, this.#device, 'NOT_INUSE');
  }
}
