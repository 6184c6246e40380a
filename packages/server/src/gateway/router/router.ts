import { randomUUID } from 'node:crypto';
import { type AgentView, CLOSE_CODES, eventDefinition, eventProblems, eventScope, GATEWAY_ERROR_CODES, type SubscriptionFilter } from '@amiable/protocol';
import type { Clock } from '../../identity/clock.ts';
import type { Principal } from '../../identity/principal.ts';
import { ClientStream } from './client-stream.ts';
import { createScopeIndex } from './scope-index.ts';
import {
  type ClientTransport,
  type ConnectRequest,
  DEFAULT_ROUTER_OPTIONS,
  type EventHistory,
  type EventSink,
  type PublishedEvent,
  type RouterMetrics,
  type RouterOptions,
} from './types.ts';
import { createSeatTracker } from './seat-tracker.ts';
import { compileViewer, scopeIndexKeys, type Viewer, viewerIndexKeys, viewerSees } from './viewer.ts';

export interface RouterDeps {
  clock: Clock;
  options?: Partial<RouterOptions>;
  metrics?: RouterMetrics;
  /**
   * When set, every published payload is checked against its catalogue schema and this is called
   * with the problems of an invalid one (the event is still delivered). The server logs them; the
   * tests fail on them.
   */
  invalidEvent?: (event: PublishedEvent, problems: string[]) => void;
  /** Cluster mode: events carry their position in the cluster's stream, and resume reads it. */
  history?: EventHistory;
}

export interface ConnectResult {
  stream: ClientStream;
  /** Events on this connection follow with `seq + 1`. */
  seq: number;
  resumed: boolean;
  mustResync: boolean;
}

/**
 * Fans CTI events out to client streams: scope index first, then the permission and filter
 * check per stream (default deny). Never waits on a socket. Keeps disconnected streams for the
 * resume window so a client that comes back gets what it missed, in order.
 */
