import { PERM } from '../ami/permissions.ts';
import { PbxSimInvalidStateError, PbxSimUnknownEndpointError, PbxSimUnknownQueueError } from '../errors.ts';
import type { Channel } from '../model/channel.ts';
import { cs } from '../model/snapshot.ts';
import { ChanSpySession } from './chanspy.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint } from './devices.ts';
import type { DialCall, DialHost } from './dial-app.ts';
import { hangup, softHangupRequest } from './events.ts';
import { varset } from './noise.ts';
import { type OriginateDeps, type OriginateRequest, originate, routeForCall, validateOriginate } from './originate.ts';
import { QueueService } from './queue-service.ts';
import { attendedTransfer } from './transfer-attended.ts';
import { type TransferDeps, blindTransfer } from './transfer-blind.ts';
import { TrunkCaller } from './trunk-caller.ts';

/** A follow-up to run once the action's response has been written. */
export type FollowUp = () => void;
export type ActionOutcome = { ok: boolean; message: string; after: FollowUp; extra?: Array<[string, string]> };

const noop: FollowUp = () => {};

export interface PlaceCallOptions {
  /** Queue to enter (lang-xx queues are reached through their language code). */
  queue?: string;
  /** Or an endpoint to call directly (no queue). */
  exten?: string;
  callerNumber: string;
  callerName?: string;
  /** Hang up if still waiting (not answered) after this long. */
  patienceMs?: number;
  /** Once answered, the call ends after this long. */
  talkMs?: number;
  /** Who ends the call after talkMs: the customer (default) or the agent's phone. */
  endedBy?: 'caller' | 'agent';
}

/** A customer call placed through the control API. */
export interface CallHandle {
  /** Uniqueid of the caller's `;1` leg (also the call's Linkedid). */
  readonly uniqueid: string;
  /** The `;1` half (queues, gets bridged) and `;2` half (the customer). */
  readonly channel: string;
  readonly farChannel: string;
  /** The customer hangs up now. */
  hangup(): void;
  readonly ended: boolean;
}

/**
 * The simulated PBX's behaviour: AMI-facing operations (Originate, Hangup,
 * transfers, queue administration) and the control API used by tests, the
 * demo mode and the generator.
 */
export class PbxEngine implements DialHost {
  readonly core: PbxCore;
  readonly queues: QueueService;
  readonly dialCalls: DialCall[] = [];
  readonly #mixmonitors = new Map<Channel, string>();

  constructor(core: PbxCore) {
    this.core = core;
    this.queues = new QueueService(core);
    this.#initDevices();
  }

