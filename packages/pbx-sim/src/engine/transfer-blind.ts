import { PERM } from '../ami/permissions.ts';
import type { Bridge } from '../model/bridge.ts';
import type { Channel } from '../model/channel.ts';
import { bs, cs } from '../model/snapshot.ts';
import type { CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint } from './devices.ts';
import { internalRoute, runSteps } from './dialplan.ts';
import { DialCall, type DialHost } from './dial-app.ts';
import { bridgeDestroy, bridgeLeave, hangup, unhold } from './events.ts';
import { newexten, rtpQos, varset, varsets } from './noise.ts';
import type { QueueService } from './queue-service.ts';

export interface TransferDeps {
  core: PbxCore;
  queues: QueueService;
  dials: DialHost;
  /** Dial calls in progress, to find the call a transferer belongs to. */
  dialCalls(): readonly DialCall[];
}

/** The two sides of a bridged call, seen from the party that transfers. */
export interface TransferSides {
  transferer: Channel;
  transferee: Channel;
  party: CallerParty;
  bridge: Bridge;
  /** Settle the current application (AgentComplete for queue calls). */
  settle(): void;
  /** Variables the caller's application sets when it is left. */
  leaveVars(): Array<[string, string]>;
  detach(): void;
  /** After an attended transfer, the transferee talks to `leg` (reached `via` the consult legs). */
  replacePeer(leg: Channel, via?: readonly Channel[]): void;
}

/** Find the call in which `transferer` is the answering side. */
export function sidesOf(deps: TransferDeps, transferer: Channel): TransferSides | undefined {
  const qc = deps.queues.byMemberLeg(transferer);
  if (qc?.connected && qc.state === 'bridged') {
    const con = qc.connected;
    return {
      transferer,
      transferee: qc.caller,
      party: qc.party,
      bridge: con.bridge,
      settle: () => qc.completeTransfer(),
      leaveVars: () => {
        const now = deps.core.now();
        return [
          ['DIALEDTIME', String(Math.floor((now - qc.joinedAt) / 1000))],
          ['DIALEDTIME_MS', String(now - qc.joinedAt)],
          ['ANSWEREDTIME', String(Math.floor((now - con.answeredAt) / 1000))],
          ['ANSWEREDTIME_MS', String(now - con.answeredAt)],
          ...qc.queueVars(),
        ];
      },
      detach: () => qc.detach(),
      replacePeer: (leg, via) => qc.replacePeer(leg, via),
    };
  }
  const dc = deps.dialCalls().find((d) => d.leg === transferer && d.state === 'bridged');
  if (dc?.bridge) {
    return {
      transferer,
      transferee: dc.caller,
      party: dc.party,
      bridge: dc.bridge,
      settle: () => {},
      leaveVars: () => [['DIALSTATUS', 'ANSWER']],
      detach: () => dc.detach(),
      replacePeer: (leg) => dc.adopt(leg),
    };
  }
  return undefined;
}

export type BlindResult = 'Transfer succeeded' | 'Transfer failed' | 'Transfer invalid' | 'No such channel';

/**
 * AMI BlindTransfer of the answering side: the other party leaves the bridge
 * and runs <context>/<exten> (the lab's `internal` dials the extension).
 * `then` runs after the response has been written.
 */
export function blindTransfer(
  deps: TransferDeps,
  transfererName: string,
  exten: string,
  context: string,
  options: { announce?: boolean } = {},
): [BlindResult, () => void] {
  const { core } = deps;
  const t = core.findChannel(transfererName);
  if (!t) return ['No such channel', () => {}];
  const sides = sidesOf(deps, t);
  if (!sides) return ['Transfer failed', () => {}];
  const route = context === 'internal' ? internalRoute(core, exten, sides.transferee.callerNum, sides.transferee.callerName) : undefined;
  if (route?.end.kind === 'queue' && (options.announce ?? true)) {
    const queue = route.end.queue;
    return ['Transfer succeeded', () => runBlindToQueue(deps, sides, exten, context, queue, route.steps.slice(1))];
  }
  if (route?.end.kind !== 'dial') return ['Transfer invalid', () => {}];
  const endpoint = route.end.endpoint;
  const announce = options.announce ?? true;
  return ['Transfer succeeded', () => runBlind(deps, sides, exten, context, endpoint, route.steps.slice(1), announce)];
}

