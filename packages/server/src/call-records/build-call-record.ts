import type { AgentOffer, AgentSegment, Call, CallFacts } from '../telephony/call.ts';
import type { DeviceDirectory } from '../telephony/device-directory.ts';
import type { PbxId } from '../telephony/types.ts';
import type { CallRecord, RingAttempt, SegmentRecord } from './call-record.ts';
import { directionOf, hangupByOf, languageOf, outcomeOf } from './classify.ts';
import { epochSeconds, seconds } from './time.ts';

export interface BuildCallRecordDeps {
  readonly pbx: PbxId;
  readonly directory: DeviceDirectory;
}

/**
 * Turn a finished call's facts into its record. Pure. `wrapupSeconds` is left
 * to the collector, which knows about the agent's wrap-up.
 *
 * - waitSeconds: queue join → leave (answer or abandon); without a queue, start → answer (or end).
 * - ringSeconds: time during which at least one leg was ringing for the call.
 * - talkSeconds: answer → the hangup that ended the conversation (hold and transfer included).
 * - holdSeconds: time legs of the call spent on hold (Hold/Unhold, not MOH).
 */
export function buildCallRecord(deps: BuildCallRecordDeps, call: Call, wrapupSeconds: number | null): CallRecord {
  const f = call.facts;
  const endedAt = f.endedAt ?? call.startedAt;
  const hangupBy = hangupByOf(f);
  const end = talkEnd(f, endedAt);
  const segments = f.segments.map((s) => segmentRecord(s, end, endedAt));
  const spy = f.spy;
  const supervision =
    spy === null
      ? null
      : {
          mode: spy.mode,
          callId: spy.spiedLinkedid,
          agent: spy.spiedExtension,
          supervisor: f.originExtension,
          from: spy.startedAt === null ? null : epochSeconds(spy.startedAt),
          to: spy.startedAt === null ? null : epochSeconds(spy.endedAt ?? endedAt),
          seconds: spy.startedAt === null ? 0 : seconds(spy.startedAt, spy.endedAt ?? endedAt),
        };
  const spied = spy?.startedAt != null;
  return {
    type: spy === null ? 'call' : 'supervision',
    supervision,
    pbx: deps.pbx,
    linkedid: call.linkedid,
    direction: directionOf(f, deps.directory),
    queue: f.queues[0] ?? null,
    queues: [...f.queues],
    callerNumber: f.callerNumber,
    callerName: f.callerName,
    calledNumber: f.calledNumber,
    customer: null,
    language: languageOf(f),
    agentsOffered: [...f.agentsOffered],
    answeredBy: f.answeredBy,
    finalAgent: f.currentAgent,
    agent: segments[0]?.extension ?? f.answeredBy,
    ringing: f.offers.map((o) => ringAttempt(o, endedAt)),
    segments,
    waitSeconds: waitSeconds(f, call.startedAt, endedAt),
    ringSeconds: ringSeconds(f.offers, endedAt),
    talkSeconds: segments[0]?.talkSeconds ?? (f.answeredAt === null ? 0 : seconds(f.answeredAt, talkEnd(f, endedAt))),
    holdSeconds: Math.round(f.holdMs) / 1000,
    wrapupSeconds,
    // A supervisor leg that reached the call is answered (the CDR says ANSWERED).
    outcome: spied ? 'answered' : outcomeOf(f, hangupBy),
    transferred: f.transfers.some((t) => t.result === 'Success'),
    transfers: f.transfers.filter((t) => t.result === 'Success').map((t) => ({ type: t.type, from: t.from, to: t.to, at: epochSeconds(t.at) })),
    hangupBy,
    hangupCause: f.hangupCause,
    hangupCauseText: f.hangupCauseText,
    startedAt: epochSeconds(call.startedAt),
    answeredAt: f.answeredAt !== null ? epochSeconds(f.answeredAt) : spied ? supervision!.from : null,
    endedAt: epochSeconds(endedAt),
  };
}

function ringAttempt(o: AgentOffer, endedAt: number): RingAttempt {
  const to = o.ringEndedAt ?? endedAt;
  return {
    extension: o.extension,
    queue: o.queue,
    from: epochSeconds(o.ringStartedAt),
    to: epochSeconds(to),
    seconds: seconds(o.ringStartedAt, to),
    result: o.result,
  };
}

/**
 * A segment ended by a transfer ends at the transfer. The last ones end when the
 * conversation did (the first hangup request), not at their own leg's teardown.
 */
function segmentRecord(s: AgentSegment, talkEndAt: number, endedAt: number): SegmentRecord {
  let to = s.endedAt ?? endedAt;
  if (s.end !== 'transfer' && talkEndAt >= s.answeredAt && talkEndAt < to) to = talkEndAt;
  return {
    extension: s.extension,
    role: s.role,
    queue: s.queue,
    waitSeconds: s.queueJoinedAt === null ? null : seconds(s.queueJoinedAt, s.answeredAt),
    answeredAt: epochSeconds(s.answeredAt),
    endedAt: epochSeconds(to),
    talkSeconds: seconds(s.answeredAt, to),
    end: s.end ?? 'hangup',
  };
}

/** The caller's wait ends at the first answer; waits in later queues (after a transfer) are the segments'. */
function waitSeconds(f: CallFacts, startedAt: number, endedAt: number): number {
  if (f.queueJoinedAt !== null) return seconds(f.queueJoinedAt, f.queueLeftAt ?? f.answeredAt ?? endedAt);
  return seconds(startedAt, f.answeredAt ?? f.hangupAt ?? endedAt);
}

/** Length of the union of the ring intervals. */
function ringSeconds(offers: readonly AgentOffer[], endedAt: number): number {
  const spans = offers.map((o) => [o.ringStartedAt, o.ringEndedAt ?? endedAt] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curFrom = -1;
  let curTo = -1;
  for (const [from, to] of spans) {
    if (from > curTo) {
      total += curTo - curFrom;
      curFrom = from;
      curTo = to;
    } else if (to > curTo) {
      curTo = to;
    }
  }
  total += curTo - curFrom;
  return Math.round(total) / 1000;
}

function talkEnd(f: CallFacts, endedAt: number): number {
  if (f.hangupAt !== null && f.answeredAt !== null && f.hangupAt >= f.answeredAt) return f.hangupAt;
  const byParty = f.agentCompleteReason === 'caller' || f.agentCompleteReason === 'agent';
  return byParty && f.agentCompleteAt !== null ? f.agentCompleteAt : endedAt;
}
