import { atxfer, blindTransfer, hangup, mixMonitor, mixMonitorMute, originate, redirect, stopMixMonitor } from './calls.ts';
import { challenge, login, logoff } from './auth.ts';
import { bridgeInfo, bridgeList, coreShowChannels, deviceStateList, extensionStateList, status } from './lists.ts';
import { queueAdd, queuePause, queuePenalty, queueRemove, queueStatus, queueSummary } from './queues.ts';
import { command, coreSettings, coreStatus, events, listCommands, ping } from './system.ts';
import type { ActionHandler } from './types.ts';

const base: Record<string, [string, ActionHandler]> = {
  login: ['Login', login],
  challenge: ['Challenge', challenge],
  logoff: ['Logoff', logoff],
  ping: ['Ping', ping],
  events: ['Events', events],
  coresettings: ['CoreSettings', coreSettings],
  corestatus: ['CoreStatus', coreStatus],
  command: ['Command', command],
  queueadd: ['QueueAdd', queueAdd],
  queueremove: ['QueueRemove', queueRemove],
  queuepause: ['QueuePause', queuePause],
  queuepenalty: ['QueuePenalty', queuePenalty],
  queuestatus: ['QueueStatus', queueStatus],
  queuesummary: ['QueueSummary', queueSummary],
  originate: ['Originate', originate],
  hangup: ['Hangup', hangup],
  redirect: ['Redirect', redirect],
  blindtransfer: ['BlindTransfer', blindTransfer],
  atxfer: ['Atxfer', atxfer],
  mixmonitor: ['MixMonitor', mixMonitor],
  stopmixmonitor: ['StopMixMonitor', stopMixMonitor],
  mixmonitormute: ['MixMonitorMute', mixMonitorMute],
  coreshowchannels: ['CoreShowChannels', coreShowChannels],
  status: ['Status', status],
  devicestatelist: ['DeviceStateList', deviceStateList],
  extensionstatelist: ['ExtensionStateList', extensionStateList],
  bridgelist: ['BridgeList', bridgeList],
  bridgeinfo: ['BridgeInfo', bridgeInfo],
};

/** Action name (lower case) → handler; names are matched without regard to case, as action_find() does. */
export function actionRegistry(): Map<string, ActionHandler> {
  const map = new Map<string, ActionHandler>();
  for (const [k, [, h]] of Object.entries(base)) map.set(k, h);
  map.set('listcommands', listCommands([...Object.values(base).map(([n]) => n), 'ListCommands']));
  return map;
}
