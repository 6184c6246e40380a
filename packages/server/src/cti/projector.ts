import type { AgentView, CtiEvent, CustomerSummary, EventPayload, EventType, QueueView } from '@amiable/protocol';
import type { AgentWorkflowEvent, SignedInAgent } from '../contact-center/signed-in-agent.ts';
import { type Call, type DomainChange, directionFor, type PartyDirection, type PbxModel, queueStats } from '../telephony/index.ts';
import { ILLEGAL_AGENT_TRANSITION, isLegalTransition } from '../contact-center/agent-transitions.ts';
import { activityOf } from './agent-activity.ts';
import { fillTemplate, loggedOutView, sameAgentView } from './agent-view.ts';
import { iso } from './iso.ts';
import type { AgentRoster, CtiEventSink } from './ports.ts';
import { QueueDayStats } from './queue-day-stats.ts';

type CallEventType = Extract<EventType, `call.${string}`>;
/** The fields `#callEvent` fills in itself (`queue` may still be given by the caller). */
type CallEventExtra<K extends CallEventType> = Omit<EventPayload<K>, 'callId' | 'extension' | 'agentId' | 'queue'> & { queue?: string | null };

export interface QueueInfo {
  language: string | null;
  skill: string | null;
  popupUrlTemplate: string | null;
  serviceLevelSeconds: number;
}


