import type { DeviceKind, EpochMs } from './types.ts';

/** How one offer to an extension (a ringing leg) ended. */
export type OfferResult = 'ringing' | 'answered' | 'no-answer' | 'busy' | 'rejected' | 'cancelled' | 'failed';

/** One leg that rang an extension for this call (queue offer, direct dial or transfer target). */
export interface AgentOffer {
  /** Uniqueid of the ringing leg. */
  readonly uniqueid: string;
  extension: string | null;
  interface: string | null;
  queue: string | null;
  /** True when app_queue offered it (AgentCalled). */
  viaQueue: boolean;
  readonly ringStartedAt: EpochMs;
  ringEndedAt: EpochMs | null;
  result: OfferResult;
}

export type TransferType = 'blind' | 'attended';

export interface TransferFact {
  readonly type: TransferType;
  /** Extension (or number) that transferred. */
  readonly from: string | null;
  /** Extension (or number) the call went to. */
  to: string | null;
  readonly at: EpochMs;
  readonly result: string;
}

export type HangupBy = 'caller' | 'agent' | 'system';

/**
 * Facts gathered while the call is live; the call-records builder turns them
 * into a record when the call ends. Only the reducer mutates them.
 */
export interface CallFacts {
  originUniqueid: string | null;
  originKind: DeviceKind | null;
  originExtension: string | null;
  /** For a Local origin: the exten in its name (`+15551234567` in `Local/+15551234567@trunk-sim`). */
  originLocalExten: string | null;
  /** The origin was created by an AMI Originate (DialBegin without a calling channel, or OriginateResponse). */
  originated: boolean;
  callerNumber: string | null;
  callerName: string | null;
  calledNumber: string | null;
  queues: string[];
  queueJoinedAt: EpochMs | null;
  queueLeftAt: EpochMs | null;
  abandoned: boolean;
  /** Left a queue without being answered and without hanging up (timeout, empty queue exit). */
  leftQueueUnanswered: boolean;
  offers: AgentOffer[];
  agentsOffered: string[];
  answeredAt: EpochMs | null;
  answeredBy: string | null;
  /** The extension that had the call last (changes on transfer). */
  currentAgent: string | null;
  sawExternalLeg: boolean;
  holdMs: number;
  openHolds: Map<string, EpochMs>;
  transfers: TransferFact[];
  /** Legs that handed the call on; their later hangup says nothing about who ended the call. */
  transferers: Set<string>;
  hangupBy: HangupBy | null;
  hangupAt: EpochMs | null;
  hangupUniqueid: string | null;
  hangupCause: number | null;
  hangupCauseText: string | null;
  agentCompleteReason: string | null;
  agentCompleteAt: EpochMs | null;
  customerLanguage: string | null;
  endedAt: EpochMs | null;
}

/** Legs grouped by Linkedid. Local halves share the Linkedid, so they never make extra calls. */
export interface Call {
  readonly linkedid: string;
  readonly startedAt: EpochMs;
  readonly channels: Set<string>;
  readonly facts: CallFacts;
}

export function newCall(linkedid: string, startedAt: EpochMs): Call {
  return {
    linkedid,
    startedAt,
    channels: new Set(),
    facts: {
      originUniqueid: null,
      originKind: null,
      originExtension: null,
      originLocalExten: null,
      originated: false,
      callerNumber: null,
      callerName: null,
      calledNumber: null,
      queues: [],
      queueJoinedAt: null,
      queueLeftAt: null,
      abandoned: false,
      leftQueueUnanswered: false,
      offers: [],
      agentsOffered: [],
      answeredAt: null,
      answeredBy: null,
      currentAgent: null,
      sawExternalLeg: false,
      holdMs: 0,
      openHolds: new Map(),
      transfers: [],
      transferers: new Set(),
      hangupBy: null,
      hangupAt: null,
      hangupUniqueid: null,
      hangupCause: null,
      hangupCauseText: null,
      agentCompleteReason: null,
      agentCompleteAt: null,
      customerLanguage: null,
      endedAt: null,
    },
  };
}
