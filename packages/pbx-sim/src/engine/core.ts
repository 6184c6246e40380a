import type { EventBus } from '../ami/event-bus.ts';
import type { ResolvedConfig } from '../config.ts';
import { type Bridge, makeBridge } from '../model/bridge.ts';
import { type Channel, type NewChannelInit, makeChannel } from '../model/channel.ts';
import type { Queue } from '../model/queue.ts';
import type { Scheduler } from '../time/scheduler.ts';
import type { Random } from '../util/random.ts';
import { Phones } from './phones.ts';

export interface CoreHooks {
  /** A member of `queue` became free: waiting callers may ring it. */
  memberFreed(queue: string): void;
}

export interface PbxCoreDeps {
  config: ResolvedConfig;
  scheduler: Scheduler;
  rng: Random;
  bus: EventBus;
}

/**
 * The live state of the simulated Asterisk: channels, bridges, device states
 * and queues, plus the identifier counters. Behaviour lives in the engine/*
 * flow modules, which take the core as their first argument.
 */
export class PbxCore {
  readonly config: ResolvedConfig;
  readonly scheduler: Scheduler;
  readonly rng: Random;
  readonly bus: EventBus;
  readonly channels = new Map<string, Channel>();
  /** Run once, just before a channel's Hangup event (ChanSpy's `E` option watches its target). */
  readonly hangupWatchers = new Map<Channel, Array<() => void>>();
  readonly byName = new Map<string, Channel>();
  readonly bridges = new Map<string, Bridge>();
  /** Cached device states (DeviceStateList), token form. */
  readonly devices = new Map<string, string>();
  readonly queues = new Map<string, Queue>();
  readonly phones: Phones;
  /** CoreStartupDate/Time and the Uniqueid epoch change on restart. */
  startedAt: number;
  reloadedAt: number;
  processedCalls = 0;
  /** Callbacks between flow modules, wired by the engine at start-up. */
  readonly hooks: CoreHooks = { memberFreed: () => {} };
  #uniq = 0;
  #pjsipSeq = 0;
  #localSeq = 0;
  #originateSeq = 0;

  constructor(deps: PbxCoreDeps) {
    this.config = deps.config;
    this.scheduler = deps.scheduler;
    this.rng = deps.rng;
    this.bus = deps.bus;
    this.startedAt = deps.scheduler.now();
    this.reloadedAt = this.startedAt;
    this.phones = new Phones(this);
  }

  now(): number {
    return this.scheduler.now();
  }

  /** Forget every channel and restart the identifier counters (an Asterisk restart). */
  resetIdentity(): void {
    this.#uniq = 0;
    this.#pjsipSeq = 0;
    this.#localSeq = 0;
    this.channels.clear();
    this.byName.clear();
    this.bridges.clear();
    this.startedAt = this.now();
    this.reloadedAt = this.startedAt;
    this.processedCalls = 0;
  }

  /** `<epoch>.<counter>`: the epoch is the channel's creation second. */
  nextUniqueid(): string {
    return `${Math.floor(this.now() / 1000)}.${this.#uniq++}`;
  }

  /** ActionID of the OriginateResponse for calls placed through the control API. */
  nextControlActionId(): string {
    return `pbx-sim-${++this.#originateSeq}`;
  }

  /** Create and register a PJSIP leg for an endpoint (not yet announced). */
  pjsipChannel(endpoint: string, linkedid: string | undefined, init: Partial<NewChannelInit> = {}): Channel {
    const uniqueid = this.nextUniqueid();
    const name = `PJSIP/${endpoint}-${(this.#pjsipSeq++).toString(16).padStart(8, '0')}`;
    const ch = makeChannel({
      name,
      uniqueid,
      linkedid: linkedid ?? uniqueid,
      kind: 'pjsip',
      endpoint,
      state: 0,
      callerNum: endpoint,
      callerName: this.config.endpointNames[endpoint] ?? '',
      context: 'internal',
      exten: 's',
      createdAt: this.now(),
      ...init,
    });
    this.register(ch);
    return ch;
  }

  /** Create and register both halves of `Local/<exten>@<context>`. */
  localPair(exten: string, context: string, linkedid?: string): [Channel, Channel] {
    const seq = (this.#localSeq++).toString(16).padStart(8, '0');
    const base = `Local/${exten}@${context}-${seq}`;
    const u1 = this.nextUniqueid();
    const u2 = this.nextUniqueid();
    const link = linkedid ?? u1;
    const now = this.now();
    const one = makeChannel({ name: `${base};1`, uniqueid: u1, linkedid: link, kind: 'local1', state: 0, context, exten, createdAt: now });
    const two = makeChannel({ name: `${base};2`, uniqueid: u2, linkedid: link, kind: 'local2', state: 4, context, exten, createdAt: now });
    one.peer = two;
    two.peer = one;
    this.register(one);
    this.register(two);
    return [one, two];
  }

  register(ch: Channel): void {
    this.channels.set(ch.uniqueid, ch);
    this.byName.set(ch.name, ch);
  }

  unregister(ch: Channel): void {
    ch.hungUp = true;
    this.hangupWatchers.delete(ch);
    ch.stopRtcp?.();
    ch.stopRtcp = undefined;
    this.phones.forget(ch);
    this.channels.delete(ch.uniqueid);
    if (this.byName.get(ch.name) === ch) this.byName.delete(ch.name);
  }

  /** Find a channel the way ast_channel_get_by_name() does: by name, then by Uniqueid. */
  findChannel(nameOrId: string): Channel | undefined {
    return this.byName.get(nameOrId) ?? this.channels.get(nameOrId);
  }

  newBridge(): Bridge {
    const b = makeBridge(this.rng.uuid(), this.now());
    this.bridges.set(b.uniqueid, b);
    return b;
  }

  /** Live phone legs of an endpoint. */
  legsOf(endpoint: string): Channel[] {
    const out: Channel[] = [];
    for (const ch of this.channels.values()) if (ch.endpoint === endpoint && !ch.hungUp) out.push(ch);
    return out;
  }

  hasEndpoint(endpoint: string): boolean {
    return endpoint in this.config.endpointNames;
  }
}
