import type { AmiMessage } from '@amiable/ami';
import type { DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import { field, text } from '../fields.ts';
import type { PbxModel } from '../pbx-model.ts';
import { CS } from '../snapshot-keys.ts';
import type { Bridge, Channel, EpochMs } from '../types.ts';

function ensureBridge(model: PbxModel, id: string, msg: AmiMessage | null, prefix: string, now: EpochMs, out: DomainChange[]): Bridge {
  let bridge = model.bridges.get(id);
  if (bridge === undefined) {
    bridge = {
      id,
      bridgeType: msg === null ? '' : text(msg, `${prefix}BridgeType`),
      technology: msg === null ? '' : text(msg, `${prefix}BridgeTechnology`),
      channels: new Set(),
      createdAt: now,
    };
    model.bridges.set(id, bridge);
    out.push({ type: 'bridge-created', pbx: model.pbx, at: now, bridgeId: id, bridgeType: bridge.bridgeType });
  }
  return bridge;
}

function enter(model: PbxModel, bridge: Bridge, ch: Channel, now: EpochMs, out: DomainChange[]): void {
  if (ch.bridgeId === bridge.id && bridge.channels.has(ch.uniqueid)) return;
  if (ch.bridgeId !== null && ch.bridgeId !== bridge.id) leave(model, ch.bridgeId, ch, now, out);
  bridge.channels.add(ch.uniqueid);
  ch.bridgeId = bridge.id;
  const { pbx } = model;
  out.push({ type: 'bridge-entered', pbx, at: now, bridgeId: bridge.id, uniqueid: ch.uniqueid, linkedid: ch.linkedid, extension: ch.extension });
}

function leave(model: PbxModel, bridgeId: string, ch: Channel, now: EpochMs, out: DomainChange[]): void {
  const bridge = model.bridges.get(bridgeId);
  const present = bridge?.channels.delete(ch.uniqueid) ?? false;
  if (ch.bridgeId === bridgeId) ch.bridgeId = null;
  if (!present) return;
  const { pbx } = model;
  out.push({ type: 'bridge-left', pbx, at: now, bridgeId, uniqueid: ch.uniqueid, linkedid: ch.linkedid, extension: ch.extension });
}

export function onBridgeCreate(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const id = field(msg, 'BridgeUniqueid');
  if (id !== undefined && id !== '') ensureBridge(model, id, msg, '', now, out);
}

export function onBridgeDestroy(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const id = field(msg, 'BridgeUniqueid');
  const bridge = id === undefined ? undefined : model.bridges.get(id);
  if (bridge === undefined) return;
  for (const uniqueid of bridge.channels) {
    const ch = model.channels.get(uniqueid);
    if (ch !== undefined) leave(model, bridge.id, ch, now, out);
  }
  model.bridges.delete(bridge.id);
  out.push({ type: 'bridge-destroyed', pbx: model.pbx, at: now, bridgeId: bridge.id, bridgeType: bridge.bridgeType });
}

/** BridgeEnter; `SwapUniqueid` (Local optimisation) names the leg being replaced. */
export function onBridgeEnter(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const id = field(msg, 'BridgeUniqueid');
  if (id === undefined || id === '') return;
  const bridge = ensureBridge(model, id, msg, '', now, out);
  const ch = observe(model, msg, CS, now, out);
  if (ch === undefined) return;
  const swap = field(msg, 'SwapUniqueid');
  const swapped = swap === undefined ? undefined : model.channels.get(swap);
  if (swapped !== undefined) leave(model, id, swapped, now, out);
  enter(model, bridge, ch, now, out);
}

export function onBridgeLeave(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const id = field(msg, 'BridgeUniqueid');
  const ch = observe(model, msg, CS, now, out);
  if (id === undefined || ch === undefined) return;
  leave(model, id, ch, now, out);
}

/** BridgeMerge moves every leg of the From bridge into the To bridge. */
export function onBridgeMerge(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const toId = field(msg, 'ToBridgeUniqueid');
  const fromId = field(msg, 'FromBridgeUniqueid');
  if (toId === undefined || fromId === undefined || toId === fromId) return;
  const to = ensureBridge(model, toId, msg, 'To', now, out);
  const from = model.bridges.get(fromId);
  if (from === undefined) return;
  for (const uniqueid of [...from.channels]) {
    const ch = model.channels.get(uniqueid);
    if (ch !== undefined) enter(model, to, ch, now, out);
  }
}
