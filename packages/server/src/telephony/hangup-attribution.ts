import type { Call, HangupBy } from './call.ts';
import type { DomainChange } from './changes.ts';
import type { PbxModel } from './pbx-model.ts';
import type { Channel, EpochMs } from './types.ts';

/**
 * Who a leg speaks for when it hangs up: the caller side (the call's first
 * leg and its Local partner), an extension (agent), or a remote trunk party
 * (counted as the caller: the customer). Ringing legs that never answered and
 * Local helper legs speak for nobody.
 */
export function partyRole(model: PbxModel, call: Call, ch: Channel): HangupBy | null {
  const f = call.facts;
  if (ch.uniqueid === f.originUniqueid || isOriginPartner(model, call, ch)) return f.originKind === 'phone' ? 'agent' : 'caller';
  if (ch.state !== 6) return null;
  if (ch.kind === 'phone') return 'agent';
  if (ch.kind === 'trunk') return 'caller';
  return null;
}

/** The far half of the caller's Local pair: it stands for the outside party, whatever hangs it up. */
function isOriginPartner(model: PbxModel, call: Call, ch: Channel): boolean {
  const origin = call.facts.originUniqueid;
  if (origin === null) return false;
  return ch.localPeer === origin || model.channels.get(origin)?.localPeer === ch.uniqueid;
}

/**
 * The first hangup request (or hangup) from a party decides who ended the
 * call. A SoftHangupRequest comes from Asterisk itself (dialplan Hangup(),
 * an AMI Hangup): on a party's own leg it means the system ended the call,
 * except on the far half of the caller's Local pair, which stands for the
 * outside party. Legs that handed the call on in a transfer are ignored, and
 * a transfer clears an earlier decision (see `resetAttribution`). While an
 * attended transfer's consultation runs, only the customer and the consulting
 * agent can end the call.
 */
export function noteHangup(model: PbxModel, call: Call, ch: Channel, now: EpochMs, out: DomainChange[], soft = false): void {
  const f = call.facts;
  if (f.hangupBy !== null || f.transferers.has(ch.uniqueid) || f.consulted.has(ch.uniqueid)) return;
  // During a consultation the consulted party hanging up ends the consultation, not the call.
  if (f.consult !== null && ch.uniqueid !== f.consult.uniqueid && ch.uniqueid !== f.originUniqueid && !isOriginPartner(model, call, ch)) return;
  let role = partyRole(model, call, ch);
  if (role === null) return;
  if (soft && !isOriginPartner(model, call, ch)) role = 'system';
  f.hangupBy = role;
  f.hangupAt = now;
  f.hangupUniqueid = ch.uniqueid;
  out.push({ type: 'call-hangup-by', pbx: model.pbx, at: now, linkedid: call.linkedid, by: role });
}

/** Record the Q.850 cause: the deciding leg's own Hangup wins, otherwise the first party leg's. */
export function noteHangupCause(
  model: PbxModel,
  call: Call,
  ch: Channel,
  cause: number | null,
  causeText: string | null,
): void {
  const f = call.facts;
  const decider = f.hangupUniqueid === ch.uniqueid;
  if (!decider && (f.hangupCause !== null || partyRole(model, call, ch) === null)) return;
  f.hangupCause = cause;
  f.hangupCauseText = causeText;
}

export function resetAttribution(call: Call): void {
  const f = call.facts;
  f.hangupBy = null;
  f.hangupAt = null;
  f.hangupUniqueid = null;
  f.hangupCause = null;
  f.hangupCauseText = null;
  f.agentCompleteReason = null;
  f.agentCompleteAt = null;
}
