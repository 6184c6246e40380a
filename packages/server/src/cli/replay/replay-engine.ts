import type { AmiMessage } from '@amiable/ami';
import { buildCallRecord } from '../../call-records/build-call-record.ts';
import type { CallRecord } from '../../call-records/call-record.ts';
import { CallRecordCollector } from '../../call-records/call-record-collector.ts';
import type { AgentInterval, AgentTransitionAnomaly, WrapUpPolicy } from '../../contact-center/agent-state.ts';
import { AgentStateTracker } from '../../contact-center/agent-state-tracker.ts';
import type { ModelAnomaly } from '../../telephony/changes.ts';
import type { DeviceDirectoryOptions } from '../../telephony/device-directory.ts';
import { RestartDetector } from '../../ami-port/restart-detector.ts';
import type { DomainChange } from '../../telephony/changes.ts';
import { ListRouter } from '../../telephony/list-router.ts';
import { PbxModel } from '../../telephony/pbx-model.ts';
import { resyncModel } from '../../telephony/resync.ts';
import { groupListItems } from '../../telephony/snapshot-lists.ts';

export interface ReplayOptions {
  readonly pbx?: string;
  readonly wrapUp?: WrapUpPolicy;
  readonly directory?: DeviceDirectoryOptions;
}

export interface ReplayResult {
  /** Finished calls, by start time. */
  readonly calls: CallRecord[];
  /** Calls still up when the stream ended, built as if they ended then (for information). */
  readonly unfinishedCalls: CallRecord[];
  /** Agent intervals by start time; those still open at the end have `to: null`. */
  readonly intervals: AgentInterval[];
  readonly anomalies: Array<ModelAnomaly | AgentTransitionAnomaly>;
  readonly messages: number;
  readonly endedAt: number | null;
  readonly model: PbxModel;
  readonly tracker: AgentStateTracker;
}

/**
 * Run recorded messages through the same model, agent tracker and call-record
 * collector the server uses. List answers (QueueStatus items and the like)
 * are routed away from the live reducer by ActionID. Timers (wrap-up
 * timeouts) run up to the last message's time, not beyond.
 */
export function replayMessages(messages: readonly AmiMessage[], options: ReplayOptions = {}): ReplayResult {
  return replaySessions([messages], options);
}

/**
 * Replay the successive sessions of one PBX, in order. Each later session is
 * a reconnect: its list answers (CoreShowChannels, QueueStatus…) are the
 * snapshot the server's resync would take, applied at the session's first
 * message through the same `resyncModel` (none at all means an empty PBX).
 * When its FullyBooted reports a later boot, Asterisk restarted in between,
 * and calls gone from the snapshot end with `hangupBy: 'pbx-restart'`.
 */
export function replaySessions(sessions: ReadonlyArray<readonly AmiMessage[]>, options: ReplayOptions = {}): ReplayResult {
  const pbx = options.pbx ?? 'pbx';
  let model = new PbxModel({ pbx, ...(options.directory === undefined ? {} : { directoryOptions: options.directory }) });
  const tracker = new AgentStateTracker({ pbx, ...(options.wrapUp === undefined ? {} : { wrapUp: options.wrapUp }) });
  const collector = new CallRecordCollector({ pbx, directory: model.directory, wrapUpOpenFor: (id) => tracker.wrapUpOpenFor(id) });
  const restarts = new RestartDetector();
  const calls = new Map<string, CallRecord>();
  const intervals: AgentInterval[] = [];
  const anomalies: Array<ModelAnomaly | AgentTransitionAnomaly> = [];
  let endedAt: number | null = null;

  const onAgent = (changes: ReturnType<AgentStateTracker['apply']>): void => {
    for (const ac of changes) {
      if (ac.type === 'agent-interval') intervals.push(ac.interval);
      else if (ac.type === 'agent-anomaly') anomalies.push(ac);
      const ev = collector.onAgentChange(ac);
      if (ev !== null) calls.set(ev.record.linkedid, ev.record);
    }
  };

  const onChanges = (changes: readonly DomainChange[]): void => {
    for (const change of changes) {
      if (change.type === 'anomaly') anomalies.push(change);
      onAgent(tracker.apply(change));
      const ev = collector.onDomainChange(change);
      if (ev !== null) calls.set(ev.record.linkedid, ev.record);
    }
  };

  sessions.forEach((messages, index) => {
    const first = messages[0];
    if (index > 0 && first !== undefined) {
      const restarted = messages.some((m) => restarts.isRestart(m));
      const listRouter = new ListRouter();
      const items = messages.filter((m) => listRouter.route(m) === 'list-item');
      const resync = resyncModel(model, groupListItems(items), first.receivedAt, { restarted });
      model = resync.model;
      onChanges(resync.changes);
    } else for (const m of messages) restarts.isRestart(m);
    const router = new ListRouter();
    for (const msg of messages) {
      endedAt = msg.receivedAt;
      if (router.route(msg) !== 'live') continue;
      onChanges(model.apply(msg, msg.receivedAt));
    }
  });
  if (endedAt !== null) onAgent(tracker.advance(endedAt));

  const unfinished = [...model.calls.values()].map((call) => {
    call.facts.endedAt = endedAt;
    return buildCallRecord({ pbx, directory: model.directory }, call, null);
  });
  intervals.push(...tracker.openIntervals());
  intervals.sort((a, b) => a.from - b.from || a.extension.localeCompare(b.extension) || (a.queue ?? '').localeCompare(b.queue ?? ''));
  const finished = [...calls.values()].sort((a, b) => a.startedAt - b.startedAt || a.linkedid.localeCompare(b.linkedid));
  const count = sessions.reduce((n, s) => n + s.length, 0);
  return { calls: finished, unfinishedCalls: unfinished, intervals, anomalies, messages: count, endedAt, model, tracker };
}
