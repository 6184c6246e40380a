import type { AmiMessage } from '@amiable/ami';
import { deviceOfChannel } from './channel-name.ts';
import type { ChannelRef, EventFacts } from './event-facts.ts';
import { RestartDetector } from './restart-detector.ts';

export interface TrackedChannel {
  uniqueid: string;
  name: string;
  device: string;
  linkedid: string;
}

/** A call: the live legs sharing a Linkedid, and the queues it went through. */
export interface TrackedCall {
  readonly members: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
}

interface MutableCall {
  members: Set<string>;
  queues: Set<string>;
}

/**
 * Which legs make up which call on one PBX, so that a caller's channel (not
 * anyone's by name) can be attributed to the calls it shares with a client's
 * extensions. Deterministic: the state depends only on the events applied.
 *
 * Removals (Hangup, BridgeDestroy) take effect when the next event is applied,
 * so the removing event itself is still attributed to its call.
 */
export class CallTracker {
  readonly #channels = new Map<string, TrackedChannel>();
  readonly #byName = new Map<string, string>();
  readonly #calls = new Map<string, MutableCall>();
  /** Bridge → legs that entered it (kept until BridgeDestroy so the destroy event stays attributable). */
  readonly #bridges = new Map<string, Map<string, TrackedChannel>>();
  /** Device → hint extension, learned from ExtensionStatus. */
  readonly #hints = new Map<string, string>();
  readonly #restarts = new RestartDetector();
  #retire: Array<() => void> = [];

  get size(): { channels: number; calls: number; bridges: number } {
    return { channels: this.#channels.size, calls: this.#calls.size, bridges: this.#bridges.size };
  }

  apply(msg: AmiMessage, facts: EventFacts): void {
    const retire = this.#retire;
    this.#retire = [];
    for (const run of retire) run();
    for (const ref of facts.channels) {
      if (ref.uniqueid !== undefined && ref.linkedid !== undefined) this.#upsert(ref.uniqueid, ref.name, ref.linkedid);
    }
    const event = facts.event;
    if (event === undefined) return;
    if (event === 'Hangup') {
      const uid = msg.get('Uniqueid');
      if (uid !== undefined) this.#retire.push(() => this.#remove(uid));
    } else if (event === 'BridgeEnter') {
      this.#enterBridge(msg.get('BridgeUniqueid'), msg.get('Uniqueid'));
    } else if (event === 'BridgeMerge') {
      this.#mergeBridges(msg.get('ToBridgeUniqueid'), msg.get('FromBridgeUniqueid'));
    } else if (event === 'BridgeDestroy') {
      const id = msg.get('BridgeUniqueid');
      if (id !== undefined) this.#retire.push(() => this.#bridges.delete(id));
    } else if (event === 'ExtensionStatus') {
      const exten = facts.extens[0];
      if (exten !== undefined) for (const device of facts.hintDevices) this.#hints.set(device, exten);
    } else if (this.#restarts.isRestart(msg)) {
      this.reset();
    }
    if ((event.startsWith('QueueCaller') || event.startsWith('Agent')) && facts.queues.length > 0) {
      const call = this.#calls.get(msg.get('Linkedid') ?? '');
      if (call) call.queues.add(facts.queues[0]!);
    }
  }

  channel(uniqueid: string): TrackedChannel | undefined {
    return this.#channels.get(uniqueid);
  }

  channelByName(name: string): TrackedChannel | undefined {
    const uid = this.#byName.get(name);
    return uid === undefined ? undefined : this.#channels.get(uid);
  }

  /** The channel a reference names: by Uniqueid, else by name. */
  resolve(ref: ChannelRef): TrackedChannel | undefined {
    return (ref.uniqueid !== undefined ? this.#channels.get(ref.uniqueid) : undefined) ?? this.channelByName(ref.name);
  }

  call(linkedid: string): TrackedCall | undefined {
    return this.#calls.get(linkedid);
  }

  bridgeLegs(bridgeId: string): Iterable<TrackedChannel> {
    return this.#bridges.get(bridgeId)?.values() ?? [];
  }

  /** The hint extension of a device, if a hint names it. */
  hintExtension(device: string): string | undefined {
    return this.#hints.get(device);
  }

  /** Every live channel of a device. */
  *channelsOfDevice(device: string): Iterable<TrackedChannel> {
    for (const ch of this.#channels.values()) if (ch.device === device) yield ch;
  }

  reset(): void {
    this.#channels.clear();
    this.#byName.clear();
    this.#calls.clear();
    this.#bridges.clear();
    this.#retire = [];
  }

  #upsert(uniqueid: string, name: string, linkedid: string): void {
    const known = this.#channels.get(uniqueid);
    if (known && known.linkedid === linkedid && known.name === name) return;
    if (known) {
      if (known.name !== name && this.#byName.get(known.name) === uniqueid) this.#byName.delete(known.name);
      if (known.linkedid !== linkedid) this.#leaveCall(known);
    }
    const ch: TrackedChannel = { uniqueid, name, device: deviceOfChannel(name), linkedid };
    this.#channels.set(uniqueid, ch);
    this.#byName.set(name, uniqueid);
    let call = this.#calls.get(linkedid);
    if (!call) this.#calls.set(linkedid, (call = { members: new Set(), queues: new Set() }));
    call.members.add(uniqueid);
  }

  #remove(uniqueid: string): void {
    const ch = this.#channels.get(uniqueid);
    if (!ch) return;
    this.#channels.delete(uniqueid);
    if (this.#byName.get(ch.name) === uniqueid) this.#byName.delete(ch.name);
    this.#leaveCall(ch);
  }

  #leaveCall(ch: TrackedChannel): void {
    const call = this.#calls.get(ch.linkedid);
    if (!call) return;
    call.members.delete(ch.uniqueid);
    if (call.members.size === 0) this.#calls.delete(ch.linkedid);
  }

  #enterBridge(bridgeId: string | undefined, uniqueid: string | undefined): void {
    if (bridgeId === undefined || uniqueid === undefined) return;
    const ch = this.#channels.get(uniqueid);
    if (!ch) return;
    let legs = this.#bridges.get(bridgeId);
    if (!legs) this.#bridges.set(bridgeId, (legs = new Map()));
    legs.set(uniqueid, ch);
  }

  #mergeBridges(to: string | undefined, from: string | undefined): void {
    if (to === undefined || from === undefined) return;
    const fromLegs = this.#bridges.get(from);
    if (!fromLegs) return;
    let legs = this.#bridges.get(to);
    if (!legs) this.#bridges.set(to, (legs = new Map()));
    for (const [uid, ch] of fromLegs) legs.set(uid, ch);
  }
}
