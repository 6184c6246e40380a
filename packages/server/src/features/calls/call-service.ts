import { chanSpyAction } from '@amiable/ami';
import type { PbxLink } from '../common/pbx-link.ts';
import { ServiceErrors } from '../common/service-errors.ts';
import { toDialString } from './dial-number.ts';

/** What the call service reads from the live model. */
export interface CallLookup {
  /** Live channels of an extension's device (not Local halves), oldest first. */
  channelsOfExtension(pbx: string, extension: string): Array<{ uniqueid: string; name: string; linkedid: string }>;
}

export interface CallServiceDeps {
  pbx: PbxLink;
  calls: CallLookup;
  dialing: (pbx: string) => { context: string; deviceTech: string; outboundPrefix: string; defaultCountry: string };
}

export type SpyMode = 'listen' | 'whisper' | 'barge';


export interface Seat {
  pbx: string;
  extension: string;
  name: string;
}

/**
 * Call control for an agent at a seat: click-to-dial, blind and attended transfer,
 * hangup, recording and supervision. Callers never pass channel names: channels are
 * looked up in the model from the agent's extension and the call id.
 */
export class CallService {
  readonly #deps: CallServiceDeps;
  constructor(deps: CallServiceDeps) {
    this.#deps = deps;
  }

  async originate(seat: Seat, to: string): Promise<{ dialed: string }> {
    const d = this.#deps.dialing(seat.pbx);
    const dialed = toDialString(to, d);
    await this.#send(seat.pbx, {
      Action: 'Originate',
      Channel: `${d.deviceTech}/${seat.extension}`,
      Context: d.context,
      Exten: dialed,
      Priority: 1,
      CallerID: `"${seat.name.replace(/["<>\\]/g, '')}" <${seat.extension}>`,
      Timeout: 30000,
      Async: true,
    });
    return { dialed };
  }

  async transfer(seat: Seat, callId: string, to: string, mode: 'blind' | 'attended'): Promise<{ dialed: string }> {
    const d = this.#deps.dialing(seat.pbx);
    const dialed = toDialString(to, d);
    const channel = this.#agentChannel(seat, callId);
    await this.#send(seat.pbx, {
      Action: mode === 'blind' ? 'BlindTransfer' : 'Atxfer',
      Channel: channel.name,
      Exten: dialed,
      Context: d.context,
    });
    return { dialed };
  }

  async hangup(seat: Seat, callId: string): Promise<void> {
    const channel = this.#agentChannel(seat, callId);
    await this.#send(seat.pbx, { Action: 'Hangup', Channel: channel.name, Cause: 16 });
  }

  async record(seat: Seat, callId: string, on: boolean): Promise<{ file: string | null }> {
    const channel = this.#agentChannel(seat, callId);
    if (!on) {
      await this.#send(seat.pbx, { Action: 'StopMixMonitor', Channel: channel.name });
      return { file: null };
    }
    const file = `cti-${channel.linkedid.replace(/[^0-9A-Za-z.-]/g, '_')}-${seat.extension}.wav`;
    await this.#send(seat.pbx, { Action: 'MixMonitor', Channel: channel.name, File: file, Options: 'b' });
    return { file };
  }

  /** Supervisor at `supervisor` listens to, whispers to or barges into the agent at `agent`. */
  async spy(supervisor: Seat, agent: Seat, mode: SpyMode): Promise<void> {
    const d = this.#deps.dialing(agent.pbx);
    if (this.#deps.calls.channelsOfExtension(agent.pbx, agent.extension).length === 0) {
      throw ServiceErrors.noActiveCall(`${agent.name} is not on a call`, { extension: agent.extension });
    }
    const target = this.#deps.calls.channelsOfExtension(agent.pbx, agent.extension)[0]!;
    await this.#send(
      supervisor.pbx,
      chanSpyAction({
        supervisor: `${d.deviceTech}/${supervisor.extension}`,
        target: target.name,
        mode,
        callerId: { name: mode, number: agent.extension },
        timeoutMs: 30000,
      }),
    );
  }

  #agentChannel(seat: Seat, callId: string): { uniqueid: string; name: string; linkedid: string } {
    const channels = this.#deps.calls.channelsOfExtension(seat.pbx, seat.extension);
    if (channels.length === 0) throw ServiceErrors.noActiveCall('You have no call in progress');
    const channel = channels.find((c) => c.linkedid === callId || c.uniqueid === callId);
    if (!channel) throw ServiceErrors.noSuchCall(`Call ${callId} is not one of your calls`, { callId });
    return channel;
  }

  async #send(pbx: string, action: Parameters<PbxLink['send']>[1]): Promise<void> {
    if (!this.#deps.pbx.isReady(pbx)) throw ServiceErrors.pbxUnavailable(`The PBX ${pbx} is not connected`, { pbx });
    try {
      await this.#deps.pbx.send(pbx, action);
    } catch (err) {
      throw ServiceErrors.pbxRejected(`Asterisk refused ${String((action as { Action: string }).Action)}: ${(err as Error).message}`, {
        pbx,
      });
    }
  }
}
