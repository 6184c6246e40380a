export type { AmiAction } from './action.ts';
export {
  atxferAction,
  blindTransferAction,
  hangupAction,
  redirectAction,
  type RedirectParams,
} from './call-control.ts';
export { CHANSPY_MODE_OPTIONS, chanSpyAction, type ChanSpyMode, type ChanSpyParams } from './chanspy.ts';
export {
  DEFAULT_ORIGINATE_APPLICATIONS,
  type OriginateParams,
  type OriginatePolicy,
  originateAction,
} from './originate.ts';
export {
  type QueueAddParams,
  type QueuePauseParams,
  queueAddAction,
  queuePauseAction,
  queuePenaltyAction,
  queueRemoveAction,
  queueStatusAction,
  queueSummaryAction,
} from './queue.ts';
export { type MixMonitorParams, mixMonitorAction, mixMonitorMuteAction, stopMixMonitorAction } from './recording.ts';
export { eventsAction, logoffAction, pingAction } from './session.ts';
export {
  bridgeInfoAction,
  bridgeListAction,
  coreShowChannelsAction,
  deviceStateListAction,
  extensionStateListAction,
  type StatusParams,
  statusAction,
} from './snapshots.ts';
