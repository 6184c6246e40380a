import type {
  ChannelRecord,
  DeviceStateRecord,
  ExtensionStateRecord,
  QueueEntryRecord,
  QueueMemberRecord,
  QueueRecord,
} from './model.ts';
import type { Pairs } from './wire.ts';

/**
 * List items rendered in the field order Asterisk 22 writes them (see the
 * reconnect-resync transcript). The ActionID is placed by the caller: first
 * (after Event) or last, as each item type has it on the wire.
 */

export type ActionIdPlace = 'first' | 'last';

export function placeActionId(pairs: Pairs, place: ActionIdPlace, actionId: string | undefined): Pairs {
  if (actionId === undefined) return pairs;
  if (place === 'last') return [...pairs, ['ActionID', actionId]];
  return [pairs[0]!, ['ActionID', actionId], ...pairs.slice(1)];
}

function snapshot(c: ChannelRecord): Pairs {
  return [
    ['Channel', c.channel],
    ['ChannelState', c.channelState],
    ['ChannelStateDesc', c.channelStateDesc],
    ['CallerIDNum', c.callerIdNum],
    ['CallerIDName', c.callerIdName],
    ['ConnectedLineNum', c.connectedLineNum],
    ['ConnectedLineName', c.connectedLineName],
    ['Language', c.language],
    ['AccountCode', c.accountCode],
    ['Context', c.context],
    ['Exten', c.exten],
    ['Priority', c.priority],
    ['Uniqueid', c.uniqueid],
    ['Linkedid', c.linkedid],
  ];
}

const seconds = (now: number, since: number) => Math.max(0, Math.floor((now - since) / 1000));

function hms(total: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(total / 3600))}:${p(Math.floor(total / 60) % 60)}:${p(total % 60)}`;
}

export function coreShowChannelItem(c: ChannelRecord, now: number): Pairs {
  return [
    ['Event', 'CoreShowChannel'],
    ...snapshot(c),
    ['Application', c.application],
    ['ApplicationData', c.applicationData],
    ['Duration', hms(seconds(now, c.createdAt))],
    ['BridgeId', c.bridgeId],
  ];
}

export function statusItem(c: ChannelRecord, now: number): Pairs {
  const slash = c.channel.indexOf('/');
  return [
    ['Event', 'Status'],
    ['Privilege', 'Call'],
    ...snapshot(c),
    ['Type', slash > 0 ? c.channel.slice(0, slash) : ''],
    ['DNID', ''],
    ['EffectiveConnectedLineNum', c.connectedLineNum],
    ['EffectiveConnectedLineName', c.connectedLineName],
    ['TimeToHangup', '0'],
    ['BridgeID', c.bridgeId],
    ['Application', c.application],
    ['Data', c.applicationData],
    ['Seconds', String(seconds(now, c.createdAt))],
  ];
}

export function queueParamsItem(q: QueueRecord): Pairs {
  return [
    ['Event', 'QueueParams'],
    ['Queue', q.queue],
    ['Max', q.max],
    ['Strategy', q.strategy],
    ['Calls', String(q.entries.length)],
    ['Holdtime', q.holdtime],
    ['TalkTime', q.talktime],
    ['Completed', q.completed],
    ['Abandoned', q.abandoned],
    ['ServiceLevel', q.serviceLevel],
    ['ServicelevelPerf', q.serviceLevelPerf],
    ['ServicelevelPerf2', q.serviceLevelPerf2],
    ['Weight', q.weight],
  ];
}

export function queueMemberItem(queue: string, m: QueueMemberRecord): Pairs {
  return [
    ['Event', 'QueueMember'],
    ['Queue', queue],
    ['Name', m.name],
    ['Location', m.location],
    ['StateInterface', m.stateInterface],
    ['Membership', m.membership],
    ['Penalty', m.penalty],
    ['CallsTaken', m.callsTaken],
    ['LastCall', m.lastCall],
    ['LastPause', m.lastPause],
    ['LoginTime', m.loginTime],
    ['InCall', m.inCall],
    ['Status', m.status],
    ['Paused', m.paused],
    ['PausedReason', m.pausedReason],
    ['Wrapuptime', m.wrapuptime],
  ];
}

export function queueEntryItem(queue: string, e: QueueEntryRecord, now: number): Pairs {
  return [
    ['Event', 'QueueEntry'],
    ['Queue', queue],
    ['Position', String(e.position)],
    ['Channel', e.channel],
    ['Uniqueid', e.uniqueid],
    ['CallerIDNum', e.callerIdNum],
    ['CallerIDName', e.callerIdName],
    ['ConnectedLineNum', e.connectedLineNum],
    ['ConnectedLineName', e.connectedLineName],
    ['Wait', String(seconds(now, e.joinedAt))],
    ['Priority', e.priority],
  ];
}

/** app_queue counts members that are not UNAVAILABLE (5) or INVALID (4); available = free or unknown, not paused. */
export function queueSummaryItem(q: QueueRecord, now: number): Pairs {
  let loggedIn = 0;
  let available = 0;
  for (const m of q.members) {
    if (m.status === '4' || m.status === '5') continue;
    loggedIn++;
    if ((m.status === '1' || m.status === '0') && m.paused !== '1') available++;
  }
  let longest = 0;
  for (const e of q.entries) longest = Math.max(longest, seconds(now, e.joinedAt));
  return [
    ['Event', 'QueueSummary'],
    ['Queue', q.queue],
    ['LoggedIn', String(loggedIn)],
    ['Available', String(available)],
    ['Callers', String(q.entries.length)],
    ['HoldTime', q.holdtime],
    ['TalkTime', q.talktime],
    ['LongestHoldTime', String(longest)],
  ];
}

export function deviceStateItem(d: DeviceStateRecord): Pairs {
  return [
    ['Event', 'DeviceStateChange'],
    ['Device', d.device],
    ['State', d.state],
  ];
}

export function extensionStatusItem(e: ExtensionStateRecord): Pairs {
  return [
    ['Event', 'ExtensionStatus'],
    ['Exten', e.exten],
    ['Context', e.context],
    ['Hint', e.hint],
    ['Status', e.status],
    ['StatusText', e.statusText],
  ];
}
