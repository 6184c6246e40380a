import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { createActionHandler } from './action-handler.ts';
import { BatchFlusher } from './batch-flusher.ts';
import { ClientSession, type SessionHooks } from './client-session.ts';
import { type AmiPortConfig, resolveAmiPortConfig } from './config.ts';
import type { AmiPortStats, PortContext } from './context.ts';
import { AMI_PORT_CODES } from './errors.ts';
import { createEventMirror, type EventMirror } from './event-mirror.ts';
import { createFanOut } from './fan-out.ts';
import { OriginateRoutes } from './originate-routes.ts';
import { PbxStates } from './pbx-states.ts';
import type { AmiPortDeps, AmiPortLogger } from './ports.ts';

export interface AmiPortServerDeps extends AmiPortDeps {
  config?: Partial<AmiPortConfig>;
}

export interface AmiPortServer {
  /** Start accepting connections (and following the event source). Port 0 picks a free port. */
  listen(options: { host?: string; port: number }): Promise<{ port: number }>;
  /** Stop listening, disconnect every client and stop following the event source. */
  close(): Promise<void>;
  stats(): AmiPortStats;
  /**
   * Forget what the port tracked about one PBX's calls (and its mirrored state). Call it
   * when the upstream connection to that PBX was re-established, before the resync
   * snapshot: events missed during the outage would otherwise leave stale channels.
   * The resync list items, given to the event source like any event, rebuild the state.
   */
  resetPbx(pbxId: string): void;
  /**
   * The upstream connection to a PBX was lost: events are being missed. Every logged-in
   * client is disconnected (logged with `CTI_ERR_AMI_UPSTREAM`), as Asterisk's own clients
   * would be, so that none goes on believing it has every event; they log in again and
   * re-read the state.
   */
  upstreamLost(pbxId: string, reason: string): void;
}

const SILENT: AmiPortLogger = { info() {}, warn() {}, error() {} };

/**
 * The AMI-compatible port: legacy AMI applications log in with their CTI
 * credentials and get an AMI session limited to their own extensions and queues.
 */
export function createAmiPortServer(deps: AmiPortServerDeps): AmiPortServer {
  const config = resolveAmiPortConfig(deps.config);
  const mirror: EventMirror | undefined = deps.model ? undefined : createEventMirror();
  const ctx: PortContext = {
    config,
    credentials: deps.credentials,
    principals: deps.principals,
    upstream: deps.upstream,
    audit: deps.audit,
    logger: deps.logger ?? SILENT,
    now: deps.now ?? Date.now,
    model: deps.model ?? mirror!,
    pbx: new PbxStates(config.extensionPattern),
    routes: new OriginateRoutes<ClientSession>(config.originateResponseTtlMs),
    sessions: new Set(),
    pauseReasons: deps.pauseReasons,
    readyGate: deps.readyGate,
    seats: deps.seats,
    stats: { droppedSlowClients: 0, droppedUpstreamLost: 0, eventsDelivered: 0, actionsForwarded: 0, actionsRefused: 0 },
  };
  const log = ctx.logger;
  const onEvent = createFanOut(ctx, mirror);
  const flusher = new BatchFlusher(config.eventBatchMs);
  const hooks: SessionHooks = {
    flusher,
    highWaterMark: config.outboundHighWaterMark,
    maxPendingActions: config.maxPendingActions,
    handle: createActionHandler(ctx),
    stalled(session, queuedBytes) {
      ctx.stats.droppedSlowClients++;
      log.warn(
        { session: session.id, user: session.principal?.username, ip: session.ip, queuedBytes, code: AMI_PORT_CODES.SLOW_CONSUMER },
        'AMI port client did not read its events; disconnected',
      );
    },
    closed(session) {
      session.unwatch?.();
      ctx.sessions.delete(session);
      ctx.routes.dropSession(session);
    },
    failed(session, error) {
      log.error({ err: error, session: session.id }, 'AMI port session failed');
    },
  };
  let server: Server | undefined;
  let unsubscribe: (() => void) | undefined;
  let nextId = 1;

  function accept(socket: Socket): void {
    const ip = socket.remoteAddress ?? 'unknown';
    let waiting = 0;
    let waitingFromIp = 0;
    for (const s of ctx.sessions) {
      if (s.loggedIn) continue;
      waiting++;
      if (s.ip === ip) waitingFromIp++;
    }
    if (waiting >= config.maxUnauthenticated || waitingFromIp >= config.maxUnauthenticatedPerIp) {
      const perIp = waitingFromIp >= config.maxUnauthenticatedPerIp;
      log.warn({ ip, perIp, code: AMI_PORT_CODES.SESSION_LIMIT }, 'AMI port: too many connections waiting to log in');
      socket.destroy();
      return;
    }
    const session = new ClientSession(nextId++, socket, hooks);
    ctx.sessions.add(session);
    session.write(`${config.banner}\r\n`);
    const timer = setTimeout(() => {
      if (session.loggedIn || session.closed) return;
      log.info({ session: session.id, ip: session.ip, code: AMI_PORT_CODES.LOGIN_TIMEOUT }, 'AMI port: no login in time');
      session.destroy();
    }, config.authTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }

  return {
    listen({ host, port }) {
      if (server) return Promise.reject(new Error('The AMI port is already listening'));
      const srv: Server = config.tls ? createTlsServer({ ...config.tls }, accept) : createTcpServer(accept);
      srv.maxConnections = config.maxConnections;
      server = srv;
      unsubscribe = deps.events.subscribe(onEvent);
      return new Promise((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => {
          srv.off('error', reject);
          srv.on('error', (error) => log.error({ err: error }, 'AMI port server error'));
          const address = srv.address();
          const bound = typeof address === 'object' && address !== null ? address.port : port;
          log.info({ host, port: bound, tls: config.tls !== undefined }, 'AMI port listening');
          resolve({ port: bound });
        });
      });
    },
    async close() {
      unsubscribe?.();
      unsubscribe = undefined;
      flusher.stop();
      const srv = server;
      server = undefined;
      for (const session of ctx.sessions) session.destroy();
      ctx.sessions.clear();
      ctx.routes.clear();
      if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
    },
    upstreamLost(pbxId, reason) {
      let dropped = 0;
      for (const session of ctx.sessions) {
        if (!session.loggedIn || session.closed) continue;
        session.destroy();
        dropped++;
      }
      ctx.stats.droppedUpstreamLost += dropped;
      if (dropped > 0) {
        log.warn({ pbx: pbxId, reason, clients: dropped, code: AMI_PORT_CODES.UPSTREAM_LOST }, 'AMI port: upstream connection lost; clients disconnected');
      }
    },
    resetPbx(pbxId) {
      ctx.pbx.reset(pbxId);
      mirror?.reset(pbxId);
    },
    stats() {
      let clients = 0;
      for (const s of ctx.sessions) if (s.loggedIn) clients++;
      return { connections: ctx.sessions.size, clients, ...ctx.stats };
    },
  };
}
