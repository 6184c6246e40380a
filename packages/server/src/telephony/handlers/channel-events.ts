import type { AmiMessage } from '@amiable/ami';
import { closeOfferOnHangup, refreshCaller } from '../call-facts.ts';
import { closeSegment } from '../agent-segments.ts';
import { detachFromCall } from '../calls.ts';
import type { DomainChange } from '../changes.ts';
import { createChannel, observe } from '../channel-observe.ts';
import { cid, field, int, orNull, text } from '../fields.ts';
import { noteHangup, noteHangupCause } from '../hangup-attribution.ts';
import type { PbxModel } from '../pbx-model.ts';
import { CS } from '../snapshot-keys.ts';
import type { EpochMs } from '../types.ts';

export function onNewchannel(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const uniqueid = field(msg, CS.uniqueid);
  if (uniqueid === undefined || uniqueid === '') return;
  if (model.channels.has(uniqueid)) {
    observe(model, msg, CS, now, out);
    return;
  }
  const ch = createChannel(model, msg, CS, uniqueid, now, out);
  const call = model.calls.get(ch.linkedid);
  // The dialled number of an inbound leg (a DID on a trunk, the number a phone dialled).
  if (call !== undefined && call.facts.originUniqueid === uniqueid && ch.kind !== 'local' && ch.exten !== 's' && ch.exten !== '') {
    call.facts.calledNumber ??= ch.exten;
  }
}

export function onNewstate(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const state = int(msg, CS.state) ?? ch.state;
  ch.state = state;
  ch.stateDesc = text(msg, CS.stateDesc);
  if (state === 6 && ch.answeredAt === null) ch.answeredAt = now;
  const { pbx } = model;
  out.push({ type: 'channel-state', pbx, at: now, uniqueid: ch.uniqueid, linkedid: ch.linkedid, extension: ch.extension, state, stateDesc: ch.stateDesc });
}

/** NewCallerid and NewConnectedLine: both carry the full caller and connected-line identity. */
export function onCallerId(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  ch.callerNum = cid(msg, CS.callerNum);
  ch.callerName = cid(msg, CS.callerName);
  ch.connectedNum = cid(msg, CS.connectedNum);
  ch.connectedName = cid(msg, CS.connectedName);
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) refreshCaller(call, ch);
  out.push({
    type: 'channel-caller-id',
    pbx: model.pbx,
    at: now,
    uniqueid: ch.uniqueid,
    linkedid: ch.linkedid,
    extension: ch.extension,
    callerNum: ch.callerNum,
    callerName: ch.callerName,
    connectedNum: ch.connectedNum,
    connectedName: ch.connectedName,
  });
}

/** HangupRequest (from the leg's own side) and SoftHangupRequest (from Asterisk). */
export function onHangupRequest(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) noteHangup(model, call, ch, now, out, msg.event === 'SoftHangupRequest');
}

export function onHangup(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const cause = int(msg, 'Cause');
  const causeText = orNull(field(msg, 'Cause-txt'));
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) {
    noteHangup(model, call, ch, now, out);
    noteHangupCause(model, call, ch, cause, causeText);
    closeOfferOnHangup(call, ch.uniqueid, cause, now);
    closeSegment(call, ch.uniqueid, 'hangup', now);
    const since = call.facts.openHolds.get(ch.uniqueid);
    if (since !== undefined) {
      call.facts.holdMs += now - since;
      call.facts.openHolds.delete(ch.uniqueid);
    }
  }
  if (ch.bridgeId !== null) model.bridges.get(ch.bridgeId)?.channels.delete(ch.uniqueid);
  for (const q of model.queues.values()) q.callers.delete(ch.uniqueid);
  model.channels.delete(ch.uniqueid);
  model.rememberHangup(ch.uniqueid);
  const { pbx } = model;
  out.push({ type: 'channel-hungup', pbx, at: now, uniqueid: ch.uniqueid, linkedid: ch.linkedid, extension: ch.extension, name: ch.name, cause, causeText });
  detachFromCall(model, ch, now, out);
}

/** Hold and Unhold as signalled by the device (not music on hold). A stray Unhold is ignored. */
export function onHold(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const held = msg.event === 'Hold';
  if (held === (ch.heldSince !== null)) return;
  const call = model.calls.get(ch.linkedid);
  if (held) {
    ch.heldSince = now;
    call?.facts.openHolds.set(ch.uniqueid, now);
  } else {
    ch.heldSince = null;
    const since = call?.facts.openHolds.get(ch.uniqueid);
    if (call !== undefined && since !== undefined) {
      call.facts.holdMs += now - since;
      call.facts.openHolds.delete(ch.uniqueid);
    }
  }
  out.push({ type: 'channel-hold', pbx: model.pbx, at: now, uniqueid: ch.uniqueid, linkedid: ch.linkedid, extension: ch.extension, held });
}
