import { hintOf } from '../../engine/devices.ts';
import type { Channel } from '../../model/channel.ts';
import { bs, cs } from '../../model/snapshot.ts';
import { hashOrder, hms } from '../../util/format.ts';
import type { ActionHandler } from './types.ts';

const channelsInHashOrder = (channels: Iterable<Channel>) => hashOrder([...channels], (c) => c.name, 563);

/** CoreShowChannels: the whole channel snapshot cache, ActionID first in each item. */
export const coreShowChannels: ActionHandler = (ctx) => {
  const now = ctx.core.now();
  ctx.listStart('Channels will follow');
  const list = channelsInHashOrder(ctx.core.channels.values());
  for (const ch of list) {
    ctx.listItem('CoreShowChannel', [
      ...cs(ch),
      ['Application', ch.app],
      ['ApplicationData', ch.appData],
      ['Duration', hms((now - ch.createdAt) / 1000)],
      ['BridgeId', ch.bridge?.uniqueid ?? ''],
    ]);
  }
  ctx.listComplete('CoreShowChannelsComplete', list.length);
};

/** Status: one item per channel (or the named one), `Privilege: Call`, ActionID last. */
export const status: ActionHandler = (ctx) => {
  const { core } = ctx;
  const name = ctx.get('Channel');
  let list: Channel[];
  if (name) {
    const ch = core.findChannel(name);
    if (!ch) return ctx.error('No such channel');
    list = [ch];
  } else list = channelsInHashOrder(core.channels.values());
  const now = core.now();
  ctx.listStart('Channel status will follow');
  for (const ch of list) {
    const pairs: Array<[string, string]> = [
      ['Event', 'Status'],
      ['Privilege', 'Call'],
      ...cs(ch),
      ['Type', ch.kind === 'pjsip' ? 'PJSIP' : 'Local'],
      ['DNID', ''],
      ['EffectiveConnectedLineNum', ch.connNum || '<unknown>'],
      ['EffectiveConnectedLineName', ch.connName || '<unknown>'],
      ['TimeToHangup', '0'],
      ['BridgeID', ch.bridge?.uniqueid ?? ''],
      ['Application', ch.app],
      ['Data', ch.appData],
      ['Nativeformats', '(ulaw|alaw)'],
      ['Readformat', 'ulaw'],
      ['Readtrans', ''],
      ['Writeformat', 'ulaw'],
      ['Writetrans', ''],
      ['Callgroup', '0'],
      ['Pickupgroup', '0'],
      ['Seconds', String(Math.floor((now - ch.createdAt) / 1000))],
    ];
    if (ctx.actionId !== undefined) pairs.push(['ActionID', ctx.actionId]);
    ctx.session.send(pairs);
  }
  ctx.listComplete('StatusComplete', list.length, [['Items', String(list.length)]]);
};

/** DeviceStateList: items are named DeviceStateChange, like the live event. */
export const deviceStateList: ActionHandler = (ctx) => {
  const devices = hashOrder([...ctx.core.devices.entries()], ([d]) => d, 563);
  ctx.listStart('Device State Changes will follow');
  for (const [device, state] of devices) {
    ctx.listItem('DeviceStateChange', [
      ['Device', device],
      ['State', state],
    ]);
  }
  ctx.listComplete('DeviceStateListComplete', devices.length);
};

/** ExtensionStateList: one ExtensionStatus per hint (the endpoints in context internal). */
export const extensionStateList: ActionHandler = (ctx) => {
  const { core } = ctx;
  const endpoints = hashOrder(core.config.endpoints, (e) => e, 563);
  ctx.listStart('Extension Statuses will follow');
  for (const e of endpoints) {
    const [code, text] = hintOf(core.devices.get(`PJSIP/${e}`) ?? 'NOT_INUSE');
    ctx.listItem('ExtensionStatus', [
      ['Exten', e],
      ['Context', 'internal'],
      ['Hint', `PJSIP/${e}`],
      ['Status', String(code)],
      ['StatusText', text],
    ]);
  }
  ctx.listComplete('ExtensionStateListComplete', endpoints.length);
};

export const bridgeList: ActionHandler = (ctx) => {
  const type = ctx.get('BridgeType');
  const bridges = [...ctx.core.bridges.values()].filter((b) => !type || b.type === type);
  ctx.listStart('Bridge listing will follow');
  for (const b of bridges) ctx.listItem('BridgeListItem', bs(b));
  ctx.listComplete('BridgeListComplete', bridges.length);
};

export const bridgeInfo: ActionHandler = (ctx) => {
  const id = ctx.get('BridgeUniqueid');
  if (!id) return ctx.error('BridgeUniqueid must be provided');
  const b = ctx.core.bridges.get(id);
  if (!b) return ctx.error(`Bridge ${id} not found`);
  ctx.listStart('Bridge channel listing will follow');
  for (const ch of b.channels) ctx.listItem('BridgeInfoChannel', cs(ch));
  ctx.listComplete('BridgeInfoComplete', b.channels.length, bs(b));
};