function runBlind(
  deps: TransferDeps,
  s: TransferSides,
  exten: string,
  context: string,
  endpoint: string,
  rest: Parameters<typeof runSteps>[2],
  announce: boolean,
): void {
  const { core } = deps;
  const { transferer: t, transferee: c, bridge } = s;
  if (announce) {
    unhold(core, t);
    varset(core, c, 'BLINDTRANSFER', t.name);
    varset(core, t, 'BLINDTRANSFER', c.name);
  }
  varset(core, t, 'BRIDGEPEER', '');
  if (announce) core.bus.emitLazy('BlindTransfer', PERM.call, () => [
    ['Result', 'Success'],
    ...cs(t, 'Transferer'),
    ...cs(c, 'Transferee'),
    ...bs(bridge),
    ['IsExternal', 'Yes'],
    ['Context', context],
    ['Extension', exten],
  ]);
  s.settle();
  s.detach();
  varset(core, c, 'BRIDGEPEER', '');
  if (t.kind === 'pjsip') varset(core, c, 'BRIDGEPVTCALLID', '');
  newexten(core, c, context, exten, 1, c.app, c.appData);
  bridgeLeave(core, bridge, c);
  varsets(core, c, s.leaveVars());
  bridgeLeave(core, bridge, t);
  bridgeDestroy(core, bridge);
  rtpQos(core, t);
  hangup(core, t, 16);
  if (t.endpoint) refreshEndpoint(core, t.endpoint);
  runSteps(core, c, rest);
  const dial = new DialCall(core, deps.dials, s.party, endpoint);
  dial.start(announce ? { afterEnter: () => varset(core, c, 'BLINDTRANSFER', '') } : {});
}

/**
 * Blind transfer to a queue by name (blind-transfer-to-queue): the spurious Unhold, BlindTransfer,
 * both BridgeLeave and the BridgeDestroy, then AgentComplete (transfer) for the first queue, then
 * the caller joins the new queue (same channel and Uniqueid), and last the transferer hangs up.
 */
function runBlindToQueue(
  deps: TransferDeps,
  s: TransferSides,
  exten: string,
  context: string,
  queue: string,
  rest: Parameters<typeof runSteps>[2],
): void {
  const { core } = deps;
  const { transferer: t, transferee: c, bridge } = s;
  unhold(core, t);
  varset(core, c, 'BLINDTRANSFER', t.name);
  varset(core, t, 'BLINDTRANSFER', c.name);
  varset(core, t, 'BRIDGEPEER', '');
  core.bus.emitLazy('BlindTransfer', PERM.call, () => [
    ['Result', 'Success'],
    ...cs(t, 'Transferer'),
    ...cs(c, 'Transferee'),
    ...bs(bridge),
    ['IsExternal', 'Yes'],
    ['Context', context],
    ['Extension', exten],
  ]);
  varset(core, c, 'BRIDGEPEER', '');
  if (t.kind === 'pjsip') varset(core, c, 'BRIDGEPVTCALLID', '');
  newexten(core, c, context, exten, 1, c.app, c.appData);
  bridgeLeave(core, bridge, c);
  varsets(core, c, s.leaveVars());
  bridgeLeave(core, bridge, t);
  bridgeDestroy(core, bridge);
  s.settle();
  s.detach();
  runSteps(core, c, rest);
  deps.queues.enter(s.party, queue);
  rtpQos(core, t);
  hangup(core, t, 16);
  if (t.endpoint) refreshEndpoint(core, t.endpoint);
}
