import type { AmiMessage } from '@amiable/ami';
import { type DomainChange, NO_CHANGES } from './changes.ts';
import { onBridgeCreate, onBridgeDestroy, onBridgeEnter, onBridgeLeave, onBridgeMerge } from './handlers/bridge-events.ts';
import { onCallerId, onHangup, onHangupRequest, onHold, onNewchannel, onNewstate } from './handlers/channel-events.ts';
import { onDeviceStateChange, onExtensionStatus } from './handlers/device-events.ts';
import { onDialBegin, onDialEnd } from './handlers/dial-events.ts';
import { isLanguageVarSet, onLocalBridge, onLocalOptimization, onOriginateResponse, onVarSet } from './handlers/local-events.ts';
import { onAgentEvent, onQueueCallerAbandon, onQueueCallerJoin, onQueueCallerLeave } from './handlers/queue-caller-events.ts';
import { onQueueMemberAdded, onQueueMemberRemoved, onQueueMemberUpdate } from './handlers/queue-member-events.ts';
import { onChanSpy } from './handlers/spy-events.ts';
import { onAttendedTransfer, onBlindTransfer } from './handlers/transfer-events.ts';
import type { PbxModel } from './pbx-model.ts';
import type { EpochMs } from './types.ts';

export type Handler = (model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]) => void;

/**
 * Event name → handler. Names come from the recorded transcripts; anything
 * not listed (Newexten, RTCP*, Cdr, DialState, MusicOnHold*, DTMF*, list
 * items, ...) is ignored before any work is done.
 */
const HANDLERS = new Map<string, Handler>([
  ['Newchannel', onNewchannel],
  ['Newstate', onNewstate],
  ['NewCallerid', onCallerId],
  ['NewConnectedLine', onCallerId],
  ['HangupRequest', onHangupRequest],
  ['SoftHangupRequest', onHangupRequest],
  ['Hangup', onHangup],
  ['Hold', onHold],
  ['Unhold', onHold],
  ['LocalBridge', onLocalBridge],
  ['LocalOptimizationBegin', onLocalOptimization],
  ['LocalOptimizationEnd', onLocalOptimization],
  ['OriginateResponse', onOriginateResponse],
  ['DialBegin', onDialBegin],
  ['DialEnd', onDialEnd],
  ['BridgeCreate', onBridgeCreate],
  ['BridgeDestroy', onBridgeDestroy],
  ['BridgeEnter', onBridgeEnter],
  ['BridgeLeave', onBridgeLeave],
  ['BridgeMerge', onBridgeMerge],
  ['BlindTransfer', onBlindTransfer],
  ['AttendedTransfer', onAttendedTransfer],
  ['ChanSpyStart', onChanSpy],
  ['ChanSpyStop', onChanSpy],
  ['DeviceStateChange', onDeviceStateChange],
  ['ExtensionStatus', onExtensionStatus],
  ['QueueCallerJoin', onQueueCallerJoin],
  ['QueueCallerLeave', onQueueCallerLeave],
  ['QueueCallerAbandon', onQueueCallerAbandon],
  ['AgentCalled', onAgentEvent],
  ['AgentRingNoAnswer', onAgentEvent],
  ['AgentConnect', onAgentEvent],
  ['AgentComplete', onAgentEvent],
  ['AgentDump', onAgentEvent],
  ['QueueMemberAdded', onQueueMemberAdded],
  ['QueueMemberRemoved', onQueueMemberRemoved],
  ['QueueMemberPause', onQueueMemberUpdate],
  ['QueueMemberStatus', onQueueMemberUpdate],
  ['QueueMemberPenalty', onQueueMemberUpdate],
  ['QueueMemberRinginuse', onQueueMemberUpdate],
]);

/** Event names the reducer acts on (for server-side event filters). */
export const HANDLED_EVENTS: readonly string[] = Object.freeze([...HANDLERS.keys(), 'VarSet']);

/** Apply one live AMI event to the model. Responses and unknown events change nothing. */
export function reduce(model: PbxModel, msg: AmiMessage, now: EpochMs): readonly DomainChange[] {
  const name = msg.event;
  if (name === undefined) return NO_CHANGES;
  if (name === 'VarSet') {
    // Half of all traffic: only the language variables matter; the rest is dropped before any allocation.
    if (!isLanguageVarSet(msg)) return NO_CHANGES;
    const out: DomainChange[] = [];
    onVarSet(model, msg, now, out);
    return out.length === 0 ? NO_CHANGES : out;
  }
  const handler = HANDLERS.get(name);
  if (handler === undefined) return NO_CHANGES;
  const out: DomainChange[] = [];
  handler(model, msg, now, out);
  return out.length === 0 ? NO_CHANGES : out;
}
