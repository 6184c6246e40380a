import { chanSpyAction } from '@amiable/ami';
import type { PbxLink } from '../common/pbx-link.ts';
import { ServiceErrors } from '../common/service-errors.ts';
import { toDialString } from './dial-number.ts';
import { resolveTransfer, type TransferTarget, type TransferTargetKind } from './transfer-targets.ts';

/** What the call service reads from the live model. */
export interface CallLookup {
  /** Live channels of an extension's device (not Local halves), oldest first. */
  channelsOfExtension(pbx: string, extension: string): Array<{ uniqueid: string; name: string; linkedid: string }>;
  /** The queue a call came through, if any. */
  queueOf?(pbx: string, linkedid: string): string | null;
}

export interface CallServiceDeps {
  pbx: PbxLink;
  calls: CallLookup;
  dialing: (pbx: string) => { context: string; deviceTech: string; outboundPrefix: string; defaultCountry: string };
  /** The configured transfer targets, and the queues the PBX reports now. */
  transfers: (pbx: string) => { targets: readonly TransferTarget[]; queues: ReadonlySet<string> };
}

export type SpyMode = 'listen' | 'whisper' | 'barge';


export interface Seat {
  pbx: string;
  extension: string;
  name: string;
}

/**
 * Call control for an agent at a seat: click-to-dial, blind and attended transfer,
 * hangup and supervision (recording is the RecordingService's). Callers never pass channel names: channels are
 * looked up in the model from the agent's extension and the call id.
 */
export class CallService {
  readonly #deps: CallServiceDeps;
  /** `pbx NUL extension` → the user who last asked to spy from that phone. */
  readonly #spiers = new Map<string, string>();
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

  /**
   * Blind or attended transfer of the call on the agent's channel, to an extension, a number or a
   * queue by name (the dialling context routes queue names to Queue(), as `_[a-z].` does in the
   * recorded lab), checked against the configured transfer targets.
   */
  async transfer(seat: Seat, callId: string, to: string, mode: 'blind' | 'attended'): Promise<{ dialed: string; kind: TransferTargetKind }> {
    const d = this.#deps.dialing(seat.pbx);
    const target = resolveTransfer(to, { ...this.#deps.transfers(seat.pbx), defaultCountry: d.defaultCountry, outboundPrefix: d.outboundPrefix });
    const channel = this.#agentChannel(seat, callId);
    await this.#send(seat.pbx, {
      Action: mode === 'blind' ? 'BlindTransfer' : 'Atxfer',
      Channel: channel.name,
      Exten: target.exten,
      Context: d.context,
    });
    return { dialed: target.exten, kind: target.kind };
  }

  /** The agent's own channel in the call, for recording (CTI_ERR_NO_SUCH_CALL when they have none in it). */
  channelOf(seat: Seat, callId: string): { uniqueid: string; name: string; linkedid: string; queue: string | null } {
    const channel = this.#agentChannel(seat, callId);
    return { ...channel, queue: this.#deps.calls.queueOf?.(seat.pbx, channel.linkedid) ?? null };
  }

  /** Whether the agent at `seat` has a channel in the call. */
  holds(seat: Seat, callId: string): boolean {
    return this.#deps.calls.channelsOfExtension(seat.pbx, seat.extension).some((c) => c.linkedid === callId || c.uniqueid === callId);
  }

  async hangup(seat: Seat, callId: string): Promise<void> {
    const channel = this.#agentChannel(seat, callId);
    await this.#send(seat.pbx, { Action: 'Hangup', Channel: channel.name, Cause: 16 });
  }

  /** Who last asked this server to spy from a supervisor's phone (named in `call.supervision`). */
  spiedFrom(pbx: string, extension: string): string | null {
    return this.#spiers.get(`${pbx}\0${extension}`) ?? null;
  }

  /** Supervisor at `supervisor` listens to, whispers to or barges into the agent at `agent`. */
  async spy(supervisor: Seat, agent: Seat, mode: SpyMode): Promise<void> {
    const d = this.#deps.dialing(agent.pbx);
    if (this.#deps.calls.channelsOfExtension(agent.pbx, agent.extension).length === 0) {
      throw ServiceErrors.noActiveCall(`${agent.name} is not on a call`, { extension: agent.extension });
    }
    const target = this.#deps.calls.channelsOfExtension(agent.pbx, agent.extension)[0]!;
    this.#spiers.set(`${supervisor.pbx}\0${supervisor.extension}`, supervisor.name);
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
