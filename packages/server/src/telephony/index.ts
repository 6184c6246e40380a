/**
 * The live telephony model: one PbxModel per Asterisk server, fed live AMI
 * events through `apply()` (the reducer), producing DomainChanges. Snapshots
 * and resync build a replacement model from list answers.
 */
export type { AgentOffer, AgentSegment, Call, CallFacts, ConsultState, HangupBy, OfferResult, TransferFact, TransferType } from './call.ts';
export { type CallParty, directionFor, type PartyDirection, type PartyPhase, partiesOf } from './call-parties.ts';
export type * from './changes.ts';
export { NO_CHANGES } from './changes.ts';
export { type ChannelName, deviceOf, parseChannelName } from './channel-name.ts';
export { DeviceDirectory, type DeviceDirectoryOptions, type DeviceInfo, type DeviceKind } from './device-directory.ts';
export { diffModels } from './diff.ts';
export { SnapshotInputError, TelephonyError, UNKNOWN_CHANNEL, UNKNOWN_QUEUE_MEMBER } from './errors.ts';
export { cUnescape } from './fields.ts';
export { ListRouter, type RouteKind } from './list-router.ts';
export { PbxModel, type PbxModelDeps } from './pbx-model.ts';
export {
  type CallPhase,
  type CallSummary,
  callOfChannel,
  callsVisibleTo,
  channelsOfExtension,
  type MemberAvailability,
  memberAvailability,
  type QueueStats,
  queueStats,
  summarizeCall,
  type Visibility,
} from './queries.ts';
export { HANDLED_EVENTS, reduce } from './reducer.ts';
export { type ResyncResult, resyncModel } from './resync.ts';
export { buildSnapshotModel, type SnapshotLists, type SnapshotOptions } from './snapshot.ts';
export { groupListItems } from './snapshot-lists.ts';
export type {
  Bridge,
  Channel,
  DeviceStateEntry,
  EpochMs,
  ExtensionStateEntry,
  PbxId,
  QueueCaller,
  QueueMember,
  QueueState,
} from './types.ts';
