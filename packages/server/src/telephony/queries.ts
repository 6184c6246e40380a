import type { Call } from './call.ts';
import type { PbxModel } from './pbx-model.ts';
import type { Channel, EpochMs, QueueMember } from './types.ts';

/** Legs of an extension's phone(s). */
export function channelsOfExtension(model: PbxModel, extension: string): Channel[] {
  const out: Channel[] = [];
  for (const ch of model.channels.values()) if (ch.extension === extension) out.push(ch);
  return out;
}

export function callOfChannel(model: PbxModel, uniqueid: string): Call | undefined {
  const ch = model.channels.get(uniqueid);
  return ch === undefined ? undefined : model.calls.get(ch.linkedid);
}

export interface Visibility {
  readonly extensions?: ReadonlySet<string> | readonly string[];
  readonly queues?: ReadonlySet<string> | readonly string[];
}

function asSet(v: ReadonlySet<string> | readonly string[] | undefined): ReadonlySet<string> {
  if (v === undefined) return new Set();
  return v instanceof Set ? v : new Set(v as readonly string[]);
}

/**
 * Calls a client with this scope may see: calls with a leg on one of the
 * extensions (or offered to one), and calls that went through one of the queues.
 */
export function callsVisibleTo(model: PbxModel, scope: Visibility): Call[] {
  const exts = asSet(scope.extensions);
  const queues = asSet(scope.queues);
  const out: Call[] = [];
  for (const call of model.calls.values()) {
    if (isVisible(model, call, exts, queues)) out.push(call);
  }
  return out;
}

function isVisible(model: PbxModel, call: Call, exts: ReadonlySet<string>, queues: ReadonlySet<string>): boolean {
  const f = call.facts;
  if (f.queues.some((q) => queues.has(q))) return true;
  if (exts.size === 0) return false;
  if (f.agentsOffered.some((e) => exts.has(e))) return true;
  for (const uniqueid of call.channels) {
    const ext = model.channels.get(uniqueid)?.extension;
    if (ext != null && exts.has(ext)) return true;
  }
  return false;
}

export type CallPhase = 'queued' | 'ringing' | 'talking' | 'held' | 'dialling';

/** A compact view of a live call, for snapshots and lists. */
export interface CallSummary {
  readonly linkedid: string;
  readonly phase: CallPhase;
  readonly callerNumber: string | null;
  readonly callerName: string | null;
  readonly queue: string | null;
  /** The extension that has the call, or the first one it rings. */
  readonly extension: string | null;
  readonly startedAt: EpochMs;
  readonly answeredAt: EpochMs | null;
}

export function summarizeCall(model: PbxModel, call: Call): CallSummary {
  const f = call.facts;
  let ringingExt: string | null = null;
  let held = false;
  for (const uniqueid of call.channels) {
    const ch = model.channels.get(uniqueid);
    if (ch === undefined) continue;
    if (ch.heldSince !== null) held = true;
    if (ringingExt === null && ch.extension !== null && ch.state === 5) ringingExt = ch.extension;
  }
  const queued = [...model.queues.values()].some((q) => [...q.callers.values()].some((c) => c.linkedid === call.linkedid));
  const phase: CallPhase =
    f.answeredAt !== null ? (held ? 'held' : 'talking') : ringingExt !== null ? 'ringing' : queued ? 'queued' : 'dialling';
  return {
    linkedid: call.linkedid,
    phase,
    callerNumber: f.callerNumber,
    callerName: f.callerName,
    queue: f.queues[0] ?? null,
    extension: f.currentAgent ?? ringingExt,
    startedAt: call.startedAt,
    answeredAt: f.answeredAt,
  };
}

export type MemberAvailability = 'available' | 'paused' | 'ringing' | 'in-use' | 'unavailable';

/** Member status codes (device states) → availability; a pause wins over everything but a call. */
export function memberAvailability(m: QueueMember): MemberAvailability {
  if (m.status === 2 || m.status === 3 || m.status === 8) return 'in-use';
  if (m.status === 6 || m.status === 7) return 'ringing';
  if (m.paused) return 'paused';
  if (m.status === 4 || m.status === 5) return 'unavailable';
  return 'available';
}

export interface QueueStats {
  readonly queue: string;
  readonly waiting: number;
  /** Seconds the longest-waiting caller has waited, 0 when nobody waits. */
  readonly longestWaitSeconds: number;
  readonly members: Readonly<Record<MemberAvailability, number>> & { readonly total: number };
}

export function queueStats(model: PbxModel, queue: string, now: EpochMs): QueueStats {
  const q = model.queues.get(queue);
  const members = { total: 0, available: 0, paused: 0, ringing: 0, 'in-use': 0, unavailable: 0 };
  let oldest = now;
  for (const c of q?.callers.values() ?? []) if (c.joinedAt < oldest) oldest = c.joinedAt;
  for (const m of q?.members.values() ?? []) {
    members.total++;
    members[memberAvailability(m)]++;
  }
  return { queue, waiting: q?.callers.size ?? 0, longestWaitSeconds: Math.max(0, Math.round(now - oldest) / 1000), members };
}
