import type { Pairs } from '../ami/event-bus.ts';
import { PERM } from '../ami/permissions.ts';
import type { Bridge } from '../model/bridge.ts';
import { type Channel, update } from '../model/channel.ts';
import { type QueueMember, memberBlob } from '../model/queue.ts';
import { bs, cs } from '../model/snapshot.ts';
import type { PbxCore } from './core.ts';

/**
 * Builders for the call- and agent-class events, one per event name, with the
 * field order of the recorded Asterisk 22 transcripts.
 */
const CALL = PERM.call;
const AGENT = PERM.agent;

export const CAUSE_TEXT: Record<number, string> = {
  0: 'Unknown',
  16: 'Normal Clearing',
  17: 'User busy',
  19: 'No user responding',
  21: 'Call Rejected',
  26: 'Answered elsewhere',
};

const emitCs = (core: PbxCore, name: string, ch: Channel, extra: Pairs = [], cls: number = CALL) =>
  core.bus.emitLazy(name, cls, () => [...cs(ch), ...extra]);

export function newchannel(core: PbxCore, ch: Channel): void {
  emitCs(core, 'Newchannel', ch);
}

export function newstate(core: PbxCore, ch: Channel, state: number): void {
  update(ch, { state });
  if (state === 6 && ch.answeredAt === undefined) ch.answeredAt = core.now();
  emitCs(core, 'Newstate', ch);
}

export function newCallerid(core: PbxCore, ch: Channel, num?: string, name?: string): void {
  if (num !== undefined) update(ch, { callerNum: num, callerName: name ?? '' });
  emitCs(core, 'NewCallerid', ch, [['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']]);
}

export function newConnectedLine(core: PbxCore, ch: Channel, num: string, name: string): void {
  update(ch, { connNum: num, connName: name });
  emitCs(core, 'NewConnectedLine', ch);
}

export function hangupRequest(core: PbxCore, ch: Channel, cause: number): void {
  emitCs(core, 'HangupRequest', ch, [['Cause', String(cause)]]);
}

export function softHangupRequest(core: PbxCore, ch: Channel, cause: number): void {
  emitCs(core, 'SoftHangupRequest', ch, [['Cause', String(cause)]]);
}

/** Hangup, then the channel is gone from the model. */
export function hangup(core: PbxCore, ch: Channel, cause: number): void {
  const watchers = core.hangupWatchers.get(ch);
  if (watchers) {
    core.hangupWatchers.delete(ch);
    for (const w of watchers) w();
  }
  emitCs(core, 'Hangup', ch, [
    ['Cause', String(cause)],
    ['Cause-txt', CAUSE_TEXT[cause] ?? 'Unknown'],
  ]);
  core.unregister(ch);
}

const dialPairs = (src: Channel | undefined, dst: Channel): Pairs => (src ? [...cs(src), ...cs(dst, 'Dest')] : cs(dst, 'Dest'));

export function dialBegin(core: PbxCore, src: Channel | undefined, dst: Channel, dialString: string): void {
  core.bus.emitLazy('DialBegin', CALL, () => [...dialPairs(src, dst), ['DialString', dialString]]);
}

export function dialState(core: PbxCore, src: Channel | undefined, dst: Channel, status: string): void {
  core.bus.emitLazy('DialState', CALL, () => [...dialPairs(src, dst), ['DialStatus', status]]);
}

export function dialEnd(core: PbxCore, src: Channel | undefined, dst: Channel, status: string): void {
  core.bus.emitLazy('DialEnd', CALL, () => [...dialPairs(src, dst), ['DialStatus', status]]);
}

export function localBridge(core: PbxCore, one: Channel, two: Channel): void {
  core.bus.emitLazy('LocalBridge', CALL, () => [
    ...cs(one, 'LocalOne'),
    ...cs(two, 'LocalTwo'),
    ['Context', two.context],
    ['Exten', two.exten],
    ['LocalOptimization', 'Yes'],
  ]);
}

export function originateResponse(
  core: PbxCore,
  actionId: string | undefined,
  ch: Channel,
  target: { context: string; exten: string } | { application: string; data: string },
  reason = 4,
): void {
  core.bus.emitLazy('OriginateResponse', CALL, () => {
    const out: Pairs = [];
    if (actionId !== undefined) out.push(['ActionID', actionId]);
    out.push(['Response', reason === 4 ? 'Success' : 'Failure'], ['Channel', ch.name]);
    if ('context' in target) out.push(['Context', target.context], ['Exten', target.exten]);
    else out.push(['Application', target.application], ['Data', target.data]);
    out.push(
      ['Reason', String(reason)],
      ['Uniqueid', ch.uniqueid],
      ['CallerIDNum', ch.callerNum || '<unknown>'],
      ['CallerIDName', ch.callerName || '<unknown>'],
    );
    return out;
  });
}

export function mohStart(core: PbxCore, ch: Channel, musicClass: string): void {
  emitCs(core, 'MusicOnHoldStart', ch, [['Class', musicClass]]);
}

export function mohStop(core: PbxCore, ch: Channel): void {
  emitCs(core, 'MusicOnHoldStop', ch);
}

