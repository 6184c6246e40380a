import type { Channel } from '../model/channel.ts';
import { type Queue, type QueueMember, serviceLevelPerf } from '../model/queue.ts';
import { customerLang } from './dialplan.ts';
import type { CdrRecord } from './noise.ts';

type Pairs = Array<[string, string]>;

export const secs = (ms: number): number => Math.max(0, Math.floor(ms / 1000));

/** QUEUENAME … QUEUESRVLEVELPERF, as Queue() sets them on its channels. */
export function queueVars(q: Queue): Pairs {
  return [
    ['QUEUENAME', q.config.name],
    ['QUEUEMAX', String(q.config.maxlen)],
    ['QUEUESTRATEGY', q.config.strategy],
    ['QUEUECALLS', String(q.entries.length)],
    ['QUEUEHOLDTIME', String(Math.round(q.holdtime))],
    ['QUEUETALKTIME', String(Math.round(q.talktime))],
    ['QUEUECOMPLETED', String(q.completed)],
    ['QUEUEABANDONED', String(q.abandoned)],
    ['QUEUESRVLEVEL', String(q.config.servicelevel)],
    ['QUEUESRVLEVELPERF', serviceLevelPerf(q)],
  ];
}

/** MEMBER* variables (setinterfacevar=yes), set on both legs when a member answers. */
export function memberVars(m: QueueMember): Pairs {
  return [
    ['MEMBERINTERFACE', m.iface],
    ['MEMBERNAME', m.name],
    ['MEMBERCALLS', String(m.callsTaken)],
    ['MEMBERLASTCALL', String(m.lastCall)],
    ['MEMBERPENALTY', String(m.penalty)],
    ['MEMBERDYNAMIC', '1'],
    ['MEMBERREALTIME', '0'],
  ];
}

/** What Queue() leaves on a caller that hung up before anyone answered. */
export function abandonVars(waitMs: number): Pairs {
  return [
    ['QUEUEWAIT', String(secs(waitMs))],
    ['QUEUEWAIT_MS', String(waitMs)],
    ['DIALEDTIME', String(secs(waitMs))],
    ['DIALEDTIME_MS', String(waitMs)],
    ['ANSWEREDTIME', '0'],
    ['ANSWEREDTIME_MS', '0'],
    ['ABANDONED', 'TRUE'],
  ];
}

/** Rolling averages as app_queue keeps them: (old * 3 + new) / 4, seeded by the first value. */
export function rolling(old: number, value: number): number {
  return old === 0 ? value : (old * 3 + value) / 4;
}

/** Settle a completed call in the queue and member statistics; returns the member's wrap-up in ms. */
export function settleCompleted(q: Queue, m: QueueMember, holdSec: number, talkSec: number, now: number): number {
  q.completed++;
  if (holdSec <= q.config.servicelevel) q.completedInSl++;
  q.talktime = rolling(q.talktime, talkSec);
  m.inCall = false;
  m.callsTaken++;
  m.lastCall = Math.floor(now / 1000);
  if (m.wrapuptime <= 0) return 0;
  m.wrapupUntil = now + m.wrapuptime * 1000;
  return m.wrapuptime * 1000;
}

/** The caller's CDR record for one dialled member. */
export function queueRecord(q: Queue, caller: Channel, leg: Channel, disposition: CdrRecord['disposition'], answeredAt?: number): CdrRecord {
  return {
    destinationChannel: leg,
    disposition,
    answeredAt,
    lastApplication: 'Queue',
    lastData: `${q.config.name},tT,,,300`,
    destination: q.config.name,
    destinationContext: 'queue-entry',
    userField: `lang=${customerLang(caller)}`,
  };
}
