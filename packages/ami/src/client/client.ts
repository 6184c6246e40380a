import type { AmiActionInput } from '../codec/encoder.ts';
import type { AmiMessage } from '../codec/message.ts';
import {
  AmiAbortedError,
  AmiAuthError,
  AmiBacklogError,
  AmiClosedError,
  AmiInvalidArgumentError,
  AmiNotConnectedError,
  AmiTimeoutError,
} from '../errors.ts';
import { type PreparedAction, prepareAction } from './action-guard.ts';
import type { AmiClient, AmiConnectOptions, AmiOriginateOptions, AmiOriginateResult, AmiSendOptions } from './api.ts';
import { backoffDelay } from './backoff.ts';
import { type AmiBanner, parseBanner } from './banner.ts';
import { Connection } from './connection.ts';
import { type AmiEventListener, type AmiEventMeta, EventDispatcher } from './event-dispatcher.ts';
import { type AmiEventIteratorOptions, eventIterator } from './event-iterator.ts';
import { EventWaiters } from './event-waiters.ts';
import { createKeepalive, type Keepalive } from './keepalive.ts';
import { ListenerSet, iterate } from './listeners.ts';
import { login } from './login.ts';
import { type NamedEventListener, NamedEventListeners } from './named-events.ts';
import { describeLoss, makeTransport, withAsync, withTimeout } from './client-helpers.ts';
import { type AmiClientOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import type { AmiListResult } from './pending-actions.ts';
import { SendQueue } from './send-queue.ts';
import { type AmiStatusChange, createStateMachine, type StateMachine } from './state-machine.ts';

/** Create an AMI client. Nothing happens until connect(). */
export function createAmiClient(options: AmiClientOptions): AmiClient {
  return new DefaultAmiClient(options);
}

const PING = prepareAction({ Action: 'Ping' });
const LOGOFF = prepareAction({ Action: 'Logoff' });

class DefaultAmiClient implements AmiClient {
  readonly #options: AmiClientOptions;
  readonly #o: ResolvedOptions;
  readonly #machine: StateMachine;
  readonly #statusListeners = new ListenerSet<[AmiStatusChange]>();
  readonly #errorListeners = new ListenerSet<[Error]>();
  readonly #dispatcher: EventDispatcher;
  readonly #waiters = new EventWaiters();
  readonly #named = new NamedEventListeners((l) => this.onEvent(l));
  readonly #queue: SendQueue;
  #conn: Connection | undefined;
  #keepalive: Keepalive | undefined;
  #connectionSeq = 0;
  /** Failed attempts since the client was last ready. */
  #failures = 0;
  #everReady = false;
  #banner: AmiBanner | undefined;
  #meta: AmiEventMeta = Object.freeze({ resync: true, connectionId: 0 });
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  #closing = false;
  #closed: Promise<void> | undefined;

  constructor(options: AmiClientOptions) {
    this.#options = options;
    this.#o = resolveOptions(options);
    this.#queue = new SendQueue(this.#o.now);
    this.#machine = createStateMachine({ onChange: (c) => this.#statusListeners.emit(c), now: this.#o.now });
    this.#dispatcher = new EventDispatcher({
      highWaterMark: this.#o.highWaterMark,
      lowWaterMark: this.#o.lowWaterMark,
      maxHeld: this.#o.maxHeldEvents,
      pause: () => this.#conn?.transport.pause(),
      resume: () => this.#conn?.transport.resume(),
      onListenerError: (error) => this.#emitError(error),
      onHeldOverflow: () => this.#conn?.drop(new AmiBacklogError(this.#o.maxHeldEvents), 'resync backlog overflow'),
    });
  }

  get state() {
    return this.#machine.state;
  }
  get banner() {
    return this.#banner?.text;
  }
  get version() {
    return this.#banner?.version;
  }
  get connectionId() {
    return this.#connectionSeq;
  }

  connect(options: AmiConnectOptions = {}): Promise<void> {
    const state = this.#machine.state;
    if (state === 'ready') return Promise.resolve();
    if (state === 'closed' || this.#closing) return Promise.reject(new AmiClosedError());
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new AmiAbortedError({ action: 'connect' }));
    const ready = new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#readyWaiters = this.#readyWaiters.filter((w) => w !== waiter);
        reject(new AmiAbortedError({ action: 'connect' }));
        void this.close();
      };
      const waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.#readyWaiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    if (state === 'idle') void this.#run();
    return ready;
  }

  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async send(action: AmiActionInput, options: AmiSendOptions = {}): Promise<AmiMessage> {
    return this.#dispatch(prepareAction(action), options, false) as Promise<AmiMessage>;
  }

  async sendList(action: AmiActionInput, options: AmiSendOptions = {}): Promise<AmiListResult> {
    return this.#dispatch(prepareAction(action), options, true) as Promise<AmiListResult>;
  }

  async originate(action: AmiActionInput, options: AmiOriginateOptions = {}): Promise<AmiOriginateResult> {
    const prepared = prepareAction(withAsync(action));
    if (prepared.name.toLowerCase() !== 'originate') {
      throw new AmiInvalidArgumentError(`originate() sends Originate, not ${prepared.name}`, { action: prepared.name });
    }
    const id = this.#o.ids.next();
    const callTimeout = Number(prepared.pairs.find(([k]) => k.toLowerCase() === 'timeout')?.[1] ?? 30_000);
    const resultTimeoutMs = options.resultTimeoutMs ?? (Number.isFinite(callTimeout) ? callTimeout : 30_000) + 10_000;
    const result = this.#waiters.wait(id, 'OriginateResponse', resultTimeoutMs);
    result.catch(() => {}); // the caller may ignore `result`; a rejection must not go unhandled
    try {
      const response = (await this.#dispatch(prepared, options, false, id)) as AmiMessage;
      return { response, result };
    } catch (error) {
      this.#waiters.cancel(id, error as Error);
      throw error;
    }
  }

  onEvent(listener: AmiEventListener): () => void {
    return this.#dispatcher.add(listener);
  }
  on(name: string, listener: NamedEventListener): () => void {
    return this.#named.add(name, listener);
  }
  events(options?: AmiEventIteratorOptions): AsyncIterableIterator<AmiMessage> {
    const onClosed = (done: () => void): (() => void) => {
      if (this.#machine.state !== 'closed') return this.onStatus((s) => s.to === 'closed' && done());
      done();
      return () => {};
    };
    return eventIterator((l) => this.onEvent(l), onClosed, options);
  }
  onStatus(listener: (change: AmiStatusChange) => void): () => void {
    return this.#statusListeners.add(listener);
  }
  onError(listener: (error: Error) => void): () => void {
    return this.#errorListeners.add(listener);
  }
  statusChanges(signal?: AbortSignal): AsyncIterableIterator<AmiStatusChange> {
    return iterate((l) => this.onStatus(l), signal);
  }

  #dispatch(action: PreparedAction, options: AmiSendOptions, list: boolean, id?: string): Promise<AmiMessage | AmiListResult> {
    if (options.signal?.aborted) return Promise.reject(new AmiAbortedError({ action: action.name }));
    const timeoutMs = options.timeoutMs ?? (list ? this.#o.listTimeoutMs : this.#o.actionTimeoutMs);
    const state = this.#machine.state;
    const conn = this.#conn;
    if (conn && !conn.isLost && (state === 'ready' || state === 'resyncing')) {
      const write = { timeoutMs, signal: options.signal, allowError: options.allowError };
      return list ? conn.sendList(action, write) : conn.send(action, write, id);
    }
    if (state === 'closed' || this.#closing) return Promise.reject(new AmiClosedError());
    if (!options.queue) return Promise.reject(new AmiNotConnectedError(state));
    return new Promise((resolve, reject) =>
      this.#queue.add({
        action: action.name,
        timeoutMs,
        signal: options.signal,
        reject,
        run: (remainingMs) =>
          this.#dispatch(action, { ...options, timeoutMs: remainingMs }, list, id).then(resolve, reject),
      }),
    );
  }

  async #run(): Promise<void> {
    const attempt = this.#failures + 1;
    const id = ++this.#connectionSeq;
    this.#machine.transition('connecting', this.#everReady || attempt > 1 ? 'reconnecting' : 'connect requested', {
      attempt,
    });
    this.#meta = Object.freeze({ resync: true, connectionId: id });
    if (this.#o.resyncEvents === 'buffer') this.#dispatcher.hold();
    const conn = new Connection({
      id,
      transport: makeTransport(this.#options.transport),
      ids: this.#o.ids,
      maxMessageBytes: this.#o.maxMessageBytes,
      onEvent: (event) => {
        this.#waiters.offer(event);
        this.#dispatcher.push(event, this.#meta);
      },
      onParseError: (error) => this.#emitError(error),
      onLost: (c, error, reason) => this.#onLost(c, error, reason),
    });
    this.#conn = conn;
    let phase = 'connect failed';
    try {
      await conn.open();
      if (this.#dispatcher.paused) conn.transport.pause();
      phase = 'no banner';
      const timeout = this.#o.loginTimeoutMs;
      this.#banner = parseBanner(await withTimeout(conn.banner(), timeout, () => new AmiTimeoutError(`No AMI banner within ${timeout} ms`)));
      this.#machine.transition('authenticating', 'banner received', { attempt });
      phase = 'login failed';
      const reply = await conn.guard(
        login((a) => conn.send(prepareAction(a), { timeoutMs: timeout, allowError: true }), this.#options),
      );
      this.#startKeepalive(conn);
      const hook = this.#options.onConnected;
      if (hook) {
        this.#machine.transition('resyncing', 'logged in', { attempt });
        phase = 'resync failed';
        const info = {
          connectionId: id,
          banner: this.#banner.text,
          version: this.#banner.version,
          login: reply,
          firstConnection: !this.#everReady,
        };
        await conn.guard(Promise.resolve().then(() => hook(this, info)));
      }
      this.#failures = 0;
      this.#everReady = true;
      this.#meta = Object.freeze({ resync: false, connectionId: id });
      this.#dispatcher.release();
      this.#machine.transition('ready', hook ? 'resync complete' : 'logged in', { attempt });
      this.#queue.flush();
      for (const w of this.#readyWaiters.splice(0)) w.resolve();
    } catch (error) {
      if (this.#conn === conn) conn.drop(error instanceof Error ? error : new Error(String(error)), phase);
    }
  }

  #onLost(conn: Connection, error: Error, reason: string | undefined): void {
    if (conn !== this.#conn) return;
    this.#conn = undefined;
    this.#keepalive?.stop();
    this.#keepalive = undefined;
    this.#dispatcher.discardHeld();
    if (this.#closing) return;
    const why = describeLoss(error, reason);
    const policy = this.#o.reconnect;
    if (!policy || (error instanceof AmiAuthError && !policy.retryOnAuthFailure)) {
      this.#terminate(error, why);
      return;
    }
    this.#failures++;
    if (this.#failures > policy.maxAttempts) {
      this.#terminate(error, `${why}; gave up after ${policy.maxAttempts} attempts`);
      return;
    }
    const delayMs = backoffDelay(this.#failures, policy, this.#o.random);
    this.#machine.transition('reconnecting', why, { error, attempt: this.#failures, delayMs });
    this.#emitError(error);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (!this.#closing) void this.#run();
    }, delayMs);
  }

  #terminate(error: Error, reason: string): void {
    this.#closing = true;
    this.#closed = Promise.resolve();
    this.#shutdown(error);
    this.#machine.transition('closed', reason, { error });
    this.#emitError(error);
    for (const w of this.#readyWaiters.splice(0)) w.reject(error);
  }

  async #close(): Promise<void> {
    if (this.#machine.state === 'closed') return;
    this.#closing = true;
    const conn = this.#conn;
    const state = this.#machine.state;
    if (conn && (state === 'ready' || state === 'resyncing')) {
      this.#keepalive?.stop();
      await conn.send(LOGOFF, { timeoutMs: 2_000, allowError: true }).catch(() => undefined);
    }
    const error = new AmiClosedError();
    this.#shutdown(error);
    this.#machine.transition('closed', 'closed by caller');
    for (const w of this.#readyWaiters.splice(0)) w.reject(error);
  }

  #shutdown(error: Error): void {
    if (this.#reconnectTimer !== undefined) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#keepalive?.stop();
    this.#keepalive = undefined;
    const conn = this.#conn;
    this.#conn = undefined;
    conn?.drop(error);
    this.#dispatcher.discardHeld();
    this.#dispatcher.release();
    this.#queue.failAll(error);
    this.#waiters.cancelAll(error);
  }

  #startKeepalive(conn: Connection): void {
    const k = this.#o.keepalive;
    if (!k) return;
    this.#keepalive = createKeepalive({
      ...k,
      ping: (timeoutMs) => conn.send(PING, { timeoutMs, allowError: true }),
      readingPaused: () => this.#dispatcher.paused,
      bytesReceived: () => conn.bytesReceived,
      onDead: (error) => conn.drop(error, 'keepalive timeout'),
    });
    this.#keepalive.start();
  }

  #emitError(error: unknown): void {
    this.#errorListeners.emit(error instanceof Error ? error : new Error(String(error)));
  }
}
