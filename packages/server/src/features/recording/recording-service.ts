import { mixMonitorAction, mixMonitorMuteAction, stopMixMonitorAction } from '@amiable/ami';
import type { CtiEvent, EventPayload } from '@amiable/protocol';
import { eventMatcher, type PbxLink } from '../common/pbx-link.ts';
import { CtiServiceError, ServiceErrors } from '../common/service-errors.ts';
import { renderRecordingFile } from './recording-template.ts';

export interface RecordingPolicy {
  /** Agents may control the recording of their own calls. */
  agentControl: boolean;
  fileTemplate: string;
  format: string;
  /** Queues whose every answered call is recorded. */
  alwaysQueues: readonly string[];
}

/** An agent's channel in a call, as the live model has it. */
export interface RecordedLeg {
  pbx: string;
  uniqueid: string;
  name: string;
  linkedid: string;
  extension: string;
  agentId: string | null;
  queue: string | null;
}

export interface RecordingServiceDeps {
  pbx: PbxLink;
  policy: RecordingPolicy;
  publish: (event: CtiEvent) => void;
  now: () => number;
  confirmTimeoutMs?: number;
}

/** Who asks: the user, and whether they act on their own call as an agent. */
export interface RecordingRequester {
  userId: string;
  role: 'agent' | 'supervisor' | 'admin' | 'integration';
  /** The agent's own call (an agent acting for themselves). */
  own: boolean;
}

interface Recording {
  leg: RecordedLeg;
  file: string;
  state: 'recording' | 'paused';
  startedAt: number;
  by: string;
}

type Payload = EventPayload<'call.recording'>;

/**
 * Call recording with MixMonitor on the agent's channel: start, pause and resume (MixMonitorMute:
 * Asterisk 22 has no PauseMonitor), stop. Each step resolves once Asterisk confirms it with
 * MixMonitorStart / MixMonitorMute / MixMonitorStop, and is published as `call.recording`.
 * The file name comes from the configured template; no client value reaches it unfiltered, and
 * MixMonitor's `Command` option is never sent.
 */
export class RecordingService {
  readonly #d: RecordingServiceDeps;
  /** `${pbx}|${uniqueid}` of the recorded channel → its recording. */
  readonly #active = new Map<string, Recording>();
  /** `${pbx}|${linkedid}` → the call's recording file, until the call record takes it. */
  readonly #files = new Map<string, string>();

  constructor(deps: RecordingServiceDeps) {
    this.#d = deps;
  }

  /** The recording file of a finished call, for its call record (taken once, then forgotten). */
  takeFile(pbx: string, linkedid: string): string | null {
    const key = `${pbx}|${linkedid}`;
    const file = this.#files.get(key) ?? null;
    this.#files.delete(key);
    return file;
  }

