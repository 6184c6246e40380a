import type { AmiMessage } from '@amiable/ami';
import type { Call, TransferFact } from '../call.ts';
import type { DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import { field, orNull, text } from '../fields.ts';
import { closeSegment, openSegment } from '../agent-segments.ts';
import { resetAttribution } from '../hangup-attribution.ts';
import type { PbxModel } from '../pbx-model.ts';
import { ORIG_TRANSFERER_CS, SECOND_TRANSFERER_CS, TRANSFEREE_CS, TRANSFER_TARGET_CS, TRANSFERER_CS } from '../snapshot-keys.ts';
import type { Channel, EpochMs } from '../types.ts';

function partyName(ch: Channel | undefined): string | null {
  if (ch === undefined) return null;
  return ch.extension ?? ch.callerNum;
}

function record(model: PbxModel, call: Call, fact: TransferFact, handedOn: Channel[], out: DomainChange[]): void {
  const f = call.facts;
  f.transfers.push(fact);
  if (fact.result !== 'Success') return;
  for (const ch of handedOn) {
    f.transferers.add(ch.uniqueid);
    closeSegment(call, ch.uniqueid, 'transfer', fact.at);
  }
  resetAttribution(call);
  out.push({
    type: 'call-transferred',
    pbx: model.pbx,
    at: fact.at,
    linkedid: call.linkedid,
    transferType: fact.type,
    from: fact.from,
    to: fact.to,
    result: fact.result,
  });
}

/** BlindTransfer: the transferer sent its peer to Context/Extension. */
export function onBlindTransfer(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const transferer = observe(model, msg, TRANSFERER_CS, now, out);
  const transferee = observe(model, msg, TRANSFEREE_CS, now, out);
  const call = model.calls.get((transferee ?? transferer)?.linkedid ?? '');
  if (call === undefined) return;
  const fact: TransferFact = {
    type: 'blind',
    from: partyName(transferer),
    to: orNull(field(msg, 'Extension')),
    at: now,
    result: text(msg, 'Result'),
  };
  record(model, call, fact, transferer === undefined ? [] : [transferer], out);
}

/**
 * AttendedTransfer. The target is TransferTarget* when Asterisk names it;
 * otherwise (DestType Bridge, the usual case) it is the answered phone leg of
 * the call that is neither a transferer nor on the caller's side.
 */
export function onAttendedTransfer(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const orig = observe(model, msg, ORIG_TRANSFERER_CS, now, out);
  const second = observe(model, msg, SECOND_TRANSFERER_CS, now, out);
  const transferee = observe(model, msg, TRANSFEREE_CS, now, out);
  const target = field(msg, TRANSFER_TARGET_CS.uniqueid) === undefined ? undefined : observe(model, msg, TRANSFER_TARGET_CS, now, out);
  const call = model.calls.get((transferee ?? orig)?.linkedid ?? '');
  if (call === undefined) return;
  const handedOn = [orig, second].filter((c): c is Channel => c !== undefined);
  const consulted = call.facts.consult?.targetUniqueid;
  const to = target ?? (consulted == null ? undefined : model.channels.get(consulted)) ?? findTarget(model, call, handedOn, transferee);
  const fact: TransferFact = { type: 'attended', from: partyName(orig), to: partyName(to), at: now, result: text(msg, 'Result') };
  const consult = call.facts.consult;
  record(model, call, fact, handedOn, out);
  if (fact.result !== 'Success') return;
  if (to !== undefined && to.extension !== null) {
    call.facts.currentAgent = to.extension;
    call.facts.consulted.delete(to.uniqueid);
    if (to.kind === 'phone') openSegment(call, { extension: to.extension, uniqueid: to.uniqueid, queue: null, role: 'agent' }, now);
  }
  if (consult !== null) {
    call.facts.consult = null;
    const target = consult.target ?? to?.extension ?? null;
    out.push({ type: 'call-consult', pbx: model.pbx, at: now, linkedid: call.linkedid, extension: consult.extension, phase: 'completed', target });
  }
}

function findTarget(model: PbxModel, call: Call, handedOn: Channel[], transferee: Channel | undefined): Channel | undefined {
  const skip = new Set(handedOn.map((c) => c.uniqueid));
  if (transferee !== undefined) skip.add(transferee.uniqueid);
  for (const uniqueid of call.channels) {
    const ch = model.channels.get(uniqueid);
    if (ch === undefined || skip.has(uniqueid) || call.facts.transferers.has(uniqueid)) continue;
    if (ch.kind === 'phone' && ch.state === 6 && uniqueid !== call.facts.originUniqueid) return ch;
  }
  return undefined;
}
