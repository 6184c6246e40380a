import type { AmiMessage } from '@amiable/ami';
import { noteSpyOriginate } from './spy-events.ts';
import type { DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import { cUnescape, field, int, orNull, text } from '../fields.ts';
import type { PbxModel } from '../pbx-model.ts';
import { CS, LOCAL_ONE_CS, LOCAL_TWO_CS } from '../snapshot-keys.ts';
import type { EpochMs } from '../types.ts';

/** LocalBridge links the `;1` and `;2` halves of a Local channel. */
export function onLocalBridge(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const one = observe(model, msg, LOCAL_ONE_CS, now, out);
  const two = observe(model, msg, LOCAL_TWO_CS, now, out);
  if (one === undefined || two === undefined) return;
  one.localPeer = two.uniqueid;
  two.localPeer = one.uniqueid;
}

/**
 * LocalOptimizationBegin/End: Asterisk swaps the real legs into the bridges
 * and the two halves hang up afterwards. The halves' blocks are observed so a
 * changed Linkedid regroups them; the swap itself arrives as Bridge events.
 */
export function onLocalOptimization(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  observe(model, msg, LOCAL_ONE_CS, now, out);
  observe(model, msg, LOCAL_TWO_CS, now, out);
}

/** VarSet matters only for the variables that carry the customer's language (`__CUSTOMER_LANG`, `CHANNEL(language)`). */
export function isLanguageVarSet(msg: AmiMessage): boolean {
  const name = field(msg, 'Variable');
  return name !== undefined && (name.endsWith('CUSTOMER_LANG') || name === 'CHANNEL(language)');
}

/** Call only for messages that passed `isLanguageVarSet`. */
export function onVarSet(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const value = orNull(field(msg, 'Value'));
  if (value === null) return;
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) call.facts.customerLanguage ??= cUnescape(value);
}

/** OriginateResponse: marks the originated leg and gives the exten it was sent to. */
export function onOriginateResponse(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const uniqueid = orNull(field(msg, 'Uniqueid'));
  const ch = uniqueid === null ? undefined : model.channels.get(uniqueid);
  if (ch !== undefined) {
    const call = model.calls.get(ch.linkedid);
    if (call !== undefined && call.facts.originUniqueid === ch.uniqueid) {
      call.facts.originated = true;
      const exten = orNull(field(msg, 'Exten'));
      if (exten !== null) call.facts.calledNumber ??= exten;
      noteSpyOriginate(call, field(msg, 'Application'), field(msg, 'Data'));
    }
  }
  out.push({
    type: 'originate-response',
    pbx: model.pbx,
    at: now,
    actionId: orNull(field(msg, 'ActionID')),
    response: text(msg, 'Response'),
    uniqueid,
    channel: orNull(field(msg, 'Channel')),
    reason: int(msg, 'Reason'),
  });
}
