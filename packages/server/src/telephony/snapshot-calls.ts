import type { Call } from './call.ts';
import type { PbxModel } from './pbx-model.ts';
import { type ListedChannel, queueOfApplication } from './snapshot-items.ts';
import type { EpochMs } from './types.ts';

/**
 * Reconstruct what can be known about calls seen only in a snapshot:
 * - queue: a QueueEntry for one of its legs, or a leg running `Queue(name,…)`;
 * - waiting since: the QueueEntry's Wait;
 * - ringing agents: phone legs in state Ringing (queue offers when they run AppQueue);
 * - answered: a phone leg that is up and bridged; the answer time is unknown and set to the snapshot time.
 */
export function inferCallFacts(model: PbxModel, listed: ReadonlyMap<string, ListedChannel>, at: EpochMs): void {
  const waiting = new Map<string, { queue: string; joinedAt: EpochMs }>();
  for (const q of model.queues.values()) {
    for (const c of q.callers.values()) waiting.set(c.linkedid, { queue: q.name, joinedAt: c.joinedAt });
  }
  for (const call of model.calls.values()) {
    const entry = waiting.get(call.linkedid);
    if (entry !== undefined) {
      call.facts.queues.push(entry.queue);
      call.facts.queueJoinedAt = entry.joinedAt;
    }
    for (const uniqueid of call.channels) inferLeg(model, call, listed.get(uniqueid), at);
  }
}

function inferLeg(model: PbxModel, call: Call, item: ListedChannel | undefined, at: EpochMs): void {
  if (item === undefined) return;
  const f = call.facts;
  const ch = item.channel;
  const queue = queueOfApplication(item.application, item.applicationData);
  if (queue !== null && !f.queues.includes(queue)) f.queues.push(queue);
  if (ch.kind !== 'phone') return;
  const viaQueue = item.application === 'AppQueue';
  if (viaQueue && ch.extension !== null && !f.agentsOffered.includes(ch.extension)) f.agentsOffered.push(ch.extension);
  if (ch.state === 5) {
    f.offers.push({
      uniqueid: ch.uniqueid,
      extension: ch.extension,
      interface: ch.device,
      queue: viaQueue ? (f.queues[0] ?? null) : null,
      viaQueue,
      ringStartedAt: ch.createdAt,
      ringEndedAt: null,
      result: 'ringing',
    });
  } else if (ch.state === 6 && ch.bridgeId !== null && model.bridges.get(ch.bridgeId)?.channels.size !== 1) {
    if (f.answeredAt === null) {
      f.answeredAt = at;
      f.answeredBy = ch.extension;
    }
    f.currentAgent = ch.extension;
  }
}
