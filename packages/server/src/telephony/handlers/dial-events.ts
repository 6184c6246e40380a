import type { AmiMessage } from '@amiable/ami';
import { dialStatusResult, endOffer, findOffer, markAnswered, openOffer } from '../call-facts.ts';
import type { DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import { field, text } from '../fields.ts';
import type { PbxModel } from '../pbx-model.ts';
import { CS, DEST_CS } from '../snapshot-keys.ts';
import type { EpochMs } from '../types.ts';

/**
 * DialBegin. Without a calling channel (an AMI Originate's first leg) it only
 * marks the call as originated. A dial to a phone opens an offer (ringing).
 */
export function onDialBegin(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const dest = observe(model, msg, DEST_CS, now, out);
  if (dest === undefined) return;
  const source = field(msg, CS.uniqueid) === undefined ? undefined : observe(model, msg, CS, now, out);
  const call = model.calls.get(dest.linkedid);
  if (call !== undefined) {
    const f = call.facts;
    if (source === undefined) {
      if (f.originUniqueid === dest.uniqueid) {
        f.originated = true;
        // Click-to-dial: Asterisk rings the agent's own phone first; that agent owns the call.
        if (dest.kind === 'phone' && f.answeredAt === null) f.owner ??= dest.extension;
      }
    } else {
      if (dest.kind === 'phone') openOffer(call, dest, now);
      if (source.uniqueid === f.originUniqueid && source.kind !== 'local' && source.exten !== 's') f.calledNumber ??= source.exten;
    }
  }
  out.push({
    type: 'dial-begin',
    pbx: model.pbx,
    at: now,
    linkedid: dest.linkedid,
    sourceUniqueid: source?.uniqueid ?? null,
    destUniqueid: dest.uniqueid,
    destExtension: dest.extension,
    status: null,
  });
}

/** DialEnd. The first status for a leg is kept (NOANSWER is followed by CANCEL). */
export function onDialEnd(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const dest = observe(model, msg, DEST_CS, now, out);
  if (dest === undefined) return;
  const hasSource = field(msg, CS.uniqueid) !== undefined;
  const source = hasSource ? observe(model, msg, CS, now, out) : undefined;
  const status = text(msg, 'DialStatus');
  const call = model.calls.get(dest.linkedid);
  if (call !== undefined && hasSource) {
    const offer = findOffer(call, dest.uniqueid);
    if (offer !== undefined) endOffer(offer, dialStatusResult(status), now);
    // A Local leg answering only means its far half answered; the real leg reports separately.
    if (status === 'ANSWER' && dest.kind !== 'local') markAnswered(model, call, dest, dest.extension, offer?.queue ?? null, now, out);
  }
  out.push({
    type: 'dial-end',
    pbx: model.pbx,
    at: now,
    linkedid: dest.linkedid,
    sourceUniqueid: source?.uniqueid ?? null,
    destUniqueid: dest.uniqueid,
    destExtension: dest.extension,
    status,
  });
}
