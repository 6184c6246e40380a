import type { DeviceKind } from './device-directory.ts';

/** Identifies one Asterisk server; every model object and change is scoped by it. */
export type PbxId = string;

/** Epoch milliseconds from the injected clock (may carry a fraction). */
export type EpochMs = number;

/** One leg, keyed by Uniqueid (never by name: names repeat after a restart). */
export interface Channel {
  readonly uniqueid: string;
  linkedid: string;
  readonly name: string;
  readonly device: string;
  readonly kind: DeviceKind;
  /** The extension whose phone this leg is (phones only). */
  readonly extension: string | null;
  /** Local channels: which half, the other half's Uniqueid, and the exten@context in the name. */
  readonly localHalf: 1 | 2 | null;
  localPeer: string | null;
  readonly localExten: string | null;
  /** Numeric ChannelState (0 Down, 4 Ring, 5 Ringing, 6 Up, ...) and its text. */
  state: number;
  stateDesc: string;
  callerNum: string | null;
  callerName: string | null;
  connectedNum: string | null;
  connectedName: string | null;
  context: string;
  exten: string;
  bridgeId: string | null;
  createdAt: EpochMs;
  answeredAt: EpochMs | null;
  heldSince: EpochMs | null;
}

export interface Bridge {
  readonly id: string;
  bridgeType: string;
  technology: string;
  /** Uniqueids of the channels in the bridge, in order of entry. */
  readonly channels: Set<string>;
  readonly createdAt: EpochMs;
}

/** A caller waiting in a queue (QueueCallerJoin until QueueCallerLeave). */
export interface QueueCaller {
  readonly queue: string;
  readonly uniqueid: string;
  readonly linkedid: string;
  readonly channel: string;
  callerNum: string | null;
  callerName: string | null;
  position: number;
  readonly joinedAt: EpochMs;
}

/** Numeric device state used by queue members (`Status`), see AMI-REFERENCE 3.4. */
export type MemberStatus = number;

/** A queue member, keyed by (queue, interface). */
export interface QueueMember {
  readonly queue: string;
  readonly interface: string;
  name: string;
  stateInterface: string;
  /** Extension served by the state interface (or the interface), when it is a phone. */
  extension: string | null;
  membership: string;
  penalty: number;
  callsTaken: number;
  lastCall: number;
  lastPause: number;
  loginTime: number | null;
  inCall: boolean;
  status: MemberStatus;
  paused: boolean;
  pausedReason: string | null;
  ringinuse: boolean | null;
  wrapuptime: number | null;
  since: EpochMs;
}

export interface QueueState {
  readonly name: string;
  readonly members: Map<string, QueueMember>;
  readonly callers: Map<string, QueueCaller>;
  /** From QueueParams when a snapshot was taken; null until then. */
  strategy: string | null;
}

export interface DeviceStateEntry {
  readonly device: string;
  state: string;
  since: EpochMs;
}

export interface ExtensionStateEntry {
  readonly exten: string;
  context: string;
  hint: string;
  status: number;
  statusText: string;
  since: EpochMs;
}

export type { DeviceKind };
