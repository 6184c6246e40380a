import type { HangupBy, OfferResult, TransferType } from '../telephony/call.ts';
import type { PbxId } from '../telephony/types.ts';

/**
 * - `inbound-queue`: the call entered a queue.
 * - `inbound-direct`: an outside caller (trunk, or a Local channel whose number is not an extension) reached someone without a queue.
 * - `originate`: an AMI Originate rang an extension first and then dialled out (click-to-dial).
 * - `outbound`: an extension called an outside number.
 * - `internal`: an extension called an extension.
 */
export type CallDirection = 'inbound-queue' | 'inbound-direct' | 'originate' | 'outbound' | 'internal';

export type CallOutcome = 'answered' | 'abandoned' | 'no-answer' | 'busy' | 'rejected' | 'failed';

export interface RingAttempt {
  readonly extension: string | null;
  readonly queue: string | null;
  /** Epoch seconds. */
  readonly from: number;
  readonly to: number | null;
  readonly seconds: number;
  readonly result: OfferResult;
}

export interface TransferRecord {
  readonly type: TransferType;
  readonly from: string | null;
  readonly to: string | null;
  /** Epoch seconds. */
  readonly at: number;
}

/**
 * One agent's part of the call: from its answer (a transfer target: from the
 * transfer) until it handed the call on or the call ended. A call transferred
 * twice has three segments.
 */
export interface SegmentRecord {
  readonly extension: string;
  /** `owner`: the agent who originated the call (click-to-dial); `agent`: an agent who answered. */
  readonly role: 'owner' | 'agent';
  /** The queue that offered the call to this agent, if any. */
  readonly queue: string | null;
  /** Seconds the caller waited in that queue before this agent answered (null without a queue). */
  readonly waitSeconds: number | null;
  /** Epoch seconds. */
  readonly answeredAt: number;
  readonly endedAt: number;
  readonly talkSeconds: number;
  readonly end: 'transfer' | 'hangup';
}

/** A supervisor's ChanSpy leg: set on records of type `supervision`. */
export interface SupervisionRecord {
  readonly mode: 'listen' | 'whisper' | 'barge' | null;
  /** The supervised call and agent. */
  readonly callId: string | null;
  readonly agent: string | null;
  /** The supervisor's extension. */
  readonly supervisor: string | null;
  /** Epoch seconds: ChanSpyStart and ChanSpyStop. */
  readonly from: number | null;
  readonly to: number | null;
  readonly seconds: number;
}

/**
 * One record per call (per Linkedid group). `type: 'supervision'` marks a
 * supervisor's listen/whisper/barge leg: it is not a call of its own, so it is
 * answered when the spying started and never counts as a failed call. Times are epoch seconds; durations are seconds. */
export interface CallRecord {
  readonly type: 'call' | 'supervision';
  /** Supervision legs only. */
  readonly supervision: SupervisionRecord | null;
  readonly pbx: PbxId;
  readonly linkedid: string;
  readonly direction: CallDirection;
  /** First queue the call entered; null for calls that never queued. */
  readonly queue: string | null;
  readonly queues: readonly string[];
  readonly callerNumber: string | null;
  readonly callerName: string | null;
  /** The DID or exten the call was placed to. */
  readonly calledNumber: string | null;
  /** Filled in by the server from the customer directory. */
  readonly customer: null;
  readonly language: string | null;
  readonly agentsOffered: readonly string[];
  readonly answeredBy: string | null;
  /**
   * The extension the call is credited to: the originating agent of a click-to-dial,
   * otherwise the first agent who answered. `talkSeconds` is this agent's talk.
   */
  readonly agent: string | null;
  /** Extension that had the call at the end (differs from answeredBy after a transfer). */
  readonly finalAgent: string | null;
  readonly ringing: readonly RingAttempt[];
  /** Every agent's part of the call, in order. */
  readonly segments: readonly SegmentRecord[];
  /** The caller's wait until the first answer (or until the call ended unanswered). */
  readonly waitSeconds: number;
  readonly ringSeconds: number;
  /** The credited agent's talk (its segment), as queue_log counts it. */
  readonly talkSeconds: number;
  readonly holdSeconds: number;
  /** Null while the agent's wrap-up is still running. */
  readonly wrapupSeconds: number | null;
  readonly outcome: CallOutcome;
  readonly transferred: boolean;
  readonly transfers: readonly TransferRecord[];
  readonly hangupBy: HangupBy;
  readonly hangupCause: number | null;
  readonly hangupCauseText: string | null;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number;
}
