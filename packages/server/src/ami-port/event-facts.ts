import type { AmiMessage } from '@amiable/ami';
import { mentionedPhoneDevices } from './channel-name.ts';

/** One channel named by an event: `Channel`, `DestChannel`, `TransfererChannel`, ... */
export interface ChannelRef {
  name: string;
  uniqueid: string | undefined;
  linkedid: string | undefined;
}

/** What an event refers to, extracted once and then checked against every client's scope. */
export interface EventFacts {
  event: string | undefined;
  /** Present on list items and OriginateResponse: the event answers someone's action. */
  actionId: string | undefined;
  channels: ChannelRef[];
  /** Uniqueids named without a channel (`SwapUniqueid`, `DestUniqueId`, a bare `Uniqueid`). */
  uniqueids: string[];
  /** Linkedids named without a channel. */
  linkedids: string[];
  /** `Device`, `Interface`, `StateInterface`, `Location` values, and the interface of `Queue:q_pause_<iface>`. */
  devices: string[];
  /** `Queue` values and the queue of `Queue:` pseudo-devices. */
  queues: string[];
  /** Hint extensions (`Exten` of ExtensionStatus and presence events). */
  extens: string[];
  /** Devices of a hint (`Hint: PJSIP/1001&Custom:DND1001`), for learning device → extension. */
  hintDevices: string[];
  bridges: string[];
  /** Phone devices of every channel name found anywhere in the event, keys included. */
  mentioned: Set<string>;
}

/** Events whose `Exten` is a hint extension rather than a dialplan position. */
const HINT_EVENTS = new Set(['ExtensionStatus', 'PresenceStatus']);

export function extractFacts(msg: AmiMessage): EventFacts {
  const f = msg.fields;
  const facts: EventFacts = {
    event: msg.event,
    actionId: undefined,
    channels: [],
    uniqueids: [],
    linkedids: [],
    devices: [],
    queues: [],
    extens: [],
    hintDevices: [],
    bridges: [],
    mentioned: new Set(),
  };
  const hintEvent = msg.event !== undefined && HINT_EVENTS.has(msg.event);
  const chans = new Map<string, string>();
  const uids = new Map<string, string>();
  const lids = new Map<string, string>();
  for (let i = 0; i < f.length; i += 2) {
    const key = f[i]!;
    const value = f[i + 1]!;
    mentionedPhoneDevices(key, facts.mentioned);
    mentionedPhoneDevices(value, facts.mentioned);
    if (value === '') continue;
    const k = key.toLowerCase();
    if (k.endsWith('bridgeuniqueid')) facts.bridges.push(value);
    else if (k.endsWith('uniqueid')) setFirst(uids, k.slice(0, -8), value);
    else if (k.endsWith('linkedid')) setFirst(lids, k.slice(0, -8), value);
    else if (k.endsWith('channel')) setFirst(chans, k.slice(0, -7), value);
    else if (k === 'peer') setFirst(chans, 'peer:', value);
    else if (k === 'actionid') facts.actionId ??= value;
    else if (k === 'queue') facts.queues.push(value);
    else if (k === 'device') addDevice(facts, value);
    else if (k === 'interface' || k === 'stateinterface' || k === 'location') facts.devices.push(value);
    else if (hintEvent && k === 'exten') facts.extens.push(value);
    else if (hintEvent && k === 'hint') facts.hintDevices.push(...value.split('&').filter((d) => d !== ''));
  }
  for (const [prefix, name] of chans) {
    facts.channels.push({ name, uniqueid: uids.get(prefix), linkedid: lids.get(prefix) });
    uids.delete(prefix);
    lids.delete(prefix);
  }
  facts.uniqueids.push(...uids.values());
  facts.linkedids.push(...lids.values());
  return facts;
}

function setFirst(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}

/** `Queue:lang-en`, `Queue:lang-en_avail`, `Queue:lang-en_pause_PJSIP/1003` name a queue (and a member). */
function addDevice(facts: EventFacts, device: string): void {
  if (!device.startsWith('Queue:')) {
    facts.devices.push(device);
    return;
  }
  const rest = device.slice(6);
  const pause = rest.indexOf('_pause_');
  if (pause > 0) {
    facts.queues.push(rest.slice(0, pause));
    facts.devices.push(rest.slice(pause + 7));
  } else if (rest.endsWith('_avail')) {
    facts.queues.push(rest.slice(0, -6));
  } else {
    facts.queues.push(rest);
  }
}
