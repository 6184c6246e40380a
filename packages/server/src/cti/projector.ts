import type { AgentView, CtiEvent, EventPayload, EventType, QueueView } from '@amiable/protocol';
import type { AgentWorkflowEvent, SignedInAgent } from '../contact-center/signed-in-agent.ts';
import { type Call, type DomainChange, type PbxModel, queueStats } from '../telephony/index.ts';
import { ILLEGAL_AGENT_TRANSITION, isLegalTransition } from '../contact-center/agent-transitions.ts';
import { activityOf } from './agent-activity.ts';
import { loggedOutView, sameAgentView } from './agent-view.ts';
import { type CallEventExtra, CallEventProjection } from './call-events.ts';
import { iso } from './iso.ts';
import type { AgentRoster, CtiEventSink, CustomerAnswer } from './ports.ts';
import { QueueDayStats } from './queue-day-stats.ts';
import { supervisionPayload } from './supervision-event.ts';


export interface QueueInfo {
  language: string | null;
  skill: string | null;
  popupUrlTemplate: string | null;
  serviceLevelSeconds: number;
  serviceLevelTargetPercent: number;
  longestWaitAlertSeconds: number;
}


export interface ProjectorDeps {
  publish: CtiEventSink;
  agents: AgentRoster;
  models: () => ReadonlyMap<string, PbxModel>;
  /** The screen pop's customer: the directory's, merged with a CRM's when one is configured. */
  findCustomer: (number: string) => CustomerAnswer;
  queueInfo: (queue: string) => QueueInfo;
  now: () => number;
  /** A call ended: persist its record. */
  callEnded?: (pbx: string, call: Call) => void;
  /**
   * A signed-in agent's phone activity started or stopped (ringing, on a call, or back to the
   * workflow state): the timesheet records these intervals, which the workflow alone cannot see.
   */
  activityChanged?: (view: AgentView, previousState: string) => void;
  /** The user who asked this server to spy from a supervisor's extension (for `call.supervision`). */
  supervisorAt?: (pbx: string, extension: string) => string | null;
  statsIntervalMs?: number;
  /** Warnings: failed lookups, illegal agent transitions. */
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Turns domain changes (from the telephony reducer) and agent workflow events into
 * the CTI events of the catalogue, and keeps the per-agent and per-queue views that
 * snapshots are built from.
 */
export class CtiProjector {
  readonly #d: ProjectorDeps;
  readonly #lastAgent = new Map<string, AgentView>();
  readonly #calls: CallEventProjection;
  readonly #dirtyQueues = new Set<string>();
  /** While a domain change is projected: when its AMI event was received (the events' `at`). */
  #causeAt: number | undefined;
  readonly #day: QueueDayStats;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(deps: ProjectorDeps) {
    this.#d = deps;
    this.#day = new QueueDayStats((q) => deps.queueInfo(q).serviceLevelSeconds, deps.now);
    this.#calls = new CallEventProjection({
      ...deps,
      publish: (type, pbx, payload) => this.#publish(type, pbx, payload),
      refreshAgent: (agentId) => this.refreshAgent(agentId),
      queueCallEnded: (queue, outcome, wait, talk) => {
        this.#day.record(queue, outcome, wait, talk);
        this.#dirtyQueues.add(queue);
      },
    });
    this.#timer = setInterval(() => this.flushQueueStats(), deps.statsIntervalMs ?? 250);
    this.#timer.unref?.();
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  get dayStats(): QueueDayStats {
    return this.#day;
  }

  workflow(event: AgentWorkflowEvent): void {
    const a = event.agent;
    if (event.type === 'failed') {
      const code = (event.error as { code?: unknown }).code;
      this.#publish('agent.error', a.pbx, {
        agentId: a.agentId,
        extension: a.extension,
        action: event.action,
        code: typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'CTI_ERR_INTERNAL',
        message: event.error.message.replace(/[\u0000-\u001f]/g, ' ').slice(0, 500),
      });
      return;
    }
    if (event.type === 'signed-in' || event.type === 'signed-out') {
      this.#publish('agent.session', a.pbx, {
        agentId: a.agentId,
        action: event.type,
        sessionId: a.sessionId,
        extension: a.extension,
        workstation: a.workstationId ? { id: a.workstationId, name: null, mac: null, ip: null } : null,
        at: iso(event.at),
        reason: event.type === 'signed-out' ? event.reason : null,
      });
    }
    for (const q of a.queues) this.#dirtyQueues.add(q.queue);
    if (event.type === 'signed-out') {
      this.#emitAgent(loggedOutView(a, event.at), a.pbx);
      return;
    }
    this.refreshAgent(a.agentId);
  }

  /**
   * Events that follow directly from a change carry, as `at`, the time the change was
   * applied: for live events the receipt of the AMI bytes, so a client can tell how
   * old the fact is, whatever the server's own processing took.
   */
  changes(pbx: string, changes: readonly DomainChange[]): void {
    try {
      for (const c of changes) {
        this.#causeAt = c.at;
        this.#change(pbx, c);
      }
    } finally {
      this.#causeAt = undefined;
    }
  }

  /** After a resync: every view may have moved. */
  resynced(pbx: string): void {
    for (const a of this.#d.agents.list()) if (a.pbx === pbx) this.refreshAgent(a.agentId);
    const model = this.#d.models().get(pbx);
    for (const q of model?.queues.keys() ?? []) this.#dirtyQueues.add(q);
  }

  agentView(a: Readonly<SignedInAgent>): AgentView {
    const activity = activityOf(this.#d.models().get(a.pbx), a.extension);
    // After AgentComplete the agent goes straight to wrap-up (or the pause after call), even
    // before Asterisk confirms the pause: never "ready" in between.
    const flow = a.afterCall ?? { state: a.state, reason: a.reason, at: a.since };
    const state = activity.state ?? flow.state;
    return {
      agentId: a.agentId,
      name: a.name,
      state,
      reason: activity.state ? null : flow.reason,
      since: iso(activity.state ? this.#sinceOf(a.agentId, state) : flow.at),
      extension: a.extension,
      queues: a.queues.map((q) => q.queue),
      wrapupEndsAt: a.wrapupEndsAt === null ? null : iso(a.wrapupEndsAt),
      pauseAfterCall: a.pauseAfterCall,
      callId: activity.callId,
      changedBy: a.changedBy,
      dispositionDue: a.dispositionDue ? { ...a.dispositionDue } : null,
    };
  }

  queueView(pbx: string, queue: string): QueueView {
    const model = this.#d.models().get(pbx);
    const now = this.#d.now();
    const stats = model ? queueStats(model, queue, now) : undefined;
    const info = this.#d.queueInfo(queue);
    const counts = { ready: 0, onCall: 0, wrapup: 0, paused: 0, signedIn: 0 };
    const q = model?.queues.get(queue);
    for (const m of q?.members.values() ?? []) {
      const agent = m.extension ? this.#d.agents.byExtension(pbx, m.extension) : undefined;
      counts.signedIn++;
      const state = agent ? this.agentView(agent).state : m.paused ? 'paused' : m.status === 2 || m.status === 3 ? 'on-call' : 'ready';
      if (state === 'ready' || state === 'ringing') counts.ready++;
      else if (state === 'on-call') counts.onCall++;
      else if (state === 'wrap-up') counts.wrapup++;
      else if (state === 'paused') counts.paused++;
    }
    return {
      queue,
      language: info.language,
      skill: info.skill,
      waiting: stats?.waiting ?? 0,
      longestWaitSeconds: stats?.longestWaitSeconds ?? 0,
      ...counts,
      ...this.#day.view(queue),
      serviceLevelTargetPercent: info.serviceLevelTargetPercent,
      longestWaitAlertSeconds: info.longestWaitAlertSeconds,
    };
  }

  refreshAgent(agentId: string): void {
    const a = this.#d.agents.get(agentId);
    if (a) this.#emitAgent(this.agentView(a), a.pbx);
  }

  flushQueueStats(): void {
    if (this.#dirtyQueues.size === 0) return;
    const queues = [...this.#dirtyQueues];
    this.#dirtyQueues.clear();
    for (const [pbx, model] of this.#d.models()) {
      for (const queue of queues) if (model.queues.has(queue)) this.#publish('queue.stats', pbx, this.queueView(pbx, queue));
    }
  }

  #change(pbx: string, c: DomainChange): void {
    switch (c.type) {
      case 'agent-called':
        if (c.extension) this.#calls.ring(pbx, c.linkedid, c.extension, c.queue);
        this.#dirtyQueues.add(c.queue);
        break;
      case 'dial-begin':
        // A click-to-dial rings its owner's phone first: that is her own call going out, not an offer.
        if (c.destExtension && !this.#calls.queueCall(pbx, c.linkedid) && !this.#calls.isOwner(pbx, c.linkedid, c.destExtension)) {
          this.#calls.ring(pbx, c.linkedid, c.destExtension, null);
        }
        break;
      case 'dial-end':
        if (c.destExtension && c.status !== 'ANSWER') {
          this.#calls.dismiss(pbx, c.linkedid, c.destExtension, c.status === 'CANCEL' ? 'caller-left' : 'no-answer');
        }
        break;
      case 'agent-ring-no-answer':
        if (c.extension) this.#calls.dismiss(pbx, c.linkedid, c.extension, 'no-answer');
        break;
      case 'call-answered':
        if (c.extension) this.#calls.answered(pbx, c.linkedid, c.extension);
        break;
      case 'agent-connected':
        this.#dirtyQueues.add(c.queue);
        break;
      case 'agent-completed':
        // Failures are logged and reported to the agent by the workflow itself.
        void this.#d.agents.callCompleted(pbx, c.interface, c.queue, c.linkedid);
        this.#dirtyQueues.add(c.queue);
        break;
      case 'queue-caller-joined':
      case 'queue-caller-left':
        this.#dirtyQueues.add(c.queue);
        break;
      case 'queue-caller-abandoned':
        this.#dirtyQueues.add(c.queue);
        this.#calls.dismissAll(pbx, c.linkedid, 'caller-left');
        break;
      case 'queue-member-added':
      case 'queue-member-removed':
      case 'queue-member-updated':
        this.#member(pbx, c);
        break;
      case 'channel-hold':
        if (c.extension) this.#calls.callEvent(pbx, c.linkedid, c.held ? 'call.held' : 'call.unheld', c.extension, {} as CallEventExtra<'call.held'>);
        break;
      case 'call-transferred':
        if (c.from) {
          this.#calls.callEvent(pbx, c.linkedid, 'call.transferred', c.from, {
            mode: c.transferType,
            to: c.to ?? '',
            toAgentId: c.to ? (this.#d.agents.byExtension(pbx, c.to)?.agentId ?? null) : null,
            result: /fail/i.test(c.result) ? 'failed' : 'success',
          });
        }
        break;
      case 'call-consult':
        this.#calls.consult(pbx, c);
        break;
      case 'call-ended':
        this.#calls.ended(pbx, c.call);
        break;
      case 'call-spy':
        this.#publish(
          'call.supervision',
          pbx,
          supervisionPayload(c, {
            model: this.#d.models().get(pbx),
            agentIdAt: (ext) => this.#d.agents.agentIdAt(pbx, ext),
            supervisorAt: (ext) => this.#d.supervisorAt?.(pbx, ext) ?? null,
          }),
        );
        break;
      case 'channel-created':
      case 'channel-state':
      case 'channel-hungup':
        if (c.extension) {
          const agent = this.#d.agents.byExtension(pbx, c.extension);
          if (agent) this.refreshAgent(agent.agentId);
        }
        break;
      default:
        break;
    }
  }

  #member(pbx: string, c: Extract<DomainChange, { type: 'queue-member-added' | 'queue-member-removed' | 'queue-member-updated' }>): void {
    const m = c.member;
    this.#dirtyQueues.add(m.queue);
    const change =
      c.type === 'queue-member-added' ? 'added' : c.type === 'queue-member-removed' ? 'removed' : c.cause === 'pause' ? (m.paused ? 'paused' : 'unpaused') : c.cause === 'penalty' ? 'penalty' : null;
    const agent = m.extension ? this.#d.agents.byExtension(pbx, m.extension) : undefined;
    if (agent && c.type === 'queue-member-updated' && c.cause === 'pause') {
      // Asterisk's pause state is the truth: reconcile the workflow with it.
      const model = this.#d.models().get(pbx);
      const all = [...(model?.queues.values() ?? [])].flatMap((q) => {
        const own = q.members.get(m.interface);
        return own ? [{ paused: own.paused, reason: own.pausedReason || null }] : [];
      });
      this.#d.agents.pauseObserved(pbx, m.interface, all, m.paused);
    }
    if (agent) this.refreshAgent(agent.agentId);
    if (!change) return;
    this.#publish('queue.member', pbx, {
      queue: m.queue,
      change,
      agentId: agent?.agentId ?? (m.extension ? this.#d.agents.agentIdAt(pbx, m.extension) : undefined) ?? null,
      extension: m.extension,
      interface: m.interface,
      paused: m.paused,
      reason: m.pausedReason && /^[A-Za-z0-9_.:-]+$/.test(m.pausedReason) ? m.pausedReason : null,
      penalty: Math.max(0, m.penalty),
    });
  }

  #emitAgent(view: AgentView, pbx: string): void {
    const last = this.#lastAgent.get(view.agentId);
    if (last && sameAgentView(last, view)) return;
    this.#lastAgent.set(view.agentId, view);
    if (last && last.state !== view.state && !isLegalTransition(last.state, view.state)) {
      // The same table `cti replay` runs: logged, never silently applied.
      this.#d.log?.warn(
        { code: ILLEGAL_AGENT_TRANSITION, agentId: view.agentId, extension: view.extension, from: last.state, to: view.state },
        'illegal agent state transition',
      );
    }
    // The timesheet records what clients see: phone activity and workflow in one sequence.
    if (last && last.state !== 'logged-out' && view.state !== 'logged-out' && (last.state !== view.state || last.reason !== view.reason)) {
      this.#d.activityChanged?.(view, last.state);
    }
    const { callId: _callId, ...payload } = view;
    this.#publish('agent.state', pbx, { ...payload, previousState: last?.state ?? null });
  }

  #sinceOf(agentId: string, state: string): number {
    const last = this.#lastAgent.get(agentId);
    return last && last.state === state ? Date.parse(last.since) : this.#d.now();
  }

  #publish<K extends EventType>(type: K, pbx: string | undefined, payload: EventPayload<K>): void {
    this.#d.publish({ type, at: iso(this.#causeAt ?? this.#d.now()), ...(pbx ? { pbx } : {}), payload } as Extract<CtiEvent, { type: K }>);
  }
}
