import type { CommandArgs, CommandName, EventType, SubscriptionFilter } from '@amiable/protocol';
import { isEventType } from '@amiable/protocol';
import { AuthSession } from './auth/auth-session.ts';
import type { ClientOptions, CommandOptions, CtiClient } from './client.ts';
import { Emitter } from './emitter.ts';
import { CtiClosedError, CtiError, CtiNoWebSocketError, CtiServerError, CtiTimeoutError } from './errors.ts';
import type { AnyDeliveredEvent, ClientEvents } from './events.ts';
import { createHttp, type FetchLike } from './http.ts';
import { type ConnectionStatus, LiveSocket } from './live/live-socket.ts';
import { PendingCommands } from './live/pending-commands.ts';
import { ResyncCoordinator } from './live/resync.ts';
import { webSocketUrl } from './live/web-socket.ts';
import { restApi } from './rest/api.ts';
import { systemTimers } from './timers.ts';
import { jsonCodec } from './wire/codec.ts';
import type { InboundFrame } from './wire/frames.ts';
import { commandResult } from './wire/rest-results.ts';
import { routes } from './wire/routes.ts';

/**
 * Creates a client for one Amiable server. Works in browsers and in Node.js 20
 * (pass `WebSocket` from the `ws` package there).
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://cti.example.com' });
 * await client.login('ada', 'secret');
 * client.on('call.ringing', (e) => console.log(e.payload.callerNumber));
 * client.connect();
 * await client.command('agent.pause', { reason: 'lunch' });
 * ```
 */
