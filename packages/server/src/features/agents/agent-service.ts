import type { PbxLink } from '../common/pbx-link.ts';
import { ServiceErrors } from '../common/service-errors.ts';
import { recordPresence, restoreAgents } from './agent-presence.ts';
import type { AgentDirectory, AgentProfile, PresenceStore, QueueAssignment, Timesheet, TimesheetState } from './ports.ts';
import { type MemberRef, QueueMembership, WRAPUP_REASON } from './queue-membership.ts';
import { type AgentWorkflowEvent, type SignedInAgent, snapshotAgent } from './signed-in-agent.ts';
import { DispositionGate } from './disposition-gate.ts';
import { OwnPauseRequests } from './own-pause-requests.ts';
import { WrapupTimers } from './wrapup-timers.ts';

/** The log lines the workflow writes (a pino logger fits). */
export interface WorkflowLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface AgentServiceDeps {
  pbx: PbxLink;
  directory: AgentDirectory;
  timesheet: Timesheet;
  /** Keeps each signed-in agent's state across restarts (restore() reads it back). */
  presence?: PresenceStore;
  now: () => number;
  emit: (event: AgentWorkflowEvent) => void;
  /** Device technology per PBX (`PJSIP`). */
  deviceTech: (pbx: string) => string;
  /** The PBX of an extension named without a workstation; the first configured PBX. */
  defaultPbx: string;
  allowManualExtension: boolean;
  confirmTimeoutMs?: number;
  log?: WorkflowLog;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

export interface SignInRequest {
  extension?: string | undefined;
  workstation?: { mac?: string | undefined; ip?: string | undefined } | undefined;
  /** The client's IP as the gateway saw it: used to find the workstation when none is named. */
  clientIp?: string | undefined;
  /**
   * Set when a desk agent reported `workstation`: the extensions its key is bound to. A workstation
   * whose extension is not among them is refused (`trusted-workstation.ts`).
   */
  reporterExtensions?: readonly string[] | undefined;
  /**
   * A registered desk named by id: a supervisor moving a signed-in agent (`moveToDesk`). Never
   * taken from a client's sign-in request.
   */
  deskId?: string | undefined;
}

/**
 * The agent workflow: sign in/out (timesheet), queues from skills, pause with reasons,
 * wrap-up then Ready, pause after call, roaming between desks. Every change goes to
 * Asterisk as an AMI action and is confirmed by Asterisk's event before it resolves.
 */
export class AgentService {
  readonly #deps: AgentServiceDeps;
  readonly #members: QueueMembership;
  readonly #agents = new Map<string, SignedInAgent>();
  /** Seats whose sign-in is adding queue memberships (pbx NUL extension → agentId), so the added members are attributed. */
  readonly #joining = new Map<string, string>();
  readonly #wrapup: WrapupTimers;
  /** Serialise commands per agent so two clicks cannot interleave their AMI actions. */
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #own = new OwnPauseRequests();
  readonly #gate: DispositionGate;

  constructor(deps: AgentServiceDeps) {
    const presence = deps.presence;
    this.#deps = presence
      ? {
          ...deps,
          emit: (event) => {
            recordPresence(presence, event);
            deps.emit(event);
          },
        }
      : deps;
    this.#members = new QueueMembership(deps.pbx, deps.confirmTimeoutMs ?? 5000);
    this.#gate = new DispositionGate(deps.directory);
    this.#wrapup = new WrapupTimers(deps.timers ?? { setTimeout, clearTimeout }, (agentId) => {
      void this.ready(agentId).catch((err: unknown) => this.#failed(agentId, 'wrap-up-timeout', err));
    });
  }

