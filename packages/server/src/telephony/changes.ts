import type { Call, HangupBy, SpyMode, TransferType } from './call.ts';
import type { DeviceKind, EpochMs, PbxId, QueueMember } from './types.ts';

/**
 * What the reducer reports after applying one AMI event. Every change carries
 * the PBX it belongs to and the clock value it was applied at. Payloads are
 * copies of primitive values, except `call` on `call-ended` (the finished
 * call, which the model no longer holds) and `member` (a copy).
 */
interface Base {
  readonly pbx: PbxId;
  readonly at: EpochMs;
  /** Set on changes produced by diffing a resync snapshot against the old model. */
  readonly resync?: true;
}

interface ChannelRef {
  readonly uniqueid: string;
  readonly linkedid: string;
  readonly extension: string | null;
}

export interface ChannelCreated extends Base, ChannelRef {
  readonly type: 'channel-created';
  readonly name: string;
  readonly device: string;
  readonly kind: DeviceKind;
  readonly state: number;
}
export interface ChannelStateChanged extends Base, ChannelRef {
  readonly type: 'channel-state';
  readonly state: number;
  readonly stateDesc: string;
}
export interface ChannelCallerId extends Base, ChannelRef {
  readonly type: 'channel-caller-id';
  readonly callerNum: string | null;
  readonly callerName: string | null;
  readonly connectedNum: string | null;
  readonly connectedName: string | null;
}
export interface ChannelHungup extends Base, ChannelRef {
  readonly type: 'channel-hungup';
  readonly name: string;
  readonly cause: number | null;
  readonly causeText: string | null;
}
export interface ChannelHold extends Base, ChannelRef {
  readonly type: 'channel-hold';
  readonly held: boolean;
}
export interface BridgeLifecycle extends Base {
  readonly type: 'bridge-created' | 'bridge-destroyed';
  readonly bridgeId: string;
  readonly bridgeType: string;
}
export interface BridgeMembership extends Base, ChannelRef {
  readonly type: 'bridge-entered' | 'bridge-left';
  readonly bridgeId: string;
}
export interface CallStarted extends Base {
  readonly type: 'call-started';
  readonly linkedid: string;
}
export interface CallAnswered extends Base {
  readonly type: 'call-answered';
  readonly linkedid: string;
  readonly extension: string | null;
}
export interface CallEnded extends Base {
  readonly type: 'call-ended';
  readonly linkedid: string;
  readonly call: Call;
}
export interface CallMerged extends Base {
  readonly type: 'call-merged';
  readonly linkedid: string;
  readonly into: string;
}
export interface CallTransferred extends Base {
  readonly type: 'call-transferred';
  readonly linkedid: string;
  readonly transferType: TransferType;
  readonly from: string | null;
  readonly to: string | null;
  readonly result: string;
}
/** An attended transfer's consultation, seen from the consulting agent. */
export interface CallConsult extends Base {
  readonly type: 'call-consult';
  readonly linkedid: string;
  /** The consulting agent. */
  readonly extension: string | null;
  /**
   * started: the agent's leg left the customer's bridge on hold for a consult bridge;
   * answered: the consulted party answered; aborted: the agent is back in the customer's
   * bridge; completed: the transfer went through (AttendedTransfer).
   */
  readonly phase: 'started' | 'answered' | 'aborted' | 'completed';
  /** The consulted extension, once known. */
  readonly target: string | null;
}
/**
 * A supervisor's ChanSpy session on a call (ChanSpyStart / ChanSpyStop). AMI's events are the
 * same for every mode: `mode` is what the supervisor leg's Originate asked for (`Data` options),
 * null when the spy was started by something else.
 */
export interface CallSpy extends Base {
  readonly type: 'call-spy';
  readonly phase: 'started' | 'stopped';
  /** The spied-on call (the agent leg's Linkedid) and the agent leg's extension. */
  readonly linkedid: string;
  readonly extension: string | null;
  /** The supervisor's leg: a call of its own (its own Linkedid). */
  readonly spyerUniqueid: string;
  readonly spyerExtension: string | null;
  readonly mode: SpyMode | null;
}
export interface CallHangupBy extends Base {
  readonly type: 'call-hangup-by';
  readonly linkedid: string;
  readonly by: HangupBy;
}
export interface DialChange extends Base {
  readonly type: 'dial-begin' | 'dial-end';
  readonly linkedid: string;
  readonly sourceUniqueid: string | null;
  readonly destUniqueid: string;
  readonly destExtension: string | null;
  /** DialEnd only: ANSWER, NOANSWER, CANCEL, BUSY, ... */
  readonly status: string | null;
}
export interface DeviceStateChanged extends Base {
  readonly type: 'device-state';
  readonly device: string;
  readonly state: string;
  readonly extension: string | null;
}
export interface ExtensionStateChanged extends Base {
  readonly type: 'extension-state';
  readonly extension: string;
  readonly context: string;
  readonly hint: string;
  readonly status: number;
  readonly statusText: string;
}
export interface QueueCallerChange extends Base {
  readonly type: 'queue-caller-joined' | 'queue-caller-left' | 'queue-caller-abandoned';
  readonly queue: string;
  readonly uniqueid: string;
  readonly linkedid: string;
  readonly position: number | null;
  readonly count: number | null;
  /** Abandon only: seconds waited (HoldTime). */
  readonly holdSeconds: number | null;
}
export interface QueueMemberChange extends Base {
  readonly type: 'queue-member-added' | 'queue-member-removed' | 'queue-member-updated';
  /** A copy of the member as it is after the change (as it was, for removal). */
  readonly member: Readonly<QueueMember>;
  /** What moved: the AMI event that caused the update. */
  readonly cause: 'added' | 'removed' | 'pause' | 'status' | 'penalty' | 'ringinuse' | 'snapshot';
}
export interface AgentCallEvent extends Base {
  readonly type: 'agent-called' | 'agent-ring-no-answer' | 'agent-connected' | 'agent-completed' | 'agent-dumped';
  readonly queue: string;
  readonly interface: string;
  readonly extension: string | null;
  readonly linkedid: string;
  readonly callerUniqueid: string;
  readonly agentUniqueid: string | null;
  /** agent-completed only: caller, agent or transfer. */
  readonly reason: string | null;
}
export interface OriginateResult extends Base {
  readonly type: 'originate-response';
  readonly actionId: string | null;
  readonly response: string;
  readonly uniqueid: string | null;
  readonly channel: string | null;
  readonly reason: number | null;
}
export interface ModelAnomaly extends Base {
  readonly type: 'anomaly';
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export type DomainChange =
  | ChannelCreated
  | ChannelStateChanged
  | ChannelCallerId
  | ChannelHungup
  | ChannelHold
  | BridgeLifecycle
  | BridgeMembership
  | CallStarted
  | CallAnswered
  | CallEnded
  | CallMerged
  | CallTransferred
  | CallConsult
  | CallSpy
  | CallHangupBy
  | DialChange
  | DeviceStateChanged
  | ExtensionStateChanged
  | QueueCallerChange
  | QueueMemberChange
  | AgentCallEvent
  | OriginateResult
  | ModelAnomaly;

export type DomainChangeType = DomainChange['type'];

/** Shared empty result: most events change nothing a client can see. */
export const NO_CHANGES: readonly DomainChange[] = Object.freeze([]);
