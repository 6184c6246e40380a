import type { AmiMessage } from '@amiable/ami';
import { parseChannelName } from './channel-name.ts';
import { attachToCall, regroup } from './calls.ts';
import type { DomainChange } from './changes.ts';
import { UNKNOWN_CHANNEL } from './errors.ts';
import { cid, field, int, text } from './fields.ts';
import type { PbxModel } from './pbx-model.ts';
import type { CsKeys } from './snapshot-keys.ts';
import type { Channel, EpochMs } from './types.ts';

/** Build a channel from a snapshot block (Newchannel, or any event naming a leg we missed). */
export function createChannel(
  model: PbxModel,
  msg: AmiMessage,
  k: CsKeys,
  uniqueid: string,
  now: EpochMs,
  out: DomainChange[],
): Channel {
  const name = text(msg, k.channel);
  const info = model.directory.describe(name);
  const parsed = parseChannelName(name);
  const state = int(msg, k.state) ?? 0;
  const ch: Channel = {
    uniqueid,
    linkedid: field(msg, k.linkedid) || uniqueid,
    name,
    device: info.device,
    kind: info.kind,
    extension: info.extension,
    localHalf: parsed.localHalf,
    localPeer: null,
    localExten: parsed.localExten,
    state,
    stateDesc: text(msg, k.stateDesc),
    callerNum: cid(msg, k.callerNum),
    callerName: cid(msg, k.callerName),
    connectedNum: cid(msg, k.connectedNum),
    connectedName: cid(msg, k.connectedName),
    context: text(msg, k.context),
    exten: text(msg, k.exten),
    bridgeId: null,
    createdAt: now,
    answeredAt: state === 6 ? now : null,
    heldSince: null,
  };
  model.channels.set(uniqueid, ch);
  const { pbx } = model;
  out.push({
    type: 'channel-created',
    pbx,
    at: now,
    uniqueid,
    linkedid: ch.linkedid,
    extension: ch.extension,
    name,
    device: ch.device,
    kind: ch.kind,
    state,
  });
  attachToCall(model, ch, now, out);
  return ch;
}

/**
 * The channel a snapshot block names. Unknown legs are created (and reported
 * as an anomaly, since the model missed their Newchannel); late events for
 * legs already hung up return undefined. A changed Linkedid regroups the leg.
 */
export function observe(model: PbxModel, msg: AmiMessage, k: CsKeys, now: EpochMs, out: DomainChange[]): Channel | undefined {
  const uniqueid = field(msg, k.uniqueid);
  if (uniqueid === undefined || uniqueid === '') return undefined;
  const ch = model.channels.get(uniqueid);
  if (ch === undefined) {
    if (model.recentlyHungUp.has(uniqueid) || field(msg, k.channel) === undefined) return undefined;
    out.push({
      type: 'anomaly',
      pbx: model.pbx,
      at: now,
      code: UNKNOWN_CHANNEL,
      message: `${msg.event ?? 'event'} named a channel the model did not hold`,
      details: { uniqueid, channel: field(msg, k.channel), event: msg.event },
    });
    return createChannel(model, msg, k, uniqueid, now, out);
  }
  const linkedid = field(msg, k.linkedid);
  if (linkedid !== undefined && linkedid !== '' && linkedid !== ch.linkedid) regroup(model, ch, linkedid, now, out);
  return ch;
}
