import type { Channel } from '../model/channel.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { PERM } from '../ami/permissions.ts';
import { cs } from '../model/snapshot.ts';

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

  constructor(core: PbxCore, party: CallerParty, data: string) {
    this.#core = core;
    this.#party = party;
    const [spec = '', options = ''] = data.split(',');
    this.#target = findTarget(core, spec, options.includes('u'));
    party.app = this;
  }

  start(): void {
    const spyer = this.#party.channel;
    if (!this.#target || this.#target.hungUp) {
      this.#core.scheduler.after(1000, () => this.#party.hangupCaller());
      return;
    }
    this.#active = true;
    chanSpyEvent(this.#core, 'ChanSpyStart', spyer, this.#target);
    this.#watch();
  }

  #watch(): void {
    this.#core.scheduler.after(500, () => {
      if (!this.#active) return;
      if (this.#target?.hungUp) {
        this.#stop();
        this.#party.hangupCaller();
        return;
      }
      this.#watch();
    });
  }

  #stop(): void {
    if (!this.#active || !this.#target) return;
    this.#active = false;
    chanSpyEvent(this.#core, 'ChanSpyStop', this.#party.channel, this.#target);
  }

  callerGone(party: CallerParty): void {
    this.#stop();
    party.hangupCaller();
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