export interface ProjectorDeps {
  publish: CtiEventSink;
  agents: AgentRoster;
  models: () => ReadonlyMap<string, PbxModel>;
  findCustomer: (number: string) => Promise<CustomerSummary | null>;
  queueInfo: (queue: string) => QueueInfo;
  now: () => number;
  /** A call ended: persist its record. */
  callEnded?: (pbx: string, call: Call) => void;
  /**
   * A signed-in agent's phone activity started or stopped (ringing, on a call, or back to the
   * workflow state): the timesheet records these intervals, which the workflow alone cannot see.
   */
  activityChanged?: (view: AgentView, previousState: string) => void;
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
  /** `${pbx}|${linkedid}` → extensions currently popped for that call. */
  readonly #ringing = new Map<string, Set<string>>();
  readonly #customers = new Map<string, Promise<CustomerSummary | null>>();
  /** Per-call promise chain so a call's events keep their order across async lookups. */
  readonly #chains = new Map<string, Promise<void>>();
  readonly #dirtyQueues = new Set<string>();
  /** While a domain change is projected: when its AMI event was received (the events' `at`). */
  #causeAt: number | undefined;
  readonly #day: QueueDayStats;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(deps: ProjectorDeps) {
    this.#d = deps;
    this.#day = new QueueDayStats((q) => deps.queueInfo(q).serviceLevelSeconds, deps.now);
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
        if (c.extension) this.#ring(pbx, c.linkedid, c.extension, c.queue);
        this.#dirtyQueues.add(c.queue);
        break;
      case 'dial-begin':
        // A click-to-dial rings its owner's phone first: that is her own call going out, not an offer.
        if (c.destExtension && !this.#queueCall(pbx, c.linkedid) && !this.#isOwner(pbx, c.linkedid, c.destExtension)) {
          this.#ring(pbx, c.linkedid, c.destExtension, null);
        }
        break;
      case 'dial-end':
        if (c.destExtension && c.status !== 'ANSWER') {
          this.#dismiss(pbx, c.linkedid, c.destExtension, c.status === 'CANCEL' ? 'caller-left' : 'no-answer');
        }
        break;
      case 'agent-ring-no-answer':
        if (c.extension) this.#dismiss(pbx, c.linkedid, c.extension, 'no-answer');
        break;
      case 'call-answered':
        if (c.extension) this.#answered(pbx, c.linkedid, c.extension);
        break;
      case 'agent-connected':
        this.#dirtyQueues.add(c.queue);
        break;
      case 'agent-completed':
        // Failures are logged and reported to the agent by the workflow itself.
        void this.#d.agents.callCompleted(pbx, c.interface, c.queue);
        this.#dirtyQueues.add(c.queue);
        break;
      case 'queue-caller-joined':
      case 'queue-caller-left':
        this.#dirtyQueues.add(c.queue);
        break;
      case 'queue-caller-abandoned':
        this.#dirtyQueues.add(c.queue);
        this.#dismissAll(pbx, c.linkedid, 'caller-left');
        break;
      case 'queue-member-added':
      case 'queue-member-removed':
      case 'queue-member-updated':
        this.#member(pbx, c);
        break;
      case 'channel-hold':
        if (c.extension) this.#callEvent(pbx, c.linkedid, c.held ? 'call.held' : 'call.unheld', c.extension, {} as CallEventExtra<'call.held'>);
        break;
      case 'call-transferred':
        if (c.from) {
          this.#callEvent(pbx, c.linkedid, 'call.transferred', c.from, {
            mode: c.transferType,
            to: c.to ?? '',
            toAgentId: c.to ? (this.#d.agents.byExtension(pbx, c.to)?.agentId ?? null) : null,
            result: /fail/i.test(c.result) ? 'failed' : 'success',
          });
        }
        break;
      case 'call-consult':
        this.#consult(pbx, c);
        break;
      case 'call-ended':
        this.#ended(pbx, c.call);
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

  #isOwner(pbx: string, linkedid: string, extension: string): boolean {
    return this.#d.models().get(pbx)?.calls.get(linkedid)?.facts.owner === extension;
  }

  #direction(pbx: string, linkedid: string, extension: string): PartyDirection {
    const model = this.#d.models().get(pbx);
    const call = model?.calls.get(linkedid);
    return model === undefined || call === undefined ? 'inbound' : directionFor(model, call, extension);
  }

  /** The consulting agent sees its consultation; the consulted party's ring closes quietly once it answers. */
  #consult(pbx: string, c: Extract<DomainChange, { type: 'call-consult' }>): void {
    const key = `${pbx}|${c.linkedid}`;
    if (c.phase === 'answered' && c.target) this.#ringing.get(key)?.delete(c.target);
    if (c.extension) {
      const extension = c.extension;
      const target = c.target && /^\+?[0-9*#][0-9*# ().-]*$/.test(c.target) ? c.target : null;
      this.#chain(key, async () => this.#callEvent(pbx, c.linkedid, 'call.consult', extension, { phase: c.phase, target }));
      const agent = this.#d.agents.byExtension(pbx, extension);
      if (agent) this.refreshAgent(agent.agentId);
    }
  }

  #queueCall(pbx: string, linkedid: string): boolean {
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    return (call?.facts.queues.length ?? 0) > 0;
  }

  #ring(pbx: string, linkedid: string, extension: string, queue: string | null): void {
    const key = `${pbx}|${linkedid}`;
    const set = this.#ringing.get(key) ?? new Set<string>();
    if (set.has(extension)) return;
    set.add(extension);
    this.#ringing.set(key, set);
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    const number = call?.facts.callerNumber ?? null;
    const name = call?.facts.callerName ?? null;
    const joined = call?.facts.queueJoinedAt ?? null;
    const info = queue ? this.#d.queueInfo(queue) : null;
    const customer = number ? this.#customer(number) : Promise.resolve(null);
    const direction = this.#direction(pbx, linkedid, extension);
    this.#chain(key, async () => {
      const found = await customer;
      this.#callEvent(pbx, linkedid, 'call.ringing', extension, {
        queue,
        direction,
        callerNumber: number,
        callerName: name,
        language: info?.language ?? call?.facts.customerLanguage ?? found?.language ?? null,
        skill: info?.skill ?? null,
        customer: found,
        popupUrl: info?.popupUrlTemplate ? fillTemplate(info.popupUrlTemplate, { number, name, queue, linkedid, customer: found?.id ?? null }) : null,
        waitSeconds: joined === null ? null : Math.max(0, Math.round((this.#d.now() - joined) / 1000)),
      }, queue);
    });
  }

  #answered(pbx: string, linkedid: string, extension: string): void {
    const key = `${pbx}|${linkedid}`;
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    const joined = call?.facts.queueJoinedAt ?? null;
    const answeredAt = call?.facts.answeredAt ?? this.#d.now();
    // The owner of a click-to-dial hears the callee answer: her call is answered too.
    const owner = call?.facts.owner ?? null;
    const parties = owner !== null && owner !== extension ? [owner, extension] : [extension];
    for (const party of parties) {
      const direction = this.#direction(pbx, linkedid, party);
      this.#chain(key, async () => {
        this.#callEvent(pbx, linkedid, 'call.answered', party, {
          direction,
          callerNumber: call?.facts.callerNumber ?? null,
          callerName: call?.facts.callerName ?? null,
          answeredAt: iso(answeredAt),
          waitSeconds: joined === null ? null : Math.max(0, Math.round((answeredAt - joined) / 1000)),
        });
      });
    }
    const set = this.#ringing.get(key);
    for (const ext of [...(set ?? [])]) if (!parties.includes(ext)) this.#dismiss(pbx, linkedid, ext, 'answered-elsewhere');
    for (const party of parties) set?.delete(party);
  }

  #dismiss(pbx: string, linkedid: string, extension: string, reason: 'answered-elsewhere' | 'caller-left' | 'no-answer'): void {
    const key = `${pbx}|${linkedid}`;
    const set = this.#ringing.get(key);
    if (!set?.delete(extension)) return;
    this.#chain(key, async () => this.#callEvent(pbx, linkedid, 'call.dismissed', extension, { reason }));
  }

  #dismissAll(pbx: string, linkedid: string, reason: 'caller-left'): void {
    for (const ext of [...(this.#ringing.get(`${pbx}|${linkedid}`) ?? [])]) this.#dismiss(pbx, linkedid, ext, reason);
  }

  #ended(pbx: string, call: Call): void {
    const key = `${pbx}|${call.linkedid}`;
    this.#dismissAll(pbx, call.linkedid, 'caller-left');
    const f = call.facts;
    const end = f.endedAt ?? this.#d.now();
    const talk = f.answeredAt === null ? 0 : Math.max(0, (end - f.answeredAt) / 1000);
    const wait = f.queueJoinedAt === null ? 0 : Math.max(0, ((f.answeredAt ?? f.queueLeftAt ?? end) - f.queueJoinedAt) / 1000);
    const queue = f.queues[0] ?? null;
    const outcome = f.answeredAt !== null ? (f.transfers.length > 0 ? 'transferred' : 'answered') : f.abandoned || queue ? 'abandoned' : 'no-answer';
    if (queue) {
      this.#day.record(queue, f.answeredAt !== null ? 'answered' : f.abandoned ? 'abandoned' : 'other', wait, talk);
      this.#dirtyQueues.add(queue);
    }
    const parties = new Set<string>();
    if (f.answeredBy) parties.add(f.answeredBy);
    if (f.currentAgent) parties.add(f.currentAgent);
    if (f.originExtension) parties.add(f.originExtension);
    for (const segment of f.segments) parties.add(segment.extension);
    // Each agent's own talk: an agent who transferred the call is not credited with what followed.
    const talkOf = (ext: string): number => {
      const own = f.segments.filter((s) => s.extension === ext);
      if (own.length === 0) return talk;
      return own.reduce((sum, s) => sum + Math.max(0, ((s.endedAt ?? end) - s.answeredAt) / 1000), 0);
    };
    this.#chain(key, async () => {
      for (const ext of parties) {
        this.#callEvent(pbx, call.linkedid, 'call.ended', ext, {
          duration: Math.max(0, Math.round((end - call.startedAt) / 1000)),
          talkSeconds: Math.round(talkOf(ext)),
          cause: { code: f.hangupCause, text: f.hangupCauseText },
          outcome,
        }, queue);
      }
    });
    this.#chains.delete(key);
    this.#ringing.delete(key);
    this.#d.callEnded?.(pbx, call);
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

  #callEvent<K extends CallEventType>(pbx: string, linkedid: string, type: K, extension: string, extra: CallEventExtra<K>, queue?: string | null): void {
    const agent = this.#d.agents.byExtension(pbx, extension);
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    this.#publish(type, pbx, {
      callId: linkedid,
      extension,
      agentId: agent?.agentId ?? null,
      queue: queue !== undefined ? queue : (call?.facts.queues[0] ?? null),
      ...extra,
    } as EventPayload<K>);
  }

  #customer(number: string): Promise<CustomerSummary | null> {
    let p = this.#customers.get(number);
    if (!p) {
      p = this.#d.findCustomer(number).catch((err: unknown) => {
        this.#d.log?.warn({ err: (err as Error).message }, 'customer lookup failed; the screen-pop goes without a card');
        return null;
      });
      this.#customers.set(number, p);
      // Cache briefly: a ring-all call pops the same customer on every phone.
      setTimeout(() => this.#customers.delete(number), 5000).unref?.();
    }
    return p;
  }

  #chain(key: string, run: () => Promise<void>): void {
    const next = (this.#chains.get(key) ?? Promise.resolve()).then(run).catch((err: unknown) => {
      this.#d.log?.warn({ call: key, err: (err as Error).message }, 'call event not published');
    });
    this.#chains.set(key, next);
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
