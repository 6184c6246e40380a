import type { CallFacts } from './call.ts';
import type { DomainChange } from './changes.ts';
import { diffModels } from './diff.ts';
import type { PbxModel } from './pbx-model.ts';
import { buildSnapshotModel, type SnapshotLists } from './snapshot.ts';
import type { EpochMs } from './types.ts';

export interface ResyncResult {
  /** The model to swap in. */
  readonly model: PbxModel;
  /** What clients need to move from the old state to the new one. */
  readonly changes: DomainChange[];
}

/**
 * Step 3 of the resync order: build a model from the snapshot lists, keep
 * what the old model knew better (call facts, leg times) for calls and legs
 * that survived, and diff. The caller swaps `model` in atomically and then
 * applies the live events it held back during the resync. With `restarted`
 * (Asterisk booted again since the old model), calls gone from the snapshot
 * end with `hangupBy: 'pbx-restart'`.
 */
export function resyncModel(old: PbxModel, lists: SnapshotLists, at: EpochMs, options: { readonly restarted?: boolean } = {}): ResyncResult {
  const next = buildSnapshotModel(old.pbx, lists, { at, directory: old.directory });
  for (const [uniqueid, ch] of next.channels) {
    const before = old.channels.get(uniqueid);
    if (before === undefined) continue;
    ch.createdAt = before.createdAt;
    ch.answeredAt = before.answeredAt ?? ch.answeredAt;
    ch.heldSince = before.heldSince;
  }
  for (const [linkedid, call] of next.calls) {
    const before = old.calls.get(linkedid);
    if (before === undefined) continue;
    mergeFacts(call.facts, before.facts);
    next.calls.set(linkedid, { ...call, startedAt: before.startedAt });
  }
  for (const q of next.queues.values()) {
    const before = old.queues.get(q.name);
    for (const [uniqueid, c] of q.callers) {
      const prev = before?.callers.get(uniqueid);
      if (prev !== undefined) q.callers.set(uniqueid, { ...c, joinedAt: prev.joinedAt });
    }
  }
  const changes = diffModels(old, next, at);
  if (options.restarted === true) markCutByRestart(changes);
  return { model: next, changes };
}

/** Calls that were up before Asterisk restarted and are gone from its snapshot were cut by the restart. */
function markCutByRestart(changes: readonly DomainChange[]): void {
  for (const c of changes) if (c.type === 'call-ended') c.call.facts.hangupBy = 'pbx-restart';
}

/** The live facts win; what happened during the outage (an answer, another queue) is added from the snapshot. */
function mergeFacts(snap: CallFacts, live: CallFacts): void {
  const queues = [...live.queues, ...snap.queues.filter((q) => !live.queues.includes(q))];
  const offered = [...live.agentsOffered, ...snap.agentsOffered.filter((a) => !live.agentsOffered.includes(a))];
  const answer = live.answeredAt === null && snap.answeredAt !== null ? { answeredAt: snap.answeredAt, answeredBy: snap.answeredBy } : null;
  const currentAgent = snap.currentAgent ?? live.currentAgent;
  Object.assign(snap, live, { queues, agentsOffered: offered, currentAgent }, answer ?? {});
}
