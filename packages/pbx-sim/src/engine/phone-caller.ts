import type { Channel } from '../model/channel.ts';
import type { CallerApp, CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint } from './devices.ts';
import { hangup, hangupRequest, softHangupRequest } from './events.ts';
import { type CdrRecord, cdr, rtpQosBridged } from './noise.ts';

/**
 * An agent's own phone as the calling party (click-to-dial: Originate of
 * PJSIP/<endpoint> into a dialplan extension).
 */
export class PhoneCaller implements CallerParty {
  readonly channel: Channel;
  readonly records: CdrRecord[] = [];
  app: CallerApp | undefined;
  readonly #core: PbxCore;

  constructor(core: PbxCore, channel: Channel) {
    this.#core = core;
    this.channel = channel;
    channel.handler = { hangup: (_ch, how, cause) => this.#hangupRequested(how, cause) };
  }

  connectedChanged(): void {}
  initialBurstDone(): void {}
  farGone(): void {}

  hangupCaller(cause = 16, soft = true): void {
    const core = this.#core;
    const ch = this.channel;
    if (ch.hungUp) return;
    const recs = this.records.length > 0 ? this.records : [];
    for (const r of recs) cdr(core, ch, r);
    if (soft) softHangupRequest(core, ch, cause);
    hangup(core, ch, cause);
    if (ch.endpoint) refreshEndpoint(core, ch.endpoint);
    core.processedCalls++;
  }

  #hangupRequested(how: 'soft' | 'device', cause: number): void {
    const core = this.#core;
    const ch = this.channel;
    if (ch.hungUp) return;
    if (how === 'device') {
      const peer = ch.bridge?.channels.find((c) => c !== ch);
      if (peer) rtpQosBridged(core, ch, peer);
      hangupRequest(core, ch, cause);
    } else if (!this.app?.quietHangup) softHangupRequest(core, ch, cause);
    if (this.app) this.app.callerGone(this);
    else this.hangupCaller(cause);
  }
}
