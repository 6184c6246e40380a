import type { AmiMessage } from '@amiable/ami';
import { openSegmentOf } from '../agent-segments.ts';
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
  consultEntered(model, ch, id, now, out);
}

/**
 * An agent's leg left its bridge while on hold (an Atxfer): a consultation may start.
 * Nothing says so in AMI except the order Hold, BridgeLeave, BridgeEnter elsewhere.
 */
function consultLeft(model: PbxModel, ch: Channel, bridgeId: string, now: EpochMs): void {
  if (ch.kind !== 'phone' || ch.heldSince === null) return;
  const call = model.calls.get(ch.linkedid);
  if (call === undefined || call.facts.consult !== null || openSegmentOf(call, ch.uniqueid) === undefined) return;
  call.facts.consult = { uniqueid: ch.uniqueid, extension: ch.extension, fromBridge: bridgeId, since: now, entered: false, target: null, targetUniqueid: null };
}

/** Entering another bridge starts the consultation; re-entering the customer's bridge ends it (aborted). */
function consultEntered(model: PbxModel, ch: Channel, bridgeId: string, now: EpochMs, out: DomainChange[]): void {
  const call = model.calls.get(ch.linkedid);
  const consult = call?.facts.consult;
  if (call === undefined || consult == null || consult.uniqueid !== ch.uniqueid) return;
  const base = { type: 'call-consult', pbx: model.pbx, at: now, linkedid: call.linkedid, extension: consult.extension, target: consult.target } as const;
  if (bridgeId === consult.fromBridge) {
    call.facts.consult = null;
    if (consult.entered) out.push({ ...base, phase: 'aborted' });
  } else if (!consult.entered) {
    consult.entered = true;
    out.push({ ...base, phase: 'started' });
  }
}

export function onBridgeLeave(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const id = field(msg, 'BridgeUniqueid');
  const ch = observe(model, msg, CS, now, out);
  if (id === undefined || ch === undefined) return;
  leave(model, id, ch, now, out);
  consultLeft(model, ch, id, now);
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
