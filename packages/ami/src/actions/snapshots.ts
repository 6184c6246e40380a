import type { AmiAction } from './action.ts';
import { concreteChannel, token, variableName } from './validate.ts';

/** CoreShowChannels (a list: CoreShowChannel items, CoreShowChannelsComplete). Cheap: reads the snapshot cache. */
export function coreShowChannelsAction(): AmiAction {
  return { Action: 'CoreShowChannels' };
}

/** BridgeList (a list: BridgeListItem items, BridgeListComplete). */
export function bridgeListAction(p: { bridgeType?: string } = {}): AmiAction {
  return { Action: 'BridgeList', BridgeType: p.bridgeType === undefined ? undefined : token(p.bridgeType, 'BridgeType') };
}

/** BridgeInfo (a list: BridgeInfoChannel items, BridgeInfoComplete). */
export function bridgeInfoAction(p: { bridgeUniqueid: string }): AmiAction {
  return { Action: 'BridgeInfo', BridgeUniqueid: token(p.bridgeUniqueid, 'BridgeUniqueid') };
}

/** DeviceStateList (a list whose items are named DeviceStateChange, like the live event). */
export function deviceStateListAction(): AmiAction {
  return { Action: 'DeviceStateList' };
}

/** ExtensionStateList (a list whose items are named ExtensionStatus, like the live event). */
export function extensionStateListAction(): AmiAction {
  return { Action: 'ExtensionStateList' };
}

export interface StatusParams {
  /** One channel (name or Uniqueid); all channels when omitted (costly: each channel is locked). */
  channel?: string;
  /** Plain variable names to report as `Variable: name=value` (no functions such as SHELL or EVAL). */
  variables?: readonly string[];
  allVariables?: boolean;
}

/** Status (a list: Status items, StatusComplete). Prefer CoreShowChannels for bulk resync. */
export function statusAction(p: StatusParams = {}): AmiAction {
  return {
    Action: 'Status',
    Channel: p.channel === undefined ? undefined : concreteChannel(p.channel),
    Variables: p.variables === undefined ? undefined : p.variables.map((v) => variableName(v, 'Variables')).join(','),
    AllVariables: p.allVariables,
  };
}
