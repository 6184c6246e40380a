/**
 * The read-only state the AMI port answers list actions from. Records use AMI's
 * own vocabulary so that any model (the telephony model, or the event mirror in
 * this folder) can be adapted with a few lines. Strings are as Asterisk writes
 * them; `<unknown>` and empty values are passed through unchanged.
 */

export interface ChannelRecord {
  channel: string;
  channelState: string;
  channelStateDesc: string;
  callerIdNum: string;
  callerIdName: string;
  connectedLineNum: string;
  connectedLineName: string;
  language: string;
  accountCode: string;
  context: string;
  exten: string;
  priority: string;
  uniqueid: string;
  linkedid: string;
  application: string;
  applicationData: string;
  /** Empty when the channel is in no bridge. */
  bridgeId: string;
  /** When the channel was created, epoch milliseconds. */
  createdAt: number;
}

export interface QueueMemberRecord {
  /** MemberName in events, `Name` in QueueStatus. */
  name: string;
  /** Interface in events, `Location` in QueueStatus. */
  location: string;
  stateInterface: string;
  membership: string;
  penalty: string;
  callsTaken: string;
  lastCall: string;
  lastPause: string;
  loginTime: string;
  inCall: string;
  status: string;
  paused: string;
  pausedReason: string;
  wrapuptime: string;
}

export interface QueueEntryRecord {
  position: number;
  channel: string;
  uniqueid: string;
  callerIdNum: string;
  callerIdName: string;
  connectedLineNum: string;
  connectedLineName: string;
  /** When the caller joined, epoch milliseconds. */
  joinedAt: number;
  priority: string;
}

export interface QueueRecord {
  queue: string;
  max: string;
  strategy: string;
  holdtime: string;
  talktime: string;
  completed: string;
  abandoned: string;
  serviceLevel: string;
  serviceLevelPerf: string;
  serviceLevelPerf2: string;
  weight: string;
  members: readonly QueueMemberRecord[];
  entries: readonly QueueEntryRecord[];
}

export interface DeviceStateRecord {
  device: string;
  /** Token form: NOT_INUSE, INUSE, RINGING, ... */
  state: string;
}

export interface ExtensionStateRecord {
  exten: string;
  context: string;
  hint: string;
  status: string;
  statusText: string;
}

export interface AmiPortModel {
  /** The PBXs the model knows, in a stable order. */
  pbxIds(): readonly string[];
  channels(pbxId: string): readonly ChannelRecord[];
  queues(pbxId: string): readonly QueueRecord[];
  deviceStates(pbxId: string): readonly DeviceStateRecord[];
  extensionStates(pbxId: string): readonly ExtensionStateRecord[];
}