  #initDevices(): void {
    for (const e of this.core.config.endpoints) this.core.devices.set(`PJSIP/${e}`, 'NOT_INUSE');
  }

  started(call: DialCall): void {
    this.dialCalls.push(call);
  }

  finished(call: DialCall): void {
    const i = this.dialCalls.indexOf(call);
    if (i !== -1) this.dialCalls.splice(i, 1);
  }

  get #originateDeps(): OriginateDeps {
    return {
      core: this.core,
      queues: this.queues,
      dials: this,
      chanspy: (party, data) => new ChanSpySession(this.core, party, data).start(),
    };
  }

  get #transferDeps(): TransferDeps {
    return { ...this.#originateDeps, dialCalls: () => this.dialCalls };
  }

  originate(req: OriginateRequest): ActionOutcome {
    const deps = this.#originateDeps;
    const error = validateOriginate(deps, req);
    if (error) return { ok: false, message: error, after: noop };
    return { ok: true, message: 'Originate successfully queued', after: () => this.core.scheduler.after(3, () => originate(deps, req)) };
  }

  hangup(target: string, cause = 16): ActionOutcome {
    const ch = this.core.findChannel(target);
    if (!ch || ch.hungUp) return { ok: false, message: 'No such channel', after: noop };
    return { ok: true, message: 'Channel Hungup', after: () => this.hangupChannel(ch, 'soft', cause) };
  }

  /** Ask a channel to hang up; its owner emits the whole teardown. */
  hangupChannel(ch: Channel, how: 'soft' | 'device', cause = 16): void {
    if (ch.hungUp) return;
    if (ch.handler) {
      ch.handler.hangup(ch, how, cause);
      return;
    }
    softHangupRequest(this.core, ch, cause);
    hangup(this.core, ch, cause);
    if (ch.endpoint) refreshEndpoint(this.core, ch.endpoint);
  }

  blindTransfer(channel: string, exten: string, context: string | undefined): ActionOutcome {
    const ch = this.core.findChannel(channel);
    const [message, after] = blindTransfer(this.#transferDeps, channel, exten, context ?? ch?.context ?? 'internal');
    return { ok: message === 'Transfer succeeded', message, after };
  }

  atxfer(channel: string, exten: string, context: string | undefined): ActionOutcome {
    const [message, ok, after] = attendedTransfer(this.#transferDeps, channel, exten, context ?? 'internal');
    return { ok, message, after };
  }

  redirect(channel: string, exten: string, context: string): ActionOutcome {
    const ch = this.core.findChannel(channel);
    if (!ch) return { ok: false, message: `Channel does not exist: ${channel}`, after: noop };
    const peer = ch.bridge?.channels.find((c) => c !== ch);
    if (!peer) return { ok: false, message: 'Redirect failed', after: noop };
    const [message, after] = blindTransfer(this.#transferDeps, peer.name, exten, context, { announce: false });
    if (message !== 'Transfer succeeded') return { ok: false, message: 'Redirect failed', after: noop };
    return { ok: true, message: 'Redirect successful', after };
  }

  /** As recorded (mixmonitor-start-stop): a bare Success, then VarSet MIXMONITOR_FILENAME, then MixMonitorStart. */
  mixMonitor(channel: string, file: string | undefined): ActionOutcome {
    const ch = this.core.findChannel(channel);
    if (!ch) return { ok: false, message: 'No such channel', after: noop };
    const id = this.core.rng.uuid();
    return {
      ok: true,
      message: '',
      after: () => {
        this.#mixmonitors.set(ch, id);
        varset(this.core, ch, 'MIXMONITOR_FILENAME', file ?? `${ch.uniqueid}.wav`);
        this.core.bus.emitLazy('MixMonitorStart', PERM.call, () => cs(ch));
      },
    };
  }

  stopMixMonitor(channel: string): ActionOutcome {
    const ch = this.core.findChannel(channel);
    if (!ch) return { ok: false, message: 'No such channel', after: noop };
    if (!this.#mixmonitors.has(ch)) return { ok: false, message: 'Could not stop MixMonitor', after: noop };
    return {
      ok: true,
      message: '',
      after: () => {
        this.#mixmonitors.delete(ch);
        this.core.bus.emitLazy('MixMonitorStop', PERM.call, () => cs(ch));
      },
    };
  }

  /** MixMonitorMute: a bare Success, then the MixMonitorMute event with Direction and State. */
  mixMonitorMute(channel: string, direction: string, state: string): ActionOutcome {
    const ch = this.core.findChannel(channel);
    if (!ch) return { ok: false, message: 'No such channel', after: noop };
    if (!this.#mixmonitors.has(ch)) return { ok: false, message: 'Cannot set mute flag', after: noop };
    if (direction !== 'read' && direction !== 'write' && direction !== 'both') return { ok: false, message: 'Invalid direction', after: noop };
    const on = /^(1|true|yes|on)$/i.test(state) ? '1' : '0';
    return {
      ok: true,
      message: '',
      after: () => {
        this.core.bus.emitLazy('MixMonitorMute', PERM.call, () => [...cs(ch), ['Direction', direction], ['State', on]]);
      },
    };
  }

  /** A customer call, as the lab feeds them (Originate of Local/<number>@trunk-sim). */
  placeCall(opts: PlaceCallOptions): CallHandle {
    const core = this.core;
    let exten: string;
    if (opts.queue !== undefined) {
      if (!core.queues.has(opts.queue)) throw new PbxSimUnknownQueueError(opts.queue);
      const lang = /^lang-([a-z]{2})$/.exec(opts.queue)?.[1];
      exten = lang ?? opts.queue;
    } else if (opts.exten !== undefined) {
      if (!core.hasEndpoint(opts.exten)) throw new PbxSimUnknownEndpointError(opts.exten);
      exten = opts.exten;
    } else throw new PbxSimInvalidStateError('placeCall needs a queue or an exten');
    const caller = new TrunkCaller(core, {
      number: opts.callerNumber,
      name: opts.callerName ?? '',
      context: 'from-trunk',
      exten,
      actionId: core.nextControlActionId(),
    });
    let bridged = false;
    caller.onBridged = () => {
      bridged = true;
      if (opts.talkMs === undefined) return;
      const peer = caller.one.bridge?.channels.find((c) => c !== caller.one);
      core.scheduler.after(opts.talkMs, () => {
        if (opts.endedBy === 'agent' && peer && !peer.hungUp && peer.bridge === caller.one.bridge) this.hangupChannel(peer, 'device', 16);
        else this.hangupChannel(caller.two, 'soft', 16);
      });
    };
    caller.start(() => routeForCall(this.#originateDeps, caller, 'from-trunk', exten));
    if (opts.patienceMs !== undefined) {
      core.scheduler.after(opts.patienceMs, () => {
        if (!bridged) this.hangupChannel(caller.two, 'soft', 16);
      });
    }
    return {
      uniqueid: caller.one.uniqueid,
      channel: caller.one.name,
      farChannel: caller.two.name,
      hangup: () => this.hangupChannel(caller.two, 'soft', 16),
      get ended() {
        return caller.two.hungUp && caller.one.hungUp;
      },
    };
  }

  /** The endpoint's ringing phone answers now. */
  answer(endpoint: string): boolean {
    if (!this.core.hasEndpoint(endpoint)) throw new PbxSimUnknownEndpointError(endpoint);
    return this.core.phones.answerNow(endpoint);
  }

  /** The endpoint's phone hangs up (BYE) on its active leg. */
  hangupPhone(endpoint: string): boolean {
    if (!this.core.hasEndpoint(endpoint)) throw new PbxSimUnknownEndpointError(endpoint);
    const legs = this.core.legsOf(endpoint);
    const leg = legs.find((l) => l.state === 6) ?? legs[0];
    if (!leg) return false;
    this.hangupChannel(leg, 'device', 16);
    return true;
  }

  /** An Asterisk restart: calls, channels and dynamic members are gone. */
  reset(): void {
    this.core.scheduler.stop();
    this.core.scheduler.resume();
    this.core.phones.reset();
    this.queues.reset();
    this.dialCalls.length = 0;
    this.#mixmonitors.clear();
    this.core.resetIdentity();
    this.core.devices.clear();
    this.#initDevices();
  }
}
