import type { AmiMessage } from '@amiable/ami';
import { endOffer, findOffer, markAnswered, openOffer } from '../call-facts.ts';
import type { AgentCallEvent, DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import { field, int, orNull, text } from '../fields.ts';
import type { PbxModel } from '../pbx-model.ts';
import { CS, DEST_CS } from '../snapshot-keys.ts';
import type { EpochMs } from '../types.ts';

export function onQueueCallerJoin(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  const queue = field(msg, 'Queue');
  if (ch === undefined || queue === undefined) return;
  const position = int(msg, 'Position') ?? 0;
  model.queue(queue).callers.set(ch.uniqueid, {
    queue,
    uniqueid: ch.uniqueid,
    linkedid: ch.linkedid,
    channel: ch.name,
    callerNum: ch.callerNum,
    callerName: ch.callerName,
    position,
    joinedAt: now,
  });
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) {
    const f = call.facts;
    if (!f.queues.includes(queue)) f.queues.push(queue);
    f.queueJoinedAt ??= now;
    f.queueJoins.set(queue, now);
  }
  const { pbx } = model;
  const count = int(msg, 'Count');
  out.push({ type: 'queue-caller-joined', pbx, at: now, queue, uniqueid: ch.uniqueid, linkedid: ch.linkedid, position, count, holdSeconds: null });
}

/** QueueCallerLeave comes at answer time (before AgentConnect) as well as after an abandon or a timeout. */
export function onQueueCallerLeave(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  const queue = field(msg, 'Queue');
  if (ch === undefined || queue === undefined) return;
  model.queues.get(queue)?.callers.delete(ch.uniqueid);
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) {
    const f = call.facts;
    // The first leave: the caller's wait is over at the first answer; a later queue (after a transfer) is a segment's wait.
    f.queueLeftAt ??= now;
    if (f.answeredAt === null && !f.abandoned) f.leftQueueUnanswered = true;
  }
  const { pbx } = model;
  const position = int(msg, 'Position');
  const count = int(msg, 'Count');
  out.push({ type: 'queue-caller-left', pbx, at: now, queue, uniqueid: ch.uniqueid, linkedid: ch.linkedid, position, count, holdSeconds: null });
}

export function onQueueCallerAbandon(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const ch = observe(model, msg, CS, now, out);
  const queue = field(msg, 'Queue');
  if (ch === undefined || queue === undefined) return;
  const call = model.calls.get(ch.linkedid);
  if (call !== undefined) call.facts.abandoned = true;
  const { pbx } = model;
  const position = int(msg, 'Position');
  const holdSeconds = int(msg, 'HoldTime');
  out.push({ type: 'queue-caller-abandoned', pbx, at: now, queue, uniqueid: ch.uniqueid, linkedid: ch.linkedid, position, count: null, holdSeconds });
}

const AGENT_TYPES: Record<string, AgentCallEvent['type']> = {
  AgentCalled: 'agent-called',
  AgentRingNoAnswer: 'agent-ring-no-answer',
  AgentConnect: 'agent-connected',
  AgentComplete: 'agent-completed',
  AgentDump: 'agent-dumped',
};

/**
 * Agent* events: the plain block is the caller, `Dest*` is the member's leg.
 * Units differ: AgentRingNoAnswer RingTime is in ms, AgentConnect RingTime in s.
 */
export function onAgentEvent(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const type = AGENT_TYPES[msg.event ?? ''];
  const caller = observe(model, msg, CS, now, out);
  if (type === undefined || caller === undefined) return;
  const leg = observe(model, msg, DEST_CS, now, out);
  const queue = text(msg, 'Queue');
  const iface = text(msg, 'Interface');
  const extension = leg?.extension ?? model.directory.extensionOf(iface);
  const call = model.calls.get(caller.linkedid);
  let reason: string | null = null;
  if (call !== undefined) {
    const f = call.facts;
    if (type === 'agent-called' && leg !== undefined) {
      const offer = openOffer(call, leg, now);
      offer.viaQueue = true;
      offer.queue = queue;
      offer.interface = iface;
      offer.extension ??= extension;
      if (extension !== null && !f.agentsOffered.includes(extension)) f.agentsOffered.push(extension);
    } else if (type === 'agent-ring-no-answer' && leg !== undefined) {
      const offer = findOffer(call, leg.uniqueid);
      if (offer !== undefined) endOffer(offer, 'no-answer', now);
    } else if (type === 'agent-connected') {
      markAnswered(model, call, leg, extension, queue, now, out);
    } else if (type === 'agent-completed') {
      reason = orNull(field(msg, 'Reason'));
      f.agentCompleteReason = reason;
      f.agentCompleteAt = now;
    }
  }
  out.push({
    type,
    pbx: model.pbx,
    at: now,
    queue,
    interface: iface,
    extension,
    linkedid: caller.linkedid,
    callerUniqueid: caller.uniqueid,
    agentUniqueid: leg?.uniqueid ?? null,
    reason,
  });
}
