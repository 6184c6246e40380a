import { closeAllSegments } from './agent-segments.ts';
import { type Call, newCall } from './call.ts';
import type { DomainChange } from './changes.ts';
import type { PbxModel } from './pbx-model.ts';
import type { Channel, EpochMs } from './types.ts';

/** Put a channel into the call named by its Linkedid, creating the call when it is new. */
export function attachToCall(model: PbxModel, ch: Channel, now: EpochMs, out: DomainChange[]): Call {
  let call = model.calls.get(ch.linkedid);
  if (call === undefined) {
    call = newCall(ch.linkedid, now);
    model.calls.set(ch.linkedid, call);
    out.push({ type: 'call-started', pbx: model.pbx, at: now, linkedid: ch.linkedid });
  }
  call.channels.add(ch.uniqueid);
  const f = call.facts;
  if (f.originUniqueid === null || ch.uniqueid === call.linkedid) {
    if (f.originUniqueid !== ch.uniqueid) {
      f.originUniqueid = ch.uniqueid;
      f.originKind = ch.kind;
      f.originExtension = ch.extension;
      f.originLocalExten = ch.localExten;
      f.callerNumber = ch.callerNum;
      f.callerName = ch.callerName;
    }
  } else if (ch.kind === 'trunk') {
    f.sawExternalLeg = true;
  }
  return call;
}

/**
 * Linkedid moved for a known leg (it is recomputed on bridge entry): move the
 * leg to the new group. A group left empty was absorbed by the other one.
 */
export function regroup(model: PbxModel, ch: Channel, linkedid: string, now: EpochMs, out: DomainChange[]): void {
  const old = model.calls.get(ch.linkedid);
  ch.linkedid = linkedid;
  attachToCall(model, ch, now, out);
  if (old === undefined) return;
  old.channels.delete(ch.uniqueid);
  if (old.channels.size === 0) {
    model.calls.delete(old.linkedid);
    out.push({ type: 'call-merged', pbx: model.pbx, at: now, linkedid: old.linkedid, into: linkedid });
  }
}

/** A leg is gone; the call ends with its last leg. */
export function detachFromCall(model: PbxModel, ch: Channel, now: EpochMs, out: DomainChange[]): void {
  const call = model.calls.get(ch.linkedid);
  if (call === undefined) return;
  call.channels.delete(ch.uniqueid);
  if (call.channels.size > 0) return;
  model.calls.delete(call.linkedid);
  closeHolds(call, now);
  closeAllSegments(call, now);
  call.facts.consult = null;
  call.facts.endedAt = now;
  out.push({ type: 'call-ended', pbx: model.pbx, at: now, linkedid: call.linkedid, call });
}

export function closeHolds(call: Call, now: EpochMs): void {
  const f = call.facts;
  for (const since of f.openHolds.values()) f.holdMs += now - since;
  f.openHolds.clear();
}

export function callOf(model: PbxModel, ch: Channel): Call | undefined {
  return model.calls.get(ch.linkedid);
}