  async start(leg: RecordedLeg, who: RecordingRequester | 'policy'): Promise<{ file: string; state: 'recording' }> {
    this.#allowed(who);
    const key = `${leg.pbx}|${leg.uniqueid}`;
    if (this.#active.has(key)) throw ServiceErrors.alreadyRecording('The call is already being recorded', { callId: leg.linkedid });
    const at = this.#d.now();
    const { fileTemplate, format } = this.#d.policy;
    const file = renderRecordingFile(
      fileTemplate,
      { at, linkedid: leg.linkedid, uniqueid: leg.uniqueid, extension: leg.extension, agent: leg.agentId, queue: leg.queue },
      format,
    );
    await this.#act(leg, mixMonitorAction({ channel: leg.name, file, options: 'b' }), 'MixMonitorStart', {});
    const by = who === 'policy' ? 'policy' : who.userId;
    const rec: Recording = { leg, file, state: 'recording', startedAt: at, by };
    this.#active.set(key, rec);
    // A call keeps its first recording's name for its record; the map is bounded by live calls.
    if (!this.#files.has(`${leg.pbx}|${leg.linkedid}`)) this.#files.set(`${leg.pbx}|${leg.linkedid}`, file);
    if (this.#files.size > 10_000) this.#files.delete(this.#files.keys().next().value!);
    this.#publish(rec, 'recording');
    return { file, state: 'recording' };
  }

  async stop(leg: RecordedLeg, who: RecordingRequester): Promise<{ file: string; state: 'stopped' }> {
    this.#allowed(who);
    const rec = this.#require(leg);
    await this.#act(leg, stopMixMonitorAction({ channel: leg.name }), 'MixMonitorStop', {});
    this.#active.delete(`${leg.pbx}|${leg.uniqueid}`);
    this.#publish(rec, 'stopped');
    return { file: rec.file, state: 'stopped' };
  }

  async pause(leg: RecordedLeg, who: RecordingRequester, paused: boolean): Promise<{ file: string; state: 'recording' | 'paused' }> {
    this.#allowed(who);
    const rec = this.#require(leg);
    const state = paused ? 'paused' : 'recording';
    if (rec.state !== state) {
      await this.#act(leg, mixMonitorMuteAction({ channel: leg.name, state: paused }), 'MixMonitorMute', { State: paused ? '1' : '0' });
      rec.state = state;
      this.#publish(rec, state);
    }
    return { file: rec.file, state };
  }

  /** The recorded channel hung up: Asterisk closed the file. */
  channelGone(pbx: string, uniqueid: string): void {
    const key = `${pbx}|${uniqueid}`;
    const rec = this.#active.get(key);
    if (!rec) return;
    this.#active.delete(key);
    this.#publish(rec, 'stopped');
  }

  /** Refuses an agent when the policy does not let agents control recordings (checked before any lookup). */
  assertAllowed(who: RecordingRequester | 'policy'): void {
    this.#allowed(who);
  }

  #allowed(who: RecordingRequester | 'policy'): void {
    if (who === 'policy' || who.role !== 'agent') return;
    if (!who.own || !this.#d.policy.agentControl) {
      throw ServiceErrors.recordingNotAllowed('Agents may not control recordings here; ask a supervisor');
    }
  }

  #require(leg: RecordedLeg): Recording {
    const rec = this.#active.get(`${leg.pbx}|${leg.uniqueid}`);
    if (!rec) throw ServiceErrors.notRecording('The call is not being recorded', { callId: leg.linkedid });
    return rec;
  }

  async #act(leg: RecordedLeg, action: ReturnType<typeof mixMonitorAction>, confirm: string, fields: Record<string, string>): Promise<void> {
    if (!this.#d.pbx.isReady(leg.pbx)) throw ServiceErrors.pbxUnavailable(`The PBX ${leg.pbx} is not connected`, { pbx: leg.pbx });
    const wait = this.#d.pbx.expect(leg.pbx, eventMatcher(confirm, { Uniqueid: leg.uniqueid, ...fields }), this.#d.confirmTimeoutMs ?? 5000);
    try {
      await this.#d.pbx.send(leg.pbx, action);
    } catch (err) {
      wait.cancel();
      if (err instanceof CtiServiceError) throw err;
      throw ServiceErrors.pbxRejected(`Asterisk refused ${String(action.Action)}: ${(err as Error).message}`, { pbx: leg.pbx });
    }
    try {
      await wait.done;
    } catch {
      wait.cancel();
      throw ServiceErrors.notConfirmed(`Asterisk accepted ${String(action.Action)} but sent no ${confirm}`);
    }
  }

  #publish(rec: Recording, state: Payload['state']): void {
    const { leg } = rec;
    const at = new Date(this.#d.now()).toISOString();
    this.#d.publish({
      type: 'call.recording',
      at,
      pbx: leg.pbx,
      payload: {
        callId: leg.linkedid,
        extension: leg.extension,
        agentId: leg.agentId,
        queue: leg.queue,
        state,
        file: rec.file,
        by: rec.by,
        startedAt: new Date(rec.startedAt).toISOString(),
      },
    });
  }
}