export function createRouter(deps: RouterDeps) {
  const history = deps.history;
  const options: RouterOptions = {
    ...DEFAULT_ROUTER_OPTIONS,
    ...deps.options,
    // With a history, nothing is retained per stream, and a client may resume for as long as the history keeps events.
    ...(history ? { retainEvents: 0, resumeWindowMs: history.retentionSeconds * 1000 } : {}),
  };
  const streams = new Map<string, ClientStream>();
  const index = createScopeIndex<ClientStream>();
  let round = 0;
  /** Where agents sit now, followed from the agent events published here. */
  const seats = createSeatTracker();
  const viewerFor = (principal: Principal, filter?: SubscriptionFilter): Viewer => compileViewer(principal, filter, seats);

  const hooks = {
    compile: viewerFor,
    overflow(stream: ClientStream) {
      deps.metrics?.slowConsumerDropped();
      const transport = stream.transport;
      stream.detach(deps.clock.now());
      transport?.close(
        CLOSE_CODES.SLOW_CONSUMER,
        GATEWAY_ERROR_CODES.SLOW_CONSUMER,
        'Outbound queue overflow: the client did not read its events fast enough',
      );
    },
    eventsOut(count: number) {
      deps.metrics?.eventsOut(count);
    },
  };

  const reindex = (stream: ClientStream) => index.set(stream, viewerIndexKeys(stream.viewer));
  const drop = (stream: ClientStream) => {
    streams.delete(stream.id);
    index.remove(stream);
  };
  const expired = (stream: ClientStream) =>
    stream.detachedAt !== null && deps.clock.now() - stream.detachedAt > options.resumeWindowMs;

  const router = {
    options,
    viewerFor,

    /** Where an agent sits now (PBX and extension), as followed from the agent events. */
    seatOf(agentId: string): { pbx: string; extension: string } | undefined {
      return seats.seatOf(agentId);
    },

    /** The agents' queues, for viewers that see queue members (`viewerSees`' `memberOf`). */
    memberOf(agentId: string | undefined): readonly string[] {
      return agentId === undefined ? [] : seats.memberOf(agentId);
    },

    /** Learns where agents sit from a snapshot (a gateway that starts after the agents signed in). */
    seedSeats(agents: readonly AgentView[]): void {
      for (const agentId of seats.seed(agents)) router.agentMoved(agentId);
    },

    /**
     * Delivers one event to every stream allowed to see it. Returns how many streams got it.
     * `position`: the event's place in the cluster's stream (with a history).
     */
    publish(event: PublishedEvent, position?: number): number {
      deps.metrics?.eventIn(event);
      if (!eventDefinition(event.type)) {
        deps.metrics?.eventDenied(event.type);
        return 0;
      }
      if (deps.invalidEvent) {
        const problems = eventProblems(event.type, event.payload);
        if (problems.length > 0) deps.invalidEvent(event, problems);
      }
      const scope = event.scope ?? eventScope(event.type, event.payload, event.pbx);
      // The event that takes an agent out of a queue still reaches that queue's watchers.
      const before = router.memberOf(scope.agent);
      const moved = seats.observe(event);
      if (moved !== undefined) router.agentMoved(moved);
      const body = JSON.stringify({ type: event.type, at: event.at, pbx: event.pbx, scope, payload: event.payload });
      const memberOf = moved === undefined ? before : [...new Set([...before, ...router.memberOf(scope.agent)])];
      const keys = scopeIndexKeys(scope, memberOf);
      const candidates = keys.length === 0 ? streams.values() : index.lookup(keys);
      const mark = ++round;
      let delivered = 0;
      for (const stream of candidates) {
        if (stream.mark === mark) continue;
        stream.mark = mark;
        if (!viewerSees(stream.viewer, event.type, scope, memberOf)) continue;
        stream.deliver(body, position);
        delivered++;
      }
      return delivered;
    },

    /** Opens a stream for a new connection, resuming an earlier one when possible. */
    connect(request: ConnectRequest): ConnectResult {
      const { principal, transport, resume } = request;
      if (resume) {
        const old = streams.get(resume.stream);
        if (old && old.principal.userId === principal.userId && !expired(old) && old.canResumeFrom(resume.seq)) {
          old.transport?.close(CLOSE_CODES.NORMAL, GATEWAY_ERROR_CODES.PROTOCOL, 'Replaced by a newer connection');
          old.setView(principal, request.filter ?? old.filter);
          reindex(old);
          old.attach(transport, resume.seq);
          return { stream: old, seq: resume.seq, resumed: true, mustResync: false };
        }
        if (old && old.principal.userId === principal.userId && !old.transport) drop(old);
      }
      const stream = new ClientStream(randomUUID(), principal, options, hooks);
      stream.setView(principal, request.filter);
      streams.set(stream.id, stream);
      reindex(stream);
      stream.attach(transport, 0);
      return { stream, seq: 0, resumed: false, mustResync: resume !== undefined };
    },

    /**
     * Opens a stream for a new connection. With a history, a resume point is honoured on any
     * node: the stream keeps its id, and the events after the client's seq that it may see are
     * read from the cluster's stream, filtered by its scope, then live events follow. A resume
     * point the stream no longer retains gets a fresh stream (`mustResync`, a snapshot).
     */
    async open(request: ConnectRequest): Promise<ConnectResult> {
      if (!history) return router.connect(request);
      const { principal, transport, resume } = request;
      if (!resume) {
        const opened = router.connect(request);
        opened.stream.resumeAt(history.head());
        return { ...opened, seq: opened.stream.seq };
      }
      const fresh = (): ConnectResult => {
        const opened = router.connect({ principal, transport, ...(request.filter ? { filter: request.filter } : {}) });
        opened.stream.resumeAt(history.head());
        return { stream: opened.stream, seq: opened.stream.seq, resumed: false, mustResync: true };
      };
      const foreign = () => {
        const s = streams.get(resume.stream);
        return s !== undefined && s.principal.userId !== principal.userId;
      };
      if (foreign()) return fresh();
      // Read until nothing new arrived meanwhile: from then on the router delivers live.
      const frames: Array<{ position: number; event: PublishedEvent }> = [];
      let from = resume.seq;
      let cut = history.head();
      for (;;) {
        const more = from < cut ? await history.read(from, cut) : [];
        if (more === undefined) return fresh();
        frames.push(...more);
        from = Math.max(from, cut);
        if (history.head() === cut) break;
        cut = history.head();
      }
      if (foreign()) return fresh();
      let stream = streams.get(resume.stream);
      if (stream) {
        stream.transport?.close(CLOSE_CODES.NORMAL, GATEWAY_ERROR_CODES.PROTOCOL, 'Replaced by a newer connection');
        stream.setView(principal, request.filter ?? stream.filter);
      } else {
        stream = new ClientStream(resume.stream, principal, options, hooks);
        stream.setView(principal, request.filter);
        streams.set(stream.id, stream);
      }
      reindex(stream);
      stream.attach(transport, resume.seq);
      stream.resumeAt(resume.seq);
      for (const { position, event } of frames) {
        const scope = event.scope ?? eventScope(event.type, event.payload, event.pbx);
        if (!eventDefinition(event.type) || !viewerSees(stream.viewer, event.type, scope, router.memberOf(scope.agent))) continue;
        stream.deliver(JSON.stringify({ type: event.type, at: event.at, pbx: event.pbx, scope, payload: event.payload }), position);
      }
      return { stream, seq: resume.seq, resumed: true, mustResync: false };
    },

    /** The seq a snapshot sent now carries: with a history, every event up to the head is in it. */
    snapshotSeq(stream: ClientStream): number {
      if (history) stream.advanceTo(history.head());
      return stream.seq;
    },

    /** The socket of a stream went away: keep the stream for the resume window. */
    disconnected(stream: ClientStream, transport: ClientTransport): void {
      if (stream.transport === transport) stream.detach(deps.clock.now());
    },

    setFilter(stream: ClientStream, filter: SubscriptionFilter | undefined): void {
      stream.setView(stream.principal, filter);
      reindex(stream);
    },

    /** The principal of a user changed (new extension, new team): re-file their streams. */
    updatePrincipal(userId: string, principal: Principal): void {
      for (const stream of streams.values()) {
        if (stream.principal.userId !== userId) continue;
        stream.setView(principal, stream.filter);
        reindex(stream);
      }
    },

    /** An agent sat down at a desk or left it: re-file the streams of that agent. */
    agentMoved(agentId: string): void {
      for (const stream of streams.values()) {
        if (stream.principal.agentId !== agentId) continue;
        stream.setView(stream.principal, stream.filter);
        reindex(stream);
      }
    },

    /** One stream's principal changed (role, scope): from the next event on it sees what the new one may. */
    revise(stream: ClientStream, principal: Principal): void {
      stream.setView(principal, stream.filter);
      reindex(stream);
    },

    /** Closes and forgets one stream (its credentials were revoked): no resume. */
    end(stream: ClientStream, closeCode: number, code: string, message: string): void {
      const transport = stream.transport;
      drop(stream);
      stream.detach(deps.clock.now());
      transport?.close(closeCode, code, message);
    },

    /** Closes and forgets the streams of a user (or of one login session): no resume. */
    disconnectUser(userId: string, sessionId: string | undefined, closeCode: number, code: string, message: string): number {
      let closed = 0;
      for (const stream of [...streams.values()]) {
        if (stream.principal.userId !== userId) continue;
        if (sessionId !== undefined && stream.principal.sessionId !== sessionId) continue;
        const transport = stream.transport;
        drop(stream);
        stream.detach(deps.clock.now());
        transport?.close(closeCode, code, message);
        closed++;
      }
      return closed;
    },

    /** Forgets streams disconnected for longer than the resume window. */
    sweep(): void {
      for (const stream of [...streams.values()]) if (expired(stream)) drop(stream);
    },

    stats(): { streams: number; connected: number; queueDepths: number[] } {
      const depths: number[] = [];
      for (const stream of streams.values()) if (stream.transport) depths.push(stream.queueDepth);
      return { streams: streams.size, connected: depths.length, queueDepths: depths };
    },

    /** Closes every connection (server shutdown). */
    closeAll(message = 'Server shutting down'): void {
      for (const stream of [...streams.values()]) {
        const transport = stream.transport;
        stream.detach(deps.clock.now());
        transport?.close(CLOSE_CODES.GOING_AWAY, GATEWAY_ERROR_CODES.INTERNAL, message);
      }
    },
  } satisfies EventSink & Record<string, unknown>;
  return router;
}
export type Router = ReturnType<typeof createRouter>;
