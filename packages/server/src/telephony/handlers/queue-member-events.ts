import type { AmiMessage } from '@amiable/ami';
import type { DomainChange, QueueMemberChange } from '../changes.ts';
import { UNKNOWN_QUEUE_MEMBER } from '../errors.ts';
import type { PbxModel } from '../pbx-model.ts';
import { LIVE_MEMBER, mergeMember, readMember } from '../queue-member-block.ts';
import type { EpochMs } from '../types.ts';

const CAUSE: Record<string, QueueMemberChange['cause']> = {
  QueueMemberPause: 'pause',
  QueueMemberStatus: 'status',
  QueueMemberPenalty: 'penalty',
  QueueMemberRinginuse: 'ringinuse',
};

export function onQueueMemberAdded(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const member = readMember(msg, LIVE_MEMBER, model.directory, now);
  if (member === null) return;
  model.queue(member.queue).members.set(member.interface, member);
  out.push({ type: 'queue-member-added', pbx: model.pbx, at: now, member: { ...member }, cause: 'added' });
}

export function onQueueMemberRemoved(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const member = readMember(msg, LIVE_MEMBER, model.directory, now);
  if (member === null) return;
  const members = model.queues.get(member.queue)?.members;
  if (members === undefined || !members.delete(member.interface)) unknownMember(model, msg, member.queue, member.interface, now, out);
  out.push({ type: 'queue-member-removed', pbx: model.pbx, at: now, member, cause: 'removed' });
}

/** QueueMemberPause, QueueMemberStatus, QueueMemberPenalty, QueueMemberRinginuse. */
export function onQueueMemberUpdate(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const next = readMember(msg, LIVE_MEMBER, model.directory, now);
  if (next === null) return;
  const cause = CAUSE[msg.event ?? ''] ?? 'status';
  const members = model.queue(next.queue).members;
  const member = members.get(next.interface);
  if (member === undefined) {
    // Asterisk is the source of truth: take the member as reported, and flag the gap.
    unknownMember(model, msg, next.queue, next.interface, now, out);
    members.set(next.interface, next);
    out.push({ type: 'queue-member-added', pbx: model.pbx, at: now, member: { ...next }, cause: 'added' });
    return;
  }
  // A pause event always counts (same reason re-sent is still a user action); status floods are coalesced.
  if (!mergeMember(member, next) && cause !== 'pause') return;
  out.push({ type: 'queue-member-updated', pbx: model.pbx, at: now, member: { ...member }, cause });
}

function unknownMember(model: PbxModel, msg: AmiMessage, queue: string, iface: string, now: EpochMs, out: DomainChange[]): void {
  out.push({
    type: 'anomaly',
    pbx: model.pbx,
    at: now,
    code: UNKNOWN_QUEUE_MEMBER,
    message: `${msg.event ?? 'event'} for a queue member the model did not hold`,
    details: { queue, interface: iface, event: msg.event },
  });
}
