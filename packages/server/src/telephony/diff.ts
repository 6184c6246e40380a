import type { DomainChange } from './changes.ts';
import type { PbxModel } from './pbx-model.ts';
import type { EpochMs } from './types.ts';

/**
 * The changes that take a client from `old` to `next` after a resync. Every
 * change is marked `resync: true`. Order: things that appeared, then things
 * that changed, then things that went away (calls end after their legs).
 */
export function diffModels(old: PbxModel, next: PbxModel, at: EpochMs): DomainChange[] {
  const out: DomainChange[] = [];
  const pbx = next.pbx;
  const base = { pbx, at, resync: true } as const;

  for (const [id, b] of next.bridges) if (!old.bridges.has(id)) out.push({ ...base, type: 'bridge-created', bridgeId: id, bridgeType: b.bridgeType });
  for (const [linkedid] of next.calls) if (!old.calls.has(linkedid)) out.push({ ...base, type: 'call-started', linkedid });
  for (const [uniqueid, ch] of next.channels) {
    const ref = { uniqueid, linkedid: ch.linkedid, extension: ch.extension };
    const before = old.channels.get(uniqueid);
    if (before === undefined) {
      out.push({ ...base, ...ref, type: 'channel-created', name: ch.name, device: ch.device, kind: ch.kind, state: ch.state });
      if (ch.bridgeId !== null) out.push({ ...base, ...ref, type: 'bridge-entered', bridgeId: ch.bridgeId });
      continue;
    }
    if (before.state !== ch.state) out.push({ ...base, ...ref, type: 'channel-state', state: ch.state, stateDesc: ch.stateDesc });
    if (before.bridgeId !== ch.bridgeId) {
      if (before.bridgeId !== null) out.push({ ...base, ...ref, type: 'bridge-left', bridgeId: before.bridgeId });
      if (ch.bridgeId !== null) out.push({ ...base, ...ref, type: 'bridge-entered', bridgeId: ch.bridgeId });
    }
  }
  diffQueues(old, next, base, out);
  for (const [device, d] of next.devices) {
    if (old.devices.get(device)?.state === d.state) continue;
    const extension = device.startsWith('Queue:') ? null : next.directory.extensionOf(device);
    out.push({ ...base, type: 'device-state', device, state: d.state, extension });
  }
  for (const [exten, e] of next.extensions) {
    const before = old.extensions.get(exten);
    if (before !== undefined && before.status === e.status && before.hint === e.hint) continue;
    out.push({ ...base, type: 'extension-state', extension: exten, context: e.context, hint: e.hint, status: e.status, statusText: e.statusText });
  }
  for (const [uniqueid, ch] of old.channels) {
    if (next.channels.has(uniqueid)) continue;
    const ref = { uniqueid, linkedid: ch.linkedid, extension: ch.extension };
    if (ch.bridgeId !== null) out.push({ ...base, ...ref, type: 'bridge-left', bridgeId: ch.bridgeId });
    out.push({ ...base, ...ref, type: 'channel-hungup', name: ch.name, cause: null, causeText: null });
  }
  for (const [id, b] of old.bridges) if (!next.bridges.has(id)) out.push({ ...base, type: 'bridge-destroyed', bridgeId: id, bridgeType: b.bridgeType });
  for (const [linkedid, call] of old.calls) {
    if (next.calls.has(linkedid)) continue;
    call.facts.endedAt ??= at;
    out.push({ ...base, type: 'call-ended', linkedid, call });
  }
  return out;
}

type Base = { readonly pbx: string; readonly at: EpochMs; readonly resync: true };

function diffQueues(old: PbxModel, next: PbxModel, base: Base, out: DomainChange[]): void {
  const names = new Set([...old.queues.keys(), ...next.queues.keys()]);
  for (const name of names) {
    const before = old.queues.get(name);
    const after = next.queues.get(name);
    for (const [iface, m] of after?.members ?? []) {
      const prev = before?.members.get(iface);
      if (prev === undefined) out.push({ ...base, type: 'queue-member-added', member: { ...m }, cause: 'snapshot' });
      else if (prev.paused !== m.paused || prev.pausedReason !== m.pausedReason || prev.status !== m.status || prev.penalty !== m.penalty) {
        out.push({ ...base, type: 'queue-member-updated', member: { ...m }, cause: 'snapshot' });
      }
    }
    for (const [iface, m] of before?.members ?? []) {
      if (after?.members.has(iface) !== true) out.push({ ...base, type: 'queue-member-removed', member: { ...m }, cause: 'snapshot' });
    }
    for (const [uniqueid, c] of after?.callers ?? []) {
      if (before?.callers.has(uniqueid) === true) continue;
      out.push({ ...base, type: 'queue-caller-joined', queue: name, uniqueid, linkedid: c.linkedid, position: c.position, count: null, holdSeconds: null });
    }
    for (const [uniqueid, c] of before?.callers ?? []) {
      if (after?.callers.has(uniqueid) === true) continue;
      out.push({ ...base, type: 'queue-caller-left', queue: name, uniqueid, linkedid: c.linkedid, position: c.position, count: null, holdSeconds: null });
    }
  }
}
