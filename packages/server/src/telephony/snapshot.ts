import type { AmiMessage } from '@amiable/ami';
import { attachToCall } from './calls.ts';
import type { DomainChange } from './changes.ts';
import type { DeviceDirectory } from './device-directory.ts';
import { SnapshotInputError } from './errors.ts';
import { cid, field, int, text } from './fields.ts';
import { PbxModel } from './pbx-model.ts';
import { LISTED_MEMBER, readMember } from './queue-member-block.ts';
import { type ListedChannel, readListedChannel } from './snapshot-items.ts';
import { inferCallFacts } from './snapshot-calls.ts';
import type { EpochMs, PbxId } from './types.ts';

/**
 * The items of the list actions a resync takes, as received (the closing
 * `…Complete` events may be included; they are ignored).
 */
export interface SnapshotLists {
  /** CoreShowChannels → CoreShowChannel items. */
  readonly channels?: readonly AmiMessage[];
  /** Status → Status items; used for legs CoreShowChannels did not list. */
  readonly status?: readonly AmiMessage[];
  /** BridgeList → BridgeListItem items. */
  readonly bridges?: readonly AmiMessage[];
  /** QueueStatus → QueueParams, QueueMember and QueueEntry items. */
  readonly queueStatus?: readonly AmiMessage[];
  /** DeviceStateList → DeviceStateChange items. */
  readonly deviceStates?: readonly AmiMessage[];
  /** ExtensionStateList → ExtensionStatus items. */
  readonly extensionStates?: readonly AmiMessage[];
}

export interface SnapshotOptions {
  /** When the lists were taken (epoch ms). */
  readonly at: EpochMs;
  /** Reuse the old model's directory so learnt hints survive. */
  readonly directory?: DeviceDirectory;
}

/**
 * Build a fresh model from list answers, without touching the live reducer:
 * list items share names with live events (DeviceStateChange, ExtensionStatus)
 * and use other field names (Name/Location, BridgeId/BridgeID, Duration).
 * Call facts of calls seen only here are inferred and approximate (see
 * snapshot-calls.ts); `resyncModel` carries the old model's facts over.
 */
export function buildSnapshotModel(pbx: PbxId, lists: SnapshotLists, options: SnapshotOptions): PbxModel {
  const { at } = options;
  if (!Number.isFinite(at)) throw new SnapshotInputError('snapshot time must be a finite epoch-ms value', { at });
  const model = new PbxModel({ pbx, ...(options.directory === undefined ? {} : { directory: options.directory }) });
  for (const msg of lists.extensionStates ?? []) {
    const exten = field(msg, 'Exten');
    if (msg.event !== 'ExtensionStatus' || exten === undefined) continue;
    const hint = text(msg, 'Hint');
    model.directory.learnHint(exten, hint);
    const status = int(msg, 'Status') ?? -1;
    model.extensions.set(exten, { exten, context: text(msg, 'Context'), hint, status, statusText: text(msg, 'StatusText'), since: at });
  }
  for (const msg of lists.deviceStates ?? []) {
    const device = field(msg, 'Device');
    const state = field(msg, 'State');
    if (msg.event === 'DeviceStateChange' && device !== undefined && state !== undefined) model.devices.set(device, { device, state, since: at });
  }
  for (const msg of lists.bridges ?? []) {
    const id = field(msg, 'BridgeUniqueid');
    if (msg.event !== 'BridgeListItem' || id === undefined) continue;
    model.bridges.set(id, { id, bridgeType: text(msg, 'BridgeType'), technology: text(msg, 'BridgeTechnology'), channels: new Set(), createdAt: at });
  }
  const listed = readChannels(model, lists, at);
  const scratch: DomainChange[] = [];
  for (const { channel } of listed.values()) {
    model.channels.set(channel.uniqueid, channel);
    if (channel.bridgeId !== null) {
      let bridge = model.bridges.get(channel.bridgeId);
      if (bridge === undefined) {
        bridge = { id: channel.bridgeId, bridgeType: '', technology: '', channels: new Set(), createdAt: at };
        model.bridges.set(bridge.id, bridge);
      }
      bridge.channels.add(channel.uniqueid);
    }
  }
  pairLocalHalves(model);
  // Oldest legs first, so each call's origin is its first leg.
  const ordered = [...model.channels.values()].sort((a, b) => a.createdAt - b.createdAt || a.uniqueid.localeCompare(b.uniqueid));
  for (const ch of ordered) attachToCall(model, ch, ch.createdAt, scratch);
  readQueues(model, lists.queueStatus ?? [], at);
  inferCallFacts(model, listed, at);
  return model;
}

function readChannels(model: PbxModel, lists: SnapshotLists, at: EpochMs): Map<string, ListedChannel> {
  const out = new Map<string, ListedChannel>();
  for (const msg of lists.channels ?? []) {
    if (msg.event !== 'CoreShowChannel') continue;
    const item = readListedChannel(msg, model.directory, at);
    if (item !== null) out.set(item.channel.uniqueid, item);
  }
  for (const msg of lists.status ?? []) {
    if (msg.event !== 'Status') continue;
    const item = readListedChannel(msg, model.directory, at);
    if (item === null) continue;
    const known = out.get(item.channel.uniqueid);
    if (known === undefined) out.set(item.channel.uniqueid, item);
    else known.channel.bridgeId ??= item.channel.bridgeId;
  }
  return out;
}

function pairLocalHalves(model: PbxModel): void {
  const halves = new Map<string, string>();
  for (const ch of model.channels.values()) {
    if (ch.localHalf === null) continue;
    const key = ch.name.slice(0, ch.name.lastIndexOf(';'));
    const other = halves.get(key);
    if (other === undefined) {
      halves.set(key, ch.uniqueid);
      continue;
    }
    const peer = model.channels.get(other);
    if (peer === undefined) continue;
    peer.localPeer = ch.uniqueid;
    ch.localPeer = peer.uniqueid;
  }
}

function readQueues(model: PbxModel, items: readonly AmiMessage[], at: EpochMs): void {
  for (const msg of items) {
    const queue = field(msg, 'Queue');
    if (queue === undefined || queue === '') continue;
    if (msg.event === 'QueueParams') {
      model.queue(queue).strategy = field(msg, 'Strategy') ?? null;
    } else if (msg.event === 'QueueMember') {
      const member = readMember(msg, LISTED_MEMBER, model.directory, at);
      if (member !== null) model.queue(queue).members.set(member.interface, member);
    } else if (msg.event === 'QueueEntry') {
      const uniqueid = field(msg, 'Uniqueid');
      if (uniqueid === undefined) continue;
      const ch = model.channels.get(uniqueid);
      model.queue(queue).callers.set(uniqueid, {
        queue,
        uniqueid,
        linkedid: ch?.linkedid ?? uniqueid,
        channel: text(msg, 'Channel'),
        callerNum: cid(msg, 'CallerIDNum'),
        callerName: cid(msg, 'CallerIDName'),
        position: int(msg, 'Position') ?? 0,
        joinedAt: at - (int(msg, 'Wait') ?? 0) * 1000,
      });
    }
  }
}
