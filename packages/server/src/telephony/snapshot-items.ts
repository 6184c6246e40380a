import type { AmiMessage } from '@amiable/ami';
import { parseChannelName } from './channel-name.ts';
import type { DeviceDirectory } from './device-directory.ts';
import { cid, field, int, orNull, text } from './fields.ts';
import { CS } from './snapshot-keys.ts';
import type { Channel, EpochMs } from './types.ts';

/** `HH:MM:SS` (CoreShowChannel Duration) → seconds. */
export function parseDuration(v: string | undefined): number {
  if (v === undefined) return 0;
  const parts = v.split(':').map((p) => Number.parseInt(p, 10));
  if (parts.some((p) => Number.isNaN(p))) return 0;
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

export interface ListedChannel {
  readonly channel: Channel;
  readonly application: string;
  readonly applicationData: string;
}

/**
 * A CoreShowChannel or Status item → a channel. The two spell things
 * differently: BridgeId vs BridgeID, ApplicationData vs Data, Duration
 * (HH:MM:SS) vs Seconds. Returns null without a Uniqueid.
 */
export function readListedChannel(msg: AmiMessage, directory: DeviceDirectory, at: EpochMs): ListedChannel | null {
  const uniqueid = field(msg, CS.uniqueid);
  if (uniqueid === undefined || uniqueid === '') return null;
  const name = text(msg, CS.channel);
  const info = directory.describe(name);
  const parsed = parseChannelName(name);
  const isStatus = msg.event === 'Status';
  const age = isStatus ? (int(msg, 'Seconds') ?? 0) : parseDuration(field(msg, 'Duration'));
  const state = int(msg, CS.state) ?? 0;
  const bridgeId = orNull(field(msg, isStatus ? 'BridgeID' : 'BridgeId'));
  const channel: Channel = {
    uniqueid,
    linkedid: field(msg, CS.linkedid) || uniqueid,
    name,
    device: info.device,
    kind: info.kind,
    extension: info.extension,
    localHalf: parsed.localHalf,
    localPeer: null,
    localExten: parsed.localExten,
    state,
    stateDesc: text(msg, CS.stateDesc),
    callerNum: cid(msg, CS.callerNum),
    callerName: cid(msg, CS.callerName),
    connectedNum: cid(msg, CS.connectedNum),
    connectedName: cid(msg, CS.connectedName),
    context: text(msg, CS.context),
    exten: text(msg, CS.exten),
    bridgeId,
    createdAt: at - age * 1000,
    answeredAt: state === 6 ? at : null,
    heldSince: null,
  };
  return { channel, application: text(msg, 'Application'), applicationData: text(msg, isStatus ? 'Data' : 'ApplicationData') };
}

/** The queue a channel sits in, from `Application: Queue` / `ApplicationData: lang-en,tT,,,300`. */
export function queueOfApplication(application: string, data: string): string | null {
  if (application !== 'Queue') return null;
  const name = data.split(',')[0]?.trim() ?? '';
  return name === '' ? null : name;
}
