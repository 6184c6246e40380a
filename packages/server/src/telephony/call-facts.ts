import { openSegment } from './agent-segments.ts';
import type { AgentOffer, Call, OfferResult } from './call.ts';
import type { DomainChange } from './changes.ts';
import type { PbxModel } from './pbx-model.ts';
import type { Channel, EpochMs } from './types.ts';

export function findOffer(call: Call, uniqueid: string): AgentOffer | undefined {
  const offers = call.facts.offers;
  for (let i = offers.length - 1; i >= 0; i--) if (offers[i]!.uniqueid === uniqueid) return offers[i];
  return undefined;
}

/** A leg to an extension starts ringing (AgentCalled or DialBegin, whichever comes first). */
export function openOffer(call: Call, leg: Channel, now: EpochMs): AgentOffer {
  const existing = findOffer(call, leg.uniqueid);
  if (existing !== undefined) return existing;
  const offer: AgentOffer = {
    uniqueid: leg.uniqueid,
    extension: leg.extension,
    interface: null,
    queue: null,
    viaQueue: false,
    ringStartedAt: now,
    ringEndedAt: null,
    result: 'ringing',
  };
  call.facts.offers.push(offer);
  return offer;
}

/** Only the first outcome counts: a NOANSWER is followed by a CANCEL for the same leg. */
export function endOffer(offer: AgentOffer, result: OfferResult, now: EpochMs): void {
  if (offer.result !== 'ringing') return;
  offer.result = result;
  offer.ringEndedAt = now;
}

const DIAL_RESULT: Record<string, OfferResult> = {
  ANSWER: 'answered',
  NOANSWER: 'no-answer',
  CANCEL: 'cancelled',
  BUSY: 'busy',
};

export function dialStatusResult(status: string): OfferResult {
  return DIAL_RESULT[status] ?? 'failed';
}

/** The leg hung up: close a still-ringing offer, and read rejection (21) or busy (17) from the cause. */
export function closeOfferOnHangup(call: Call, uniqueid: string, cause: number | null, now: EpochMs): void {
  const offer = findOffer(call, uniqueid);
  if (offer === undefined) return;
  if (offer.result === 'ringing') endOffer(offer, cause === 21 ? 'rejected' : cause === 17 ? 'busy' : 'cancelled', now);
  else if (offer.result === 'no-answer' && cause === 21) offer.result = 'rejected';
  else if (offer.result === 'no-answer' && cause === 17) offer.result = 'busy';
}

/**
 * A party answered: `leg` is its channel (when known), `queue` the queue that offered it.
 * The first answer by a real party answers the call; later answers (transfer targets)
 * only move `currentAgent`. During an attended transfer's consultation, an answer is the
 * consulted party's: the call stays with the consulting agent until the transfer completes.
 * The originating agent of a click-to-dial holds the call from its first answer, before
 * the callee.
 */
export function markAnswered(
  model: PbxModel,
  call: Call,
  leg: Channel | undefined,
  extension: string | null,
  queue: string | null,
  now: EpochMs,
  out: DomainChange[],
): void {
  const f = call.facts;
  const consult = f.consult;
  if (consult?.entered && leg?.uniqueid !== consult.uniqueid) {
    if (consult.target !== null) return;
    consult.target = extension;
    consult.targetUniqueid = leg?.uniqueid ?? null;
    if (leg !== undefined) f.consulted.add(leg.uniqueid);
    const { pbx } = model;
    out.push({ type: 'call-consult', pbx, at: now, linkedid: call.linkedid, extension: consult.extension, phase: 'answered', target: extension });
    return;
  }
  if (f.answeredAt === null && f.owner !== null && f.originUniqueid !== null && f.owner !== extension) {
    openSegment(call, { extension: f.owner, uniqueid: f.originUniqueid, queue: null, role: 'owner' }, now);
  }
  if (extension !== null) {
    f.currentAgent = extension;
    if (leg !== undefined && leg.kind === 'phone') openSegment(call, { extension, uniqueid: leg.uniqueid, queue, role: 'agent' }, now);
  }
  if (f.answeredAt !== null) return;
  f.answeredAt = now;
  f.answeredBy = extension;
  out.push({ type: 'call-answered', pbx: model.pbx, at: now, linkedid: call.linkedid, extension });
}

/** The origin's caller ID is the caller's identity until someone answers. */
export function refreshCaller(call: Call, ch: Channel): void {
  const f = call.facts;
  if (f.originUniqueid !== ch.uniqueid || f.answeredAt !== null) return;
  if (ch.callerNum !== null) f.callerNumber = ch.callerNum;
  if (ch.callerName !== null) f.callerName = ch.callerName;
}
