import type { AmiMessage } from '@amiable/ami';
import type { DeviceDirectory } from './device-directory.ts';
import { field, int, orNull, text } from './fields.ts';
import type { EpochMs, QueueMember } from './types.ts';

/**
 * Header names of a member block. Live QueueMember* events say
 * MemberName/Interface; QueueStatus's QueueMember items say Name/Location.
 */
export interface MemberKeys {
  readonly name: string;
  readonly iface: string;
}
export const LIVE_MEMBER: MemberKeys = { name: 'MemberName', iface: 'Interface' };
export const LISTED_MEMBER: MemberKeys = { name: 'Name', iface: 'Location' };

function flag(v: string | undefined): boolean | null {
  if (v === undefined || v === '') return null;
  return v === '1' || v.toLowerCase() === 'true' || v.toLowerCase() === 'yes';
}

/** Read a member block into a fresh QueueMember. Returns null without Queue or Interface. */
export function readMember(msg: AmiMessage, keys: MemberKeys, directory: DeviceDirectory, now: EpochMs): QueueMember | null {
  const queue = field(msg, 'Queue');
  const iface = field(msg, keys.iface);
  if (queue === undefined || iface === undefined || queue === '' || iface === '') return null;
  const stateInterface = field(msg, 'StateInterface') || iface;
  const extension = directory.extensionOf(stateInterface) ?? directory.extensionOf(iface);
  return {
    queue,
    interface: iface,
    name: field(msg, keys.name) || iface,
    stateInterface,
    extension,
    membership: text(msg, 'Membership'),
    penalty: int(msg, 'Penalty') ?? 0,
    callsTaken: int(msg, 'CallsTaken') ?? 0,
    lastCall: int(msg, 'LastCall') ?? 0,
    lastPause: int(msg, 'LastPause') ?? 0,
    loginTime: int(msg, 'LoginTime'),
    inCall: flag(field(msg, 'InCall')) ?? false,
    status: int(msg, 'Status') ?? 0,
    paused: flag(field(msg, 'Paused')) ?? false,
    pausedReason: orNull(field(msg, 'PausedReason')),
    ringinuse: flag(field(msg, 'Ringinuse')),
    wrapuptime: int(msg, 'Wrapuptime'),
    since: now,
  };
}

/** Copy `next` onto `member`; returns whether anything a client sees moved. */
export function mergeMember(member: QueueMember, next: QueueMember): boolean {
  const changed =
    member.status !== next.status ||
    member.paused !== next.paused ||
    member.pausedReason !== next.pausedReason ||
    member.inCall !== next.inCall ||
    member.penalty !== next.penalty ||
    member.callsTaken !== next.callsTaken ||
    member.ringinuse !== next.ringinuse ||
    member.name !== next.name;
  const since = changed ? next.since : member.since;
  Object.assign(member, next);
  member.since = since;
  return changed;
}
