import type { ActionIdGenerator } from '../codec/action-id.ts';
import { encodeAction } from '../codec/encoder.ts';
import type { AmiMessage } from '../codec/message.ts';
import { AmiParser } from '../codec/parser.ts';
import { AmiAbortedError, type AmiError, AmiDisconnectedError } from '../errors.ts';
import type { AmiTransport } from '../transport/transport.ts';
import type { PreparedAction } from './action-guard.ts';
import { type AmiListResult, PendingActions } from './pending-actions.ts';

export interface ConnectionDeps {
  id: number;
  transport: AmiTransport;
  ids: ActionIdGenerator;
  maxMessageBytes: number;
  /** An event that no pending action claimed. */
  onEvent: (event: AmiMessage) => void;
  /** A recoverable framing problem (an over-long message was discarded). */
  onParseError: (error: AmiError) => void;
  /** The connection is gone; called exactly once, with the reason. */
  onLost: (connection: Connection, error: Error, reason: string | undefined) => void;
}

export interface WriteOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  allowError?: boolean | undefined;
}

/**
 * One AMI session over one transport: the banner, framing, and the table of
 * actions waiting for replies. When it is lost every pending action fails with
 * AmiDisconnectedError. A new connection is made for each reconnect.
 */
export class Connection {
  readonly id: number;
  readonly transport: AmiTransport;
  readonly #deps: ConnectionDeps;
  readonly #pending = new PendingActions();
  readonly #parser: AmiParser;
  #lost: Error | undefined;
  #bannerWaiter: { resolve: (line: string) => void } | undefined;
  #lostWaiters: Array<(error: Error) => void> = [];
  #banner: string | undefined;
  #bytesReceived = 0;

  constructor(deps: ConnectionDeps) {
    this.#deps = deps;
    this.id = deps.id;
    this.transport = deps.transport;
    this.#parser = new AmiParser(
      {
        message: (message) => {
          if (!this.#pending.route(message) && message.kind === 'event') deps.onEvent(message);
        },
        banner: (line) => {
          this.#banner = line;
          this.#bannerWaiter?.resolve(line);
        },
        error: (error) => deps.onParseError(error),
      },
      { expectBanner: true, maxMessageBytes: deps.maxMessageBytes },
    );
  }

  get isLost(): boolean {
    return this.#lost !== undefined;
  }

  /** Bytes read from the transport so far (the keepalive counts them as signs of life). */
  get bytesReceived(): number {
    return this.#bytesReceived;
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Open the transport. Listeners are attached first, so no byte can be missed. */
  async open(): Promise<void> {
    const t = this.transport;
    t.on('data', (chunk) => {
      this.#bytesReceived += chunk.length;
      if (this.#lost === undefined) this.#parser.push(chunk);
    });
    let socketError: Error | undefined;
    t.on('error', (error) => {
      socketError = error; // `close` follows and carries the loss
    });
    t.on('close', (hadError) => {
      // One macrotask later, so that a reply read just before the close (Asterisk's
      // `Authentication failed`, a Goodbye) is acted upon before the loss is.
      setImmediate(() =>
        this.drop(
          new AmiDisconnectedError(
            hadError ? `Connection reset: ${socketError?.message ?? 'socket error'}` : 'Connection closed by peer',
            { connection: this.id, ...(socketError ? { cause: socketError.message } : {}) },
          ),
        ),
      );
    });
    await t.connect();
  }

  /** Resolves with the banner line, or rejects when the connection is lost first. */
  banner(): Promise<string> {
    if (this.#banner !== undefined) return Promise.resolve(this.#banner);
    return this.guard(new Promise<string>((resolve) => (this.#bannerWaiter = { resolve })));
  }

  /** Race `promise` against the loss of this connection. */
  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.#lost) return Promise.reject(this.#lost);
    return new Promise<T>((resolve, reject) => {
      this.#lostWaiters.push(reject);
      promise.then(resolve, reject);
    });
  }

  /** Send one action; `id` lets a caller fix the ActionID in advance (to watch for later events). */
  send(action: PreparedAction, options: WriteOptions, id?: string): Promise<AmiMessage> {
    return this.#write(action, options, false, id) as Promise<AmiMessage>;
  }

  sendList(action: PreparedAction, options: WriteOptions): Promise<AmiListResult> {
    return this.#write(action, options, true) as Promise<AmiListResult>;
  }

  #write(action: PreparedAction, options: WriteOptions, list: boolean, id = this.#deps.ids.next()) {
    if (this.#lost) return Promise.reject(this.#disconnected(action.name));
    if (options.signal?.aborted) return Promise.reject(new AmiAbortedError({ action: action.name }));
    const [first, ...rest] = action.pairs;
    let bytes: Buffer;
    try {
      bytes = encodeAction([first!, ['ActionID', id], ...rest]);
    } catch (error) {
      return Promise.reject(error);
    }
    const spec = { id, action: action.name, ...options };
    const promise = list ? this.#pending.list(spec) : this.#pending.single(spec);
    this.transport.write(bytes);
    return promise;
  }

  /** Close the transport and fail everything in flight. Idempotent. */
  drop(error: Error, reason?: string): void {
    if (this.#lost) return;
    this.#lost = error;
    this.#parser.reset(false);
    this.transport.close();
    this.#pending.failAll(
      error instanceof AmiDisconnectedError
        ? error
        : new AmiDisconnectedError(`Connection lost: ${error.message}`, { connection: this.id, cause: error.message }),
    );
    const waiters = this.#lostWaiters;
    this.#lostWaiters = [];
    for (const reject of waiters) reject(error);
    this.#deps.onLost(this, error, reason);
  }

  #disconnected(action: string): AmiDisconnectedError {
    return new AmiDisconnectedError('The connection is lost', { action, connection: this.id });
  }
}
