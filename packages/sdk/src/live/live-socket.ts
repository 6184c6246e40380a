import { Emitter } from '../emitter.ts';
import type { Timers } from '../timers.ts';
import { type BackoffOptions, reconnectDelay } from './backoff.ts';
import type { InboundFrame, OutboundFrame, ResumePoint, Welcome, WireCodec } from '../wire/frames.ts';
import { messageText, WS_OPEN, type WebSocketConstructor, type WebSocketLike } from './web-socket.ts';

/** The states of the live connection. */
export type ConnectionState = 'idle' | 'connecting' | 'authenticating' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Reconnect attempts since the last successful welcome. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while reconnecting. */
  retryAt?: number;
  /** Why the last connection ended, when known. */
  reason?: string;
}

export interface LiveSocketEvents {
  [key: string]: unknown;
  status: ConnectionStatus;
  welcome: Welcome;
  frame: InboundFrame;
  /** The server ended the session for good (token revoked, refresh impossible). */
  ended: { code: number; reason: string };
}

export interface LiveSocketDeps {
  url: string;
  WebSocket: WebSocketConstructor;
  timers: Timers;
  codec: WireCodec;
  /** The credential for `hello` (access token or API key). */
  credential(): Promise<string | undefined>;
  /** Refreshes the credential after the server refused it; false when it cannot. */
  refreshCredential(): Promise<boolean>;
  backoff?: BackoffOptions;
  random?: () => number;
  /** How long to wait for `welcome` after `hello`. Default 10 s. */
  helloTimeoutMs?: number;
  /** Send a ping when nothing was received for this long. Default 25 s. */
  pingIntervalMs?: number;
  /** Give up on a silent connection this long after the ping. Default 10 s. */
  pongTimeoutMs?: number;
}

/** Close codes the server uses (see `CLOSE_CODES` in @amiable/protocol). */
const CLOSE_UNAUTHENTICATED = 4001;
const CLOSE_REVOKED = 4003;

/**
 * One reconnecting WebSocket: hello/welcome, resume from the last sequence
 * number, heartbeat, exponential backoff. It knows nothing of commands or
 * events beyond tracking the resume point; it hands every inbound frame on.
 */
export class LiveSocket extends Emitter<LiveSocketEvents> {
  readonly #deps: LiveSocketDeps;
  #ws: WebSocketLike | undefined;
  #status: ConnectionStatus = { state: 'idle', attempt: 0 };
  #resume: ResumePoint | undefined;
  #timer: unknown;
  #heartbeat: unknown;
  #lastReceivedAt = 0;
  #pingSentAt: number | undefined;
  #stopped = false;