export function createClient(options: ClientOptions): CtiClient {
  const timers = options.timers ?? systemTimers;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const events = new Emitter<ClientEvents>();
  const pending = new PendingCommands(timers);
  let filter: SubscriptionFilter | undefined;
  let closed = false;

  // http and auth refer to each other: http asks auth for the header, auth logs in over http.
  let auth: AuthSession | undefined;
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: fetchImpl,
    auth: {
      authorization: async () => auth?.authorization(),
      recover: async () => (auth ? auth.refresh() : false),
    },
  });
  auth = new AuthSession({
    http,
    timers,
    ...(options.storage ? { storage: options.storage } : {}),
    onChange: (current) => {
      if (!current) socket?.stop('signed out');
      events.emit('session', current?.kind === 'tokens' ? current.user : undefined);
    },
  });
  const session = auth;
  const api = restApi(http, timers);

  let socket: LiveSocket | undefined;
  const resync = new ResyncCoordinator({
    timers,
    snapshotWaitMs: options.snapshotWaitMs ?? 3000,
    fetchState: () => api.state(),
    emit: (notice) => events.emit('resync', notice),
    onError: (error) => events.emit('error', asCtiError(error)),
  });

  const onFrame = (frame: InboundFrame): void => {
    switch (frame.kind) {
      case 'event': {
        if (!isEventType(frame.type)) return; // a newer server's event this SDK does not know
        const delivered = { type: frame.type, seq: frame.seq, at: frame.at, payload: frame.payload, ...(frame.pbx ? { pbx: frame.pbx } : {}) } as AnyDeliveredEvent;
        events.emit('event', delivered);
        if (delivered.type === 'resync') resync.fetch('server', delivered.payload.pbx, delivered.payload.reason);
        else events.emit(delivered.type as Exclude<EventType, 'resync'>, delivered as never);
        return;
      }
      case 'snapshot':
        events.emit('snapshot', { seq: frame.seq, state: frame.state });
        resync.snapshot(frame.state);
        return;
      case 'result':
        pending.settle(frame.id, frame.ok ? { ok: true, value: frame.value } : { ok: false, error: serverError(frame.error) });
        return;
      case 'error':
        if (frame.error.code === 'CTI_ERR_RESYNC_REQUIRED') resync.expectSnapshot('must-resync', null, frame.error.message);
        events.emit('error', serverError(frame.error));
        return;
      case 'bye':
        events.emit('error', serverError(frame.error));
        return;
      default:
        return;
    }
  };

  const ensureSocket = (): LiveSocket => {
    if (socket) return socket;
    const WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: ClientOptions['WebSocket'] }).WebSocket;
    if (!WebSocketImpl) throw new CtiNoWebSocketError();
    socket = new LiveSocket({
      url: webSocketUrl(options.baseUrl, routes.webSocket),
      WebSocket: WebSocketImpl,
      timers,
      codec: jsonCodec,
      credential: () => session.credential(),
      refreshCredential: () => session.refresh(),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.helloTimeoutMs !== undefined ? { helloTimeoutMs: options.helloTimeoutMs } : {}),
      ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
      ...(options.pongTimeoutMs !== undefined ? { pongTimeoutMs: options.pongTimeoutMs } : {}),
    });
    socket.on('status', (status) => {
      if (status.state !== 'open') pending.failAll();
      events.emit('connection', status);
    });
    socket.on('welcome', (welcome) => {
      if (filter) socket?.send({ kind: 'subscribe', filter });
      if (welcome.mustResync) resync.expectSnapshot('must-resync', null, 'the resume point is no longer available');
      events.emit('welcome', welcome);
    });
    socket.on('frame', onFrame);
    socket.on('ended', ({ reason }) => {
      void session.logout().catch(() => undefined);
      events.emit('error', new CtiServerError('CTI_ERR_UNAUTHENTICATED', reason));
    });
    return socket;
  };

  const commandOverRest = async (name: string, args: unknown, timeoutMs: number): Promise<unknown> => {
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(), timeoutMs);
    try {
      return commandResult(await http.request<unknown>('POST', routes.command(name), { body: args ?? {}, signal: controller.signal }));
    } catch (error) {
      if (controller.signal.aborted) throw new CtiTimeoutError(`command ${name}`, timeoutMs);
      throw error;
    } finally {
      timers.clearTimeout(timer);
    }
  };

  const client: CtiClient = {
    login: (username, password) => {
      if (closed) return Promise.reject(new CtiClosedError());
      return session.login(username, password);
    },
    async loginWithApiKey(apiKey) {
      if (closed) throw new CtiClosedError();
      session.useApiKey(apiKey);
      await api.me();
    },
    async logout(opts) {
      socket?.stop('logout');
      socket?.forgetResumePoint();
      await session.logout(opts?.everywhere ?? false);
    },
    get user() {
      return session.user;
    },
    get session() {
      return session.session;
    },
    connect() {
      if (closed) throw new CtiClosedError();
      ensureSocket().start();
    },
    disconnect() {
      socket?.stop('disconnect');
    },
    get connection() {
      return socket?.status ?? IDLE;
    },
    subscribe(next) {
      filter = next;
      socket?.send({ kind: 'subscribe', filter: next ?? {} });
    },
    on: (name, listener) => events.on(name, listener),
    once: (name, listener) => events.once(name, listener),
    off: (name, listener) => events.off(name, listener),
    command<K extends CommandName>(name: K, args: CommandArgs<K>, opts: CommandOptions = {}): Promise<unknown> {
      if (closed) return Promise.reject(new CtiClosedError());
      const timeoutMs = opts.timeoutMs ?? options.commandTimeoutMs ?? 15_000;
      const via = opts.via ?? 'auto';
      if (via !== 'rest' && socket && socket.status.state === 'open') {
        const id = pending.nextId();
        const result = pending.track(id, name, timeoutMs);
        if (socket.send({ kind: 'command', id, name, args })) return result;
        pending.settle(id, { ok: true, value: undefined }); // not sent: discard and fall back to REST
      }
      if (via === 'ws') return Promise.reject(new CtiError('SDK_ERR_DISCONNECTED', `The live connection is not open for command ${name}`));
      return commandOverRest(name, args, timeoutMs);
    },
    state: () => api.state(),
    api,
    close() {
      closed = true;
      pending.failAll(() => new CtiClosedError());
      socket?.stop('closed');
      resync.cancel();
      events.clear();
    },
  };
  return client;
}

/** The status before `connect()`: one object, so UI frameworks can compare it by reference. */
const IDLE: ConnectionStatus = Object.freeze({ state: 'idle', attempt: 0 });

function serverError(body: { code: string; message: string; details?: unknown }): CtiServerError {
  const details = body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined;
  return new CtiServerError(body.code, body.message, details);
}

function asCtiError(error: unknown): CtiError {
  return error instanceof CtiError ? error : new CtiError('SDK_ERR_NETWORK', error instanceof Error ? error.message : String(error));
}
