import {
  CLOSE_CODES,
  ClientFrameSchema,
  type ClientFrame,
  GATEWAY_ERROR_CODES as CODES,
  HelloFrameSchema,
  PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  SubscribeFrameSchema,
  type WelcomeFrame,
} from '@amiable/protocol';
import type { WebSocket } from 'ws';
import type { AuthService } from '../../identity/auth-service.ts';
import type { LivePrincipals, LiveVerdict } from '../../identity/live-principals.ts';
import type { Principal } from '../../identity/principal.ts';
import type { Auditor } from '../audit.ts';
import type { CommandExecutor } from '../commands/execute.ts';
import { validationIssues } from '../commands/validate.ts';
import { renderError } from '../error-body.ts';
import type { StateView } from '../ports.ts';
import type { ClientStream } from '../router/client-stream.ts';
import type { Router } from '../router/router.ts';
import type { ClientTransport } from '../router/types.ts';
import { visibleState } from '../visible-state.ts';
import { createFrameBudget } from './frame-budget.ts';
import { createWsTransport } from './ws-transport.ts';

export interface WsSessionDeps {
  auth: AuthService;
  /** The principal change stream, per connection: update the view or close with 4003. */
  live: LivePrincipals;
  router: Router;
  state: StateView;
  execute: CommandExecutor;
  audit: Auditor;
  helloTimeoutMs: number;
  heartbeatMs: number;
  closeGraceMs: number;
  /** Frames per second a connection may send on average, and at once; beyond, close 4029. */
  maxFramesPerSecond: number;
  frameBurst: number;
  now?: () => number;
}

/**
 * One WebSocket connection: `hello` (authentication, resume), then `subscribe`, `command` and
 * `ping` frames. Events reach the socket through the router; everything else the session sends
 * goes through the same stream so frames stay in order.
 */