export function hold(core: PbxCore, ch: Channel): void {
  emitCs(core, 'Hold', ch);
}

export function unhold(core: PbxCore, ch: Channel): void {
  emitCs(core, 'Unhold', ch);
}

export function dtmfEnd(core: PbxCore, ch: Channel, digit: string): void {
  emitCs(
    core,
    'DTMFEnd',
    ch,
    [
      ['Digit', digit],
      ['DurationMs', '0'],
      ['Direction', 'Received'],
    ],
    PERM.dtmf,
  );
}

export function bridgeCreate(core: PbxCore, b: Bridge): void {
  core.bus.emitLazy('BridgeCreate', CALL, () => bs(b));
}

export function bridgeDestroy(core: PbxCore, b: Bridge): void {
  core.bus.emitLazy('BridgeDestroy', CALL, () => bs(b));
  core.bridges.delete(b.uniqueid);
}

export function bridgeEnter(core: PbxCore, b: Bridge, ch: Channel, swap?: Channel): void {
  if (swap) {
    const i = b.channels.indexOf(swap);
    if (i !== -1) b.channels.splice(i, 1);
  }
  b.channels.push(ch);
  update(ch, { bridge: b });
  core.bus.emitLazy('BridgeEnter', CALL, () => {
    const out = [...bs(b), ...cs(ch)];
    if (swap) out.push(['SwapUniqueid', swap.uniqueid]);
    return out;
  });
}

export function bridgeLeave(core: PbxCore, b: Bridge, ch: Channel): void {
  const i = b.channels.indexOf(ch);
  if (i !== -1) b.channels.splice(i, 1);
  if (ch.bridge === b) update(ch, { bridge: undefined });
  core.bus.emitLazy('BridgeLeave', CALL, () => [...bs(b), ...cs(ch)]);
}

export function queueCallerJoin(core: PbxCore, ch: Channel, queue: string, position: number, count: number): void {
  emitCs(
    core,
    'QueueCallerJoin',
    ch,
    [
      ['Queue', queue],
      ['Position', String(position)],
      ['Count', String(count)],
    ],
    AGENT,
  );
}

export function queueCallerLeave(core: PbxCore, ch: Channel, queue: string, position: number, count: number): void {
  emitCs(
    core,
    'QueueCallerLeave',
    ch,
    [
      ['Queue', queue],
      ['Position', String(position)],
      ['Count', String(count)],
    ],
    AGENT,
  );
}

export function queueCallerAbandon(core: PbxCore, ch: Channel, queue: string, position: number, original: number, holdSec: number): void {
  emitCs(
    core,
    'QueueCallerAbandon',
    ch,
    [
      ['Queue', queue],
      ['Position', String(position)],
      ['OriginalPosition', String(original)],
      ['HoldTime', String(holdSec)],
    ],
    AGENT,
  );
}

/** AgentCalled / AgentRingNoAnswer / AgentConnect / AgentComplete share this prefix. */
function agentEvent(core: PbxCore, name: string, caller: Channel, leg: Channel, m: QueueMember, extra: Pairs): void {
  core.bus.emitLazy(name, AGENT, () => [
    ...cs(caller),
    ...cs(leg, 'Dest'),
    ['Queue', m.queue],
    ['Interface', m.iface],
    ['MemberName', m.name],
    ...extra,
  ]);
}

export function agentCalled(core: PbxCore, caller: Channel, leg: Channel, m: QueueMember): void {
  agentEvent(core, 'AgentCalled', caller, leg, m, []);
}

export function agentRingNoAnswer(core: PbxCore, caller: Channel, leg: Channel, m: QueueMember, ringMs: number): void {
  agentEvent(core, 'AgentRingNoAnswer', caller, leg, m, [['RingTime', String(Math.round(ringMs))]]);
}

export function agentConnect(core: PbxCore, caller: Channel, leg: Channel, m: QueueMember, holdSec: number, ringSec: number): void {
  agentEvent(core, 'AgentConnect', caller, leg, m, [
    ['HoldTime', String(holdSec)],
    ['RingTime', String(ringSec)],
  ]);
}

export function agentComplete(
  core: PbxCore,
  caller: Channel,
  leg: Channel,
  m: QueueMember,
  holdSec: number,
  talkSec: number,
  reason: 'caller' | 'agent' | 'transfer',
): void {
  agentEvent(core, 'AgentComplete', caller, leg, m, [
    ['HoldTime', String(holdSec)],
    ['TalkTime', String(talkSec)],
    ['Reason', reason],
  ]);
}

export function queueMemberEvent(core: PbxCore, name: string, m: QueueMember): void {
  core.bus.emitLazy(name, AGENT, () => memberBlob(m));
}

export function deviceStateChange(core: PbxCore, device: string, state: string): void {
  core.devices.set(device, state);
  core.bus.emit('DeviceStateChange', CALL, [
    ['Device', device],
    ['State', state],
  ]);
}

export function extensionStatus(core: PbxCore, exten: string, context: string, hint: string, status: number, text: string): void {
  core.bus.emit('ExtensionStatus', CALL, [
    ['Exten', exten],
    ['Context', context],
    ['Hint', hint],
    ['Status', String(status)],
    ['StatusText', text],
  ]);
}