  list(): Array<Readonly<SignedInAgent>> {
    return [...this.#agents.values()].map(snapshotAgent);
  }

  get(agentId: string): Readonly<SignedInAgent> | undefined {
    const agent = this.#agents.get(agentId);
    return agent && snapshotAgent(agent);
  }

  byExtension(pbx: string, extension: string): Readonly<SignedInAgent> | undefined {
    for (const a of this.#agents.values()) if (a.pbx === pbx && a.extension === extension) return snapshotAgent(a);
    return undefined;
  }

  agentIdAt(pbx: string, extension: string): string | undefined {
    return this.byExtension(pbx, extension)?.agentId ?? this.#joining.get(`${pbx}\0${extension}`);
  }

  signIn(agentId: string, request: SignInRequest): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, () => this.#signIn(agentId, request));
  }

  /** A supervisor moves a signed-in agent to another registered desk: signed out here, signed in there. */
  moveToDesk(agentId: string, deskId: string): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, async () => {
      this.#require(agentId);
      return this.#signIn(agentId, { deskId });
    });
  }

  signOut(agentId: string, reason = 'signed-out'): Promise<void> {
    return this.#serial(agentId, () => this.#signOut(agentId, reason));
  }

  pause(agentId: string, reason: string): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, async () => {
      const agent = this.#require(agentId);
      const info = await this.#deps.directory.pauseReason(reason);
      if (!info) throw ServiceErrors.unknownPauseReason(`Unknown pause reason ${reason}`, { reason });
      await this.#pauseMembers(agent, true, info.code, agent.queues.map((q) => q.queue));
      this.#wrapup.clear(agentId);
      await this.#setState(agent, 'paused', info.code);
      return snapshotAgent(agent);
    });
  }

  /**
   * Back to Ready. Refused with `CTI_ERR_DISPOSITION_REQUIRED` while the agent owes the disposition
   * of her last call (disposition-gate.ts); `force` (a supervisor's forceReady) waives it.
   */
  ready(agentId: string, options: { force?: boolean } = {}): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, async () => {
      const agent = this.#require(agentId);
      if (options.force) agent.dispositionDue = null;
      else await this.#gate.check(agent);
      await this.#pauseMembers(agent, false, undefined, agent.queues.map((q) => q.queue));
      this.#wrapup.clear(agentId);
      await this.#setState(agent, 'ready', null);
      return snapshotAgent(agent);
    });
  }

  async endWrapup(agentId: string): Promise<Readonly<SignedInAgent>> {
    const agent = this.#require(agentId);
    if (agent.state !== 'wrap-up') throw ServiceErrors.notInWrapup('The agent is not in wrap-up', { agentId });
    return this.ready(agentId);
  }

  async pauseAfterCall(agentId: string, enabled: boolean, reason?: string): Promise<Readonly<SignedInAgent>> {
    const agent = this.#require(agentId);
    if (enabled) {
      const code = reason ?? 'after-call';
      if (reason && !(await this.#deps.directory.pauseReason(reason))) {
        throw ServiceErrors.unknownPauseReason(`Unknown pause reason ${reason}`, { reason });
      }
      agent.pauseAfterCall = code;
    } else {
      agent.pauseAfterCall = null;
    }
    this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at: this.#deps.now() });
    return snapshotAgent(agent);
  }

  joinQueue(agentId: string, queue: string, penalty = 0): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, async () => {
      const agent = this.#require(agentId);
      if (!agent.queues.some((q) => q.queue === queue)) {
        const paused = agent.state !== 'ready';
        await this.#members.add(this.#ref(agent), queue, penalty, paused, this.#pauseReason(agent));
        agent.queues.push({ pbx: agent.pbx, queue, penalty, skill: null });
        this.#deps.emit({ type: 'queues', agent: snapshotAgent(agent), at: this.#deps.now() });
      }
      return snapshotAgent(agent);
    });
  }

  leaveQueue(agentId: string, queue: string): Promise<Readonly<SignedInAgent>> {
    return this.#serial(agentId, async () => {
      const agent = this.#require(agentId);
      if (agent.queues.some((q) => q.queue === queue)) {
        await this.#members.remove(this.#ref(agent), queue);
        agent.queues = agent.queues.filter((q) => q.queue !== queue);
        this.#deps.emit({ type: 'queues', agent: snapshotAgent(agent), at: this.#deps.now() });
      }
      return snapshotAgent(agent);
    });
  }

  /**
   * A queue call of this member ended (AgentComplete). Apply "pause after call" or the
   * wrap-up policy: pause in every queue with reason `wrap-up`, and come back by
   * itself when the policy says so. Clients see the state it leads to from this moment
   * (`afterCall`), not only once Asterisk has confirmed the pause. A failure is logged and
   * reported to the agent as a `failed` workflow event.
   */
  callCompleted(pbx: string, iface: string, queue: string | null, linkedid?: string): Promise<void> {
    const agent = [...this.#agents.values()].find((a) => a.pbx === pbx && a.iface === iface);
    if (!agent) return Promise.resolve();
    if (agent.state === 'paused') {
      // Paused during the call: no wrap-up, but the disposition is still owed before Ready.
      return this.#serial(agent.agentId, async () => {
        await this.#oweDisposition(agent, queue, linkedid, true);
      }).catch((err: unknown) => this.#failed(agent.agentId, 'disposition', err));
    }
    const at = this.#deps.now();
    agent.afterCall = agent.pauseAfterCall
      ? { state: 'paused', reason: agent.pauseAfterCall, at }
      : { state: 'wrap-up', reason: WRAPUP_REASON, at };
    this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at });
    const action = agent.pauseAfterCall ? 'pause-after-call' : 'wrap-up';
    return this.#serial(agent.agentId, async () => {
      if (!this.#agents.has(agent.agentId)) return this.#dropAfterCall(agent);
      const owed = await this.#oweDisposition(agent, queue, linkedid, agent.state === 'paused');
      if (agent.state === 'paused') return this.#dropAfterCall(agent);
      const queues = agent.queues.map((q) => q.queue);
      if (agent.pauseAfterCall) {
        const reason = agent.pauseAfterCall;
        agent.pauseAfterCall = null;
        await this.#pauseMembers(agent, true, reason, queues);
        this.#wrapup.clear(agent.agentId);
        await this.#setState(agent, 'paused', reason, at);
        return;
      }
      const profile = await this.#deps.directory.agent(agent.agentId);
      const found = profile ? await this.#deps.directory.wrapupRule(profile, queue) : null;
      // A required disposition keeps the agent in wrap-up even with no wrap-up time (overdue at once).
      const rule = found ?? (owed ? { seconds: 0, mode: 'timeout' as const } : null);
      if (!rule || (rule.seconds <= 0 && rule.mode === 'timeout' && !owed)) return this.#dropAfterCall(agent);
      await this.#pauseMembers(agent, true, WRAPUP_REASON, queues);
      agent.wrapupEndsAt = rule.mode === 'timeout' ? at + rule.seconds * 1000 : null;
      await this.#setState(agent, 'wrap-up', WRAPUP_REASON, at);
      if (rule.mode === 'timeout') this.#wrapup.start(agent.agentId, Math.max(0, at + rule.seconds * 1000 - this.#deps.now()));
    }).catch((err: unknown) => {
      this.#dropAfterCall(agent);
      this.#failed(agent.agentId, action, err);
    });
  }

  /**
   * Asterisk reported a member's pause state (QueueMemberPause): it is the truth. A change this
   * server asked for is already applied; one that matches no request of ours came from another
   * AMI application, and the agent's state follows it (`changedBy: external`). The agent is
   * ready as soon as one of their queues is unpaused, paused once all of them are.
   */
  pauseObserved(pbx: string, iface: string, members: ReadonlyArray<{ paused: boolean; reason: string | null }>, paused: boolean): void {
    const agent = [...this.#agents.values()].find((a) => a.pbx === pbx && a.iface === iface);
    if (!agent || this.#own.isOurs(pbx, iface, paused)) return;
    const anyReady = members.some((m) => !m.paused);
    const at = this.#deps.now();
    if (anyReady && agent.state !== 'ready') {
      this.#wrapup.clear(agent.agentId);
      this.#deps.log?.info({ agentId: agent.agentId, from: agent.state }, 'agent unpaused outside this server');
      this.#apply(agent, 'ready', null, at, 'external');
    } else if (!anyReady && members.length > 0 && agent.state === 'ready') {
      const reason = members.find((m) => m.reason)?.reason ?? null;
      const code = reason && /^[A-Za-z0-9_.:-]{1,64}$/.test(reason) ? reason : 'external';
      this.#deps.log?.info({ agentId: agent.agentId, reason: code }, 'agent paused outside this server');
      this.#apply(agent, code === WRAPUP_REASON ? 'wrap-up' : 'paused', code, at, 'external');
    }
  }

  /**
   * After a resync: re-apply what the CTI server owns if Asterisk lost it (e.g. it restarted).
   * `membership(iface)` lists the member's queues and pause state in the fresh snapshot.
   */
  async reapply(pbx: string, membership: (iface: string) => Array<{ queue: string; paused: boolean }>): Promise<number> {
    let changes = 0;
    for (const agent of [...this.#agents.values()].filter((a) => a.pbx === pbx)) {
      await this.#serial(agent.agentId, async () => {
        const present = new Map(membership(agent.iface).map((m) => [m.queue, m.paused]));
        const shouldPause = agent.state !== 'ready';
        for (const q of agent.queues) {
          const paused = present.get(q.queue);
          if (paused === undefined) {
            await this.#members.add(this.#ref(agent), q.queue, q.penalty, shouldPause, this.#pauseReason(agent));
            changes++;
          } else if (paused !== shouldPause) {
            await this.#pauseMembers(agent, shouldPause, this.#pauseReason(agent), [q.queue], true);
            changes++;
          }
        }
        // A wrap-up restored from before a restart ends when it was due (at once if overdue).
        if (agent.state === 'wrap-up' && agent.wrapupEndsAt !== null && !this.#wrapup.has(agent.agentId)) {
          this.#wrapup.start(agent.agentId, Math.max(0, agent.wrapupEndsAt - this.#deps.now()));
        }
      });
    }
    return changes;
  }

  /**
   * Load the agents signed in when the server last stopped, with their pause, reason,
   * wrap-up and queue choices as they were; the next reapply() makes Asterisk match.
   */
  async restore(): Promise<number> {
    const restored = await restoreAgents(this.#deps);
    for (const agent of restored) this.#agents.set(agent.agentId, agent);
    return restored.length;
  }

  close(): void {
    this.#wrapup.clearAll();
  }

  async #signIn(agentId: string, request: SignInRequest): Promise<Readonly<SignedInAgent>> {
    const profile = await this.#deps.directory.agent(agentId);
    if (!profile) throw ServiceErrors.noSuchAgent(`No agent ${agentId}`, { agentId });
    const seat = await this.#resolveSeat(profile, request);
    const occupant = this.byExtension(seat.pbx, seat.extension);
    if (occupant && occupant.agentId !== agentId) {
      throw ServiceErrors.extensionInUse(`Extension ${seat.extension} is in use by ${occupant.name}`, {
        extension: seat.extension,
      });
    }
    const current = this.#agents.get(agentId);
    if (current && current.pbx === seat.pbx && current.extension === seat.extension) return snapshotAgent(current);
    const movedFrom = current ? current.extension : null;
    if (current) await this.#signOut(agentId, 'moved');

    const queues = (await this.#deps.directory.queueAssignments(agentId)).filter((q) => q.pbx === seat.pbx);
    if (queues.length === 0) throw ServiceErrors.noQueues(`Agent ${profile.name} has no queues on ${seat.pbx}`);
    const iface = `${this.#deps.deviceTech(seat.pbx)}/${seat.extension}`;
    const ref: MemberRef = { pbx: seat.pbx, iface, memberName: profile.name };
    const added: QueueAssignment[] = [];
    const seatKey = `${seat.pbx}\0${seat.extension}`;
    this.#joining.set(seatKey, agentId);
    try {
      try {
        for (const q of queues) {
          await this.#members.add(ref, q.queue, q.penalty, false);
          added.push(q);
        }
      } catch (err) {
        for (const q of added) {
          await this.#members.remove(ref, q.queue).catch((undo: unknown) =>
            this.#deps.log?.warn({ agentId, queue: q.queue, err: (undo as Error).message }, 'sign-in rollback: QueueRemove failed'),
          );
        }
        throw err;
      }
      const at = this.#deps.now();
      const sessionId = await this.#deps.timesheet.openSession({
        agentId,
        pbx: seat.pbx,
        extension: seat.extension,
        workstationId: seat.workstationId,
        at,
      });
      const agent: SignedInAgent = {
        agentId,
        name: profile.name,
        pbx: seat.pbx,
        extension: seat.extension,
        iface,
        sessionId,
        workstationId: seat.workstationId,
        queues,
        state: 'ready',
        reason: null,
        since: at,
        wrapupEndsAt: null,
        pauseAfterCall: null,
        afterCall: null,
        changedBy: 'server',
        dispositionDue: null,
      };
      this.#agents.set(agentId, agent);
      await this.#deps.timesheet.recordState({ agentId, sessionId, extension: seat.extension, state: 'ready', reason: null, at });
      this.#deps.emit({ type: 'signed-in', agent: snapshotAgent(agent), at, movedFrom });
      return snapshotAgent(agent);
    } finally {
      this.#joining.delete(seatKey);
    }
  }

  async #signOut(agentId: string, reason: string): Promise<void> {
    const agent = this.#require(agentId);
    this.#wrapup.clear(agentId);
    for (const q of agent.queues) await this.#members.remove(this.#ref(agent), q.queue);
    this.#agents.delete(agentId);
    const at = this.#deps.now();
    await this.#deps.timesheet.closeSession(agent.sessionId, at, reason);
    this.#deps.emit({ type: 'signed-out', agent: snapshotAgent(agent), at, reason });
  }

  async #resolveSeat(
    profile: AgentProfile,
    request: SignInRequest,
  ): Promise<{ pbx: string; extension: string; workstationId: string | null }> {
    if (request.deskId) {
      const desk = await this.#deps.directory.workstation(request.deskId);
      if (!desk) throw ServiceErrors.unknownWorkstation(`No desk ${request.deskId}`, { workstation: request.deskId });
      return { pbx: desk.pbx, extension: desk.extension, workstationId: desk.id };
    }
    const ws = request.workstation;
    if (ws?.mac || ws?.ip) {
      const match = await this.#deps.directory.matchWorkstation({ mac: ws.mac, ip: ws.ip });
      if (match && request.reporterExtensions && !request.reporterExtensions.includes(match.extension)) {
        throw ServiceErrors.workstationUntrusted(`This desk agent is not bound to workstation ${match.name}`, {
          workstation: match.id,
        });
      }
      if (match) return { pbx: match.pbx, extension: match.extension, workstationId: match.id };
      if (!request.extension) {
        throw ServiceErrors.unknownWorkstation('This workstation is not registered; name an extension you may use', {
          mac: ws.mac ?? null,
          ip: ws.ip ?? null,
        });
      }
    } else if (!request.extension && request.clientIp) {
      const match = await this.#deps.directory.matchWorkstation({ ip: request.clientIp });
      if (match) return { pbx: match.pbx, extension: match.extension, workstationId: match.id };
    }
    const extension = request.extension ?? profile.defaultExtension;
    if (!extension) {
      throw ServiceErrors.unknownWorkstation('This workstation is not registered; name an extension you may use');
    }
    const allowed = profile.allowedExtensions.includes(extension) || profile.defaultExtension === extension;
    if (!allowed || (!this.#deps.allowManualExtension && request.extension)) {
      throw ServiceErrors.extensionNotAllowed(`Extension ${extension} is not one you may use`, { extension });
    }
    return { pbx: this.#deps.defaultPbx, extension, workstationId: null };
  }

  /**
   * The workflow state after a change this server made and Asterisk confirmed. The timesheet is
   * written from what clients see (the projector), so phone activity and workflow share one record.
   */
  async #setState(agent: SignedInAgent, state: TimesheetState, reason: string | null, at = this.#deps.now()): Promise<void> {
    this.#apply(agent, state, reason, at, 'server');
  }

  #apply(agent: SignedInAgent, state: TimesheetState, reason: string | null, at: number, changedBy: 'server' | 'external'): void {
    if (state !== 'wrap-up') agent.wrapupEndsAt = null;
    agent.state = state;
    agent.reason = reason;
    agent.since = at;
    agent.afterCall = null;
    agent.changedBy = changedBy;
    this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at });
  }

  #dropAfterCall(agent: SignedInAgent): void {
    if (agent.afterCall === null) return;
    agent.afterCall = null;
    if (this.#agents.has(agent.agentId)) this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at: this.#deps.now() });
  }

  /** QueuePause on the agent's behalf, known as our own while it is in flight. */
  #pauseMembers(agent: SignedInAgent, paused: boolean, reason: string | undefined, queues: string[], single = false): Promise<void> {
    return this.#own.around(agent.pbx, agent.iface, paused, () => this.#members.pause(this.#ref(agent), paused, reason, queues, single));
  }

  /**
   * A disposition was stored for a call (`callId` on `pbx`). The agent who owed it no longer does;
   * if her wrap-up time has already run out (a timeout policy), she goes Ready now, as the timeout
   * would have done. A failure of that step is logged and sent as `agent.error`.
   */
  dispositionRecorded(pbx: string, callId: string): Promise<void> {
    const agent = [...this.#agents.values()].find((a) => a.pbx === pbx && a.dispositionDue?.callId === callId);
    if (!agent) return Promise.resolve();
    const agentId = agent.agentId;
    return this.#serial(agentId, async () => {
      if (agent.dispositionDue?.callId !== callId || !this.#agents.has(agentId)) return false;
      const at = this.#deps.now();
      agent.dispositionDue = null;
      this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at });
      return agent.state === 'wrap-up' && agent.wrapupEndsAt !== null && agent.wrapupEndsAt <= at && !this.#wrapup.has(agentId);
    })
      .then(async (overdue) => {
        if (overdue) await this.ready(agentId);
      })
      .catch((err: unknown) => this.#failed(agentId, 'wrap-up-timeout', err));
  }

  /** Records the call the agent now owes a disposition for (or none); `announce` emits the change. */
  async #oweDisposition(agent: SignedInAgent, queue: string | null, linkedid: string | undefined, announce: boolean): Promise<boolean> {
    const owed = await this.#gate.owedAfter(agent.pbx, queue, linkedid);
    const changed = (agent.dispositionDue?.callId ?? null) !== (owed?.callId ?? null);
    agent.dispositionDue = owed;
    if (changed && announce && this.#agents.has(agent.agentId)) {
      this.#deps.emit({ type: 'state', agent: snapshotAgent(agent), at: this.#deps.now() });
    }
    return owed !== null;
  }

  /** Something done for the agent without a command failed: log it and tell the agent (`agent.error`). */
  reportFailure(agentId: string, action: string, err: unknown): void {
    this.#failed(agentId, action, err);
  }

  #failed(agentId: string, action: string, err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.#deps.log?.warn({ agentId, action, code: (error as { code?: string }).code, err: error.message }, 'agent workflow step failed');
    const agent = this.#agents.get(agentId);
    if (agent) this.#deps.emit({ type: 'failed', agent: snapshotAgent(agent), at: this.#deps.now(), action, error });
  }

  #pauseReason(agent: SignedInAgent): string | undefined {
    return agent.state === 'wrap-up' ? WRAPUP_REASON : (agent.reason ?? undefined);
  }

  #ref(agent: SignedInAgent): MemberRef {
    return { pbx: agent.pbx, iface: agent.iface, memberName: agent.name };
  }

  #require(agentId: string): SignedInAgent {
    const agent = this.#agents.get(agentId);
    if (!agent) throw ServiceErrors.notSignedIn('The agent is not signed in', { agentId });
    return agent;
  }

  #serial<T>(agentId: string, run: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(agentId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.#locks.set(agentId, settled);
    void settled.then(() => {
      if (this.#locks.get(agentId) === settled) this.#locks.delete(agentId);
    });
    return next;
  }
}
