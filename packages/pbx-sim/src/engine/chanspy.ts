import type { Channel } from '../model/channel.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { PERM } from '../ami/permissions.ts';
import { cs } from '../model/snapshot.ts';
import { rtpQos } from './noise.ts';

/**
 * Supervisor listen / whisper / barge: ChanSpy(<target>,<options>) run on the
 * supervisor's answered phone. The session ends when the supervisor hangs up,
 * or, with the `E` option, when the spied channel does.
 */
export class ChanSpySession implements CallerApp {
  readonly #core: PbxCore;
  readonly #party: CallerParty;
  readonly #target: Channel | undefined;
  #active = false;
  /** The `E` option: leave when the spied-on channel hangs up. */
  readonly #exitWithTarget: boolean;

  constructor(core: PbxCore, party: CallerParty, data: string) {
    this.#core = core;
    this.#party = party;
    const [spec = '', options = ''] = data.split(',');
    this.#target = findTarget(core, spec, options.includes('u'));
    this.#exitWithTarget = options.includes('E');
    party.app = this;
  }

  /**
   * As recorded (chanspy-listen-whisper-barge): ChanSpyStart about 0.1 s after the supervisor
   * answers. With `E`, the target's hangup gives ChanSpyStop before the target's Hangup, and the
   * supervisor leg then ends by itself with cause 0 "Unknown" (no SoftHangupRequest).
   */
  start(): void {
    if (!this.#target || this.#target.hungUp) {
      this.#core.scheduler.after(1000, () => this.#party.hangupCaller());
      return;
    }
    const target = this.#target;
    this.#core.scheduler.after(100, () => {
      if (this.#party.channel.hungUp) return;
      if (target.hungUp) {
        if (this.#exitWithTarget) this.#party.hangupCaller(0, false);
        return;
      }
      this.#active = true;
      chanSpyEvent(this.#core, 'ChanSpyStart', this.#party.channel, target);
      const watchers = this.#core.hangupWatchers.get(target) ?? [];
      watchers.push(() => this.#targetGone());
      this.#core.hangupWatchers.set(target, watchers);
    });
  }

  #targetGone(): void {
    if (!this.#active) return;
    this.#stop();
    if (!this.#exitWithTarget) return;
    this.#core.scheduler.after(1, () => {
      rtpQos(this.#core, this.#party.channel);
      this.#party.hangupCaller(0, false);
    });
  }

  #stop(): void {
    if (!this.#active || !this.#target) return;
    this.#active = false;
    chanSpyEvent(this.#core, 'ChanSpyStop', this.#party.channel, this.#target);
  }

  readonly quietHangup = true;

  /** The supervisor was hung up (AMI Hangup): ChanSpyStop, then the Hangup, as recorded. */
  callerGone(party: CallerParty): void {
    this.#stop();
    rtpQos(this.#core, party.channel);
    party.hangupCaller(16, false);
  }
}

function findTarget(core: PbxCore, spec: string, exact: boolean): Channel | undefined {
  const direct = core.findChannel(spec);
  if (direct || exact) return direct;
  for (const ch of core.channels.values()) if (ch.name.startsWith(spec) && !ch.hungUp) return ch;
  return undefined;
}

/** ChanSpyStart/Stop carry the supervisor (Spyer) and target (Spyee) snapshots. */
export function chanSpyEvent(core: PbxCore, name: 'ChanSpyStart' | 'ChanSpyStop', spyer: Channel, spyee: Channel): void {
  core.bus.emitLazy(name, PERM.call, () => [...cs(spyer, 'Spyer'), ...cs(spyee, 'Spyee')]);
}