export function runWsSession(deps: WsSessionDeps, socket: WebSocket, ip: string): void {
  const transport: ClientTransport = createWsTransport(socket, deps.closeGraceMs);
  let stream: ClientStream | undefined;
  let phase: 'hello' | 'authenticating' | 'open' | 'closed' = 'hello';
  const early: string[] = [];
  const now = deps.now ?? Date.now;
  const budget = createFrameBudget({ perSecond: deps.maxFramesPerSecond, burst: deps.frameBurst }, now());
  /** A snapshot is due after the subscribes read so far; one is sent however many there were. */
  let snapshotDue = false;
  let unwatch: (() => void) | undefined;

  const refuse = (closeCode: number, code: string, message: string) => {
    phase = 'closed';
    transport.close(closeCode, code, message);
  };
  const send = (frame: unknown) => {
    if (stream && stream.transport === transport) stream.sendControl(frame);
  };

  const helloTimer = setTimeout(
    () => refuse(CLOSE_CODES.UNAUTHENTICATED, CODES.UNAUTHENTICATED, 'No hello received in time'),
    deps.helloTimeoutMs,
  );
  helloTimer.unref();

  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, deps.heartbeatMs);
  heartbeat.unref();

  socket.on('close', () => {
    phase = 'closed';
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    unwatch?.();
    if (stream) deps.router.disconnected(stream, transport);
  });

  socket.on('message', (raw, isBinary) => {
    if (phase === 'closed') return;
    if (!budget.take(now())) {
      return refuse(
        CLOSE_CODES.RATE_LIMITED,
        CODES.RATE_LIMITED,
        `Too many frames: at most ${deps.frameBurst} at once and ${deps.maxFramesPerSecond} per second`,
      );
    }
    const text = isBinary ? '' : raw.toString();
    if (phase === 'authenticating') early.push(text);
    else void handle(text);
  });

  async function handle(text: string): Promise<void> {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(text) as ClientFrame;
    } catch {
      return refuse(CLOSE_CODES.PROTOCOL_ERROR, CODES.PROTOCOL, 'Frames must be JSON text');
    }
    if (phase === 'hello') return hello(frame);
    if (!frameValid(frame)) return;
    switch (frame.op) {
      case 'hello':
        return send({ op: 'error', code: CODES.PROTOCOL, message: 'Already authenticated' });
      case 'ping':
        return send({ op: 'pong', ...(frame.id ? { id: frame.id } : {}), at: new Date().toISOString() });
      case 'subscribe':
        return subscribe(frame);
      case 'command':
        return command(frame.id, frame.name, frame.args);
    }
  }

  function frameValid(frame: ClientFrame): boolean {
    if (typeof frame !== 'object' || frame === null || !['subscribe', 'command', 'ping', 'hello'].includes(frame.op)) {
      refuse(CLOSE_CODES.PROTOCOL_ERROR, CODES.PROTOCOL, 'Unknown frame');
      return false;
    }
    const issues = validationIssues(frame.op === 'subscribe' ? SubscribeFrameSchema : ClientFrameSchema, frame);
    if (issues.length === 0) return true;
    const id = (frame as { id?: unknown }).id;
    const error = { code: CODES.VALIDATION, message: `Invalid ${frame.op} frame`, details: { errors: issues } };
    if (typeof id === 'string' && id.length <= 64) send({ op: 'result', id, ok: false, error });
    else send({ op: 'error', ...error });
    return false;
  }

  async function hello(frame: ClientFrame): Promise<void> {
    if (frame?.op !== 'hello' || validationIssues(HelloFrameSchema, frame).length > 0) {
      return refuse(CLOSE_CODES.UNAUTHENTICATED, CODES.UNAUTHENTICATED, 'The first frame must be a valid hello');
    }
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(frame.v)) {
      return refuse(CLOSE_CODES.PROTOCOL_ERROR, CODES.PROTOCOL, `Unsupported protocol version ${frame.v}`);
    }
    phase = 'authenticating';
    let principal: Principal;
    try {
      principal = await deps.auth.authenticate(frame.token);
    } catch (err) {
      const { body } = renderError(err);
      deps.audit({ ip, channel: 'ws', action: 'ws.connect', ok: false, code: body.code });
      const revoked = body.code === CODES.TOKEN_REVOKED || body.code === CODES.USER_DISABLED;
      return refuse(revoked ? CLOSE_CODES.REVOKED : CLOSE_CODES.UNAUTHENTICATED, body.code, body.message);
    }
    // The socket may have closed while the credentials were checked.
    if ((phase as string) === 'closed') return;
    clearTimeout(helloTimer);
    const opened = await deps.router.open({ principal, transport, ...(frame.resume ? { resume: frame.resume } : {}) });
    // The socket may also have closed while the missed events were read.
    if ((phase as string) === 'closed') {
      deps.router.disconnected(opened.stream, transport);
      return;
    }
    stream = opened.stream;
    phase = 'open';
    const welcome: WelcomeFrame = {
      op: 'welcome',
      v: PROTOCOL_VERSION,
      session: opened.stream.id,
      seq: opened.seq,
      resumed: opened.resumed,
      mustResync: opened.mustResync,
      resumeWindowSeconds: deps.router.options.resumeWindowMs / 1000,
      principal: {
        userId: principal.userId,
        username: principal.username,
        role: principal.role,
        agentId: principal.agentId ?? null,
      },
    };
    send(welcome);
    if (!opened.resumed) sendSnapshot();
    opened.stream.start();
    const opened_ = opened.stream;
    unwatch = deps.live.watch(() => opened_.principal, (verdict) => revise(opened_, verdict));
    for (const text of early.splice(0)) void handle(text);
  }

  /** A change to the principal: a new view (and a snapshot of what it may see now), or the end. */
  function revise(target: ClientStream, verdict: LiveVerdict): void {
    if (phase === 'closed' || stream !== target || target.transport !== transport) return;
    if (verdict.action === 'close') {
      phase = 'closed';
      unwatch?.();
      deps.audit({ ip, channel: 'ws', action: 'ws.revoked', ok: false, code: verdict.code, principal: target.principal });
      deps.router.end(target, CLOSE_CODES.REVOKED, verdict.code, verdict.message);
      return;
    }
    deps.router.revise(target, verdict.principal);
    sendSnapshot();
  }

  function sendSnapshot(): void {
    if (!stream) return;
    send({ op: 'snapshot', seq: deps.router.snapshotSeq(stream), state: visibleState(stream.viewer, deps.state.snapshot(), (a) => deps.router.memberOf(a)) });
  }

  function subscribe(frame: ClientFrame & { op: 'subscribe' }): void {
    if (!stream) return;
    deps.router.setFilter(stream, frame.filter);
    if (frame.id) send({ op: 'result', id: frame.id, ok: true, data: { filter: frame.filter } });
    // Repeated subscribes coalesce: one snapshot, for the last filter, once the frames already
    // read are handled.
    if (snapshotDue) return;
    snapshotDue = true;
    setImmediate(() => {
      snapshotDue = false;
      if (phase === 'open') sendSnapshot();
    });
  }

  async function command(id: string, name: string, args: unknown): Promise<void> {
    if (!stream) return;
    try {
      const data = await deps.execute({ principal: stream.principal, name, args, channel: 'ws', ip });
      send({ op: 'result', id, ok: true, data });
    } catch (err) {
      send({ op: 'result', id, ok: false, error: renderError(err).body });
    }
  }
}
