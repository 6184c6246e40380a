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

export type HangupBy = 'caller' | 'agent' | 'system' | 'pbx-restart';

/**
 * The time one extension held the call: from its answer (or, for a transfer
 * target, from the transfer) until its leg left the call by a transfer or a
 * hangup. One call has one segment per agent that had it, in order.
 */
export interface AgentSegment {
  readonly extension: string;
  /** Uniqueid of the extension's leg. */
  readonly uniqueid: string;
  /** The queue that offered the call to this agent (null for direct calls and transfer targets). */
  readonly queue: string | null;
  /** When the caller joined that queue (for this agent's wait); null without a queue. */
  readonly queueJoinedAt: EpochMs | null;
  /** `owner`: the agent who originated the call (click-to-dial); `agent`: an agent who answered it. */
  readonly role: 'owner' | 'agent';
  readonly answeredAt: EpochMs;
  endedAt: EpochMs | null;
  /** How the agent left the call: handed it on, or hung up (or was hung up on). */
  end: 'transfer' | 'hangup' | null;
}

export type SpyMode = 'listen' | 'whisper' | 'barge';

/**
 * A supervisor leg attached to another call with ChanSpy. AMI's ChanSpyStart and
 * ChanSpyStop are the same for every mode: the mode comes from the options of the
 * Originate's `Data` (`w` whisper, `B` barge), echoed in its OriginateResponse.
 */
export interface SpyFacts {
  mode: SpyMode | null;
  /** The spied-on call and agent leg. */
  spiedLinkedid: string | null;
  spiedExtension: string | null;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
}

/** An attended transfer in progress: the agent's leg is held in a consult bridge. */
export interface ConsultState {
  /** The consulting agent's leg and extension. */
  readonly uniqueid: string;
  readonly extension: string | null;
  /** The bridge the agent left (the customer's): re-entering it aborts the consultation. */
  readonly fromBridge: string;
  readonly since: EpochMs;
  /** True once the leg sits in the consult bridge. */
  entered: boolean;
  /** The consulted extension and its leg, once it answered. */
  target: string | null;
  targetUniqueid: string | null;
}

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
  /** When the caller first joined a queue. */
  queueJoinedAt: EpochMs | null;
  /** The last join time per queue (a transferred call can join several). */
  queueJoins: Map<string, EpochMs>;
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
  /**
   * The extension that originated the call (an AMI Originate that rang its phone
   * first: click-to-dial). It owns the call from the first event to the last.
   */
  owner: string | null;
  segments: AgentSegment[];
  consult: ConsultState | null;
  /** Set when this call is a supervisor's ChanSpy leg, not a call of its own. */
  spy: SpyFacts | null;
  /** Legs answered in a consultation that did not become the call's (aborted): their hangup ends nothing. */
  consulted: Set<string>;
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
      queueJoins: new Map(),
      queueLeftAt: null,
      abandoned: false,
      leftQueueUnanswered: false,
      offers: [],
      agentsOffered: [],
      answeredAt: null,
      answeredBy: null,
      currentAgent: null,
      owner: null,
      segments: [],
      consult: null,
      consulted: new Set(),
      spy: null,
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