  constructor(deps: LiveSocketDeps) {
    super();
    this.#deps = deps;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** The stream and sequence number of the last event received; sent as `resume` on reconnect. */
  get resumePoint(): ResumePoint | undefined {
    return this.#resume;
  }

  /** Forgets the resume point: the next connection starts a fresh stream. */
  forgetResumePoint(): void {
    this.#resume = undefined;
  }

  start(): void {
    if (this.#status.state !== 'idle' && this.#status.state !== 'closed') return;
    this.#stopped = false;
    this.#connect();
  }

  /** Closes for good (until `start()` again). */
  stop(reason = 'client closed'): void {
    this.#stopped = true;
    this.#clearTimers();
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws) {
      this.#detach(ws);
      ws.close(1000, reason);
    }
    this.#setStatus({ state: 'closed', attempt: 0, reason });
  }

  /** Sends a frame; false when the socket is not open (the caller decides what to do). */
  send(frame: OutboundFrame): boolean {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WS_OPEN || this.#status.state !== 'open') return false;
    ws.send(this.#deps.codec.encode(frame));
    return true;
  }

  /** Drops the current connection and reconnects at once (for example when the network comes back). */
  reconnectNow(): void {
    if (this.#stopped) return;
    this.#clearTimers();
    if (this.#ws) this.#dropSocket(4000, 'reconnect requested', 0);
    else this.#connect();
  }

  #connect(): void {
    this.#clearTimers();
    const attempt = this.#status.attempt;
    this.#setStatus({ state: 'connecting', attempt });
    let ws: WebSocketLike;
    try {
      ws = new this.#deps.WebSocket(this.#deps.url);
    } catch (error) {
      this.#scheduleReconnect(error instanceof Error ? error.message : String(error));
      return;
    }
    this.#ws = ws;
    ws.onopen = () => void this.#sayHello(ws);
    ws.onmessage = (event) => this.#receive(ws, event.data);
    ws.onerror = () => {
      // onclose follows and carries the code
    };
    ws.onclose = (event) => {
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      this.#afterClose(event.code, event.reason);
    };
  }

  async #sayHello(ws: WebSocketLike): Promise<void> {
    if (this.#ws !== ws) return;
    this.#setStatus({ state: 'authenticating', attempt: this.#status.attempt });
    const token = await this.#deps.credential();
    if (this.#ws !== ws || ws.readyState !== WS_OPEN) return;
    const resume = this.#resume;
    ws.send(this.#deps.codec.encode(resume ? { kind: 'hello', token: token ?? '', resume } : { kind: 'hello', token: token ?? '' }));
    this.#timer = this.#deps.timers.setTimeout(() => this.#dropSocket(4001, 'no welcome in time'), this.#deps.helloTimeoutMs ?? 10_000);
  }

  #receive(ws: WebSocketLike, data: unknown): void {
    if (this.#ws !== ws) return;
    this.#lastReceivedAt = this.#deps.timers.now();
    this.#pingSentAt = undefined;
    const frame = this.#deps.codec.decode(messageText(data));
    if (!frame) return;
    switch (frame.kind) {
      case 'welcome':
        this.#deps.timers.clearTimeout(this.#timer);
        // A resumed stream keeps our seq (the missed events follow); otherwise start from the server's.
        if (!frame.welcome.resumed || this.#resume?.stream !== frame.welcome.stream) {
          this.#resume = { stream: frame.welcome.stream, seq: frame.welcome.seq };
        }
        this.#setStatus({ state: 'open', attempt: 0 });
        this.#armHeartbeat();
        this.emit('welcome', frame.welcome);
        return;
      case 'pong':
        return;
      case 'event':
        if (this.#resume && frame.seq <= this.#resume.seq) return; // a duplicate after resume
        if (this.#resume) this.#resume = { stream: this.#resume.stream, seq: frame.seq };
        break;
      case 'snapshot':
        if (this.#resume) this.#resume = { stream: this.#resume.stream, seq: frame.seq };
        break;
    }
    this.emit('frame', frame);
  }

  #afterClose(code: number, reason: string): void {
    this.#clearTimers();
    if (this.#stopped) return;
    if (code === CLOSE_REVOKED) {
      this.#end(code, reason || 'session revoked');
      return;
    }
    if (code === CLOSE_UNAUTHENTICATED) {
      void this.#deps.refreshCredential().then(
        (ok) => (ok ? this.#scheduleReconnect(reason || 'token refreshed', 0) : this.#end(code, reason || 'not authenticated')),
        () => this.#end(code, reason || 'not authenticated'),
      );
      this.#setStatus({ state: 'reconnecting', attempt: this.#status.attempt, reason: reason || 'authenticating again' });
      return;
    }
    this.#scheduleReconnect(reason || `closed (${code})`);
  }

  #end(code: number, reason: string): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#setStatus({ state: 'closed', attempt: 0, reason });
    this.emit('ended', { code, reason });
  }

  #scheduleReconnect(reason: string, delayOverride?: number): void {
    if (this.#stopped) return;
    const attempt = this.#status.attempt;
    const delay = delayOverride ?? reconnectDelay(attempt, this.#deps.backoff, this.#deps.random);
    this.#setStatus({ state: 'reconnecting', attempt: attempt + 1, retryAt: this.#deps.timers.now() + delay, reason });
    this.#timer = this.#deps.timers.setTimeout(() => this.#connect(), delay);
  }

  #armHeartbeat(): void {
    const interval = this.#deps.pingIntervalMs ?? 25_000;
    const grace = this.#deps.pongTimeoutMs ?? 10_000;
    const tick = (): void => {
      const now = this.#deps.timers.now();
      if (this.#pingSentAt !== undefined && now - this.#pingSentAt >= grace) {
        this.#dropSocket(4000, 'heartbeat timeout');
        return;
      }
      if (this.#pingSentAt === undefined && now - this.#lastReceivedAt >= interval) {
        this.#pingSentAt = now;
        this.send({ kind: 'ping' });
      }
      this.#heartbeat = this.#deps.timers.setTimeout(tick, Math.min(interval, grace) / 2);
    };
    this.#lastReceivedAt = this.#deps.timers.now();
    this.#pingSentAt = undefined;
    this.#heartbeat = this.#deps.timers.setTimeout(tick, Math.min(interval, grace) / 2);
  }

  /** Abandons the current socket without waiting for its close handshake. */
  #dropSocket(code: number, reason: string, delay?: number): void {
    const ws = this.#ws;
    this.#ws = undefined;
    this.#clearTimers();
    if (ws) {
      this.#detach(ws);
      try {
        ws.close(code === 4000 ? 4000 : 1000, reason);
      } catch {
        // already closing
      }
    }
    this.#scheduleReconnect(reason, delay);
  }

  #detach(ws: WebSocketLike): void {
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
  }

  #clearTimers(): void {
    this.#deps.timers.clearTimeout(this.#timer);
    this.#deps.timers.clearTimeout(this.#heartbeat);
    this.#timer = undefined;
    this.#heartbeat = undefined;
  }

  #setStatus(status: ConnectionStatus): void {
    this.#status = status;
    this.emit('status', status);
  }
}
