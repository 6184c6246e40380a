import type { Socket } from 'node:net';
import { AMI_MAX_HEADERS, AMI_MAX_LINE_BYTES, type AmiError, type AmiMessage, AmiParser } from '@amiable/ami';
import type { BatchFlusher } from './batch-flusher.ts';
import type { EventMask } from './event-mask.ts';
import { Outbound } from './outbound.ts';
import type { AmiPortPrincipal } from './ports.ts';
import type { SessionScope } from './session-scope.ts';
import { type Pairs, serialize } from './wire.ts';

/** A message the parser had to throw away (over the size cap); answered with an error. */
export interface Unparsed {
  error: AmiError;
}

export interface SessionHooks {
  highWaterMark: number;
  maxPendingActions: number;
  /** Batches event writes; shared by every session of the port. */
  flusher: BatchFlusher;
  /** Handles one action; calls for a session are strictly sequential, as in Asterisk. */
  handle(session: ClientSession, input: AmiMessage | Unparsed): Promise<void>;
  stalled(session: ClientSession, queuedBytes: number): void;
  closed(session: ClientSession): void;
  failed(session: ClientSession, error: unknown): void;
}

/** Largest action the parser keeps: 128 header lines of about 1 KiB, plus slack. */
const MAX_ACTION_BYTES = (AMI_MAX_HEADERS + 2) * AMI_MAX_LINE_BYTES;

/** One client connection: its parser, its outbound writer and what it is allowed to see. */
export class ClientSession {
  readonly id: number;
  readonly ip: string;
  principal: AmiPortPrincipal | undefined;
  scope: SessionScope | undefined;
  mask: EventMask = 'all';
  /** The last MD5 challenge handed out on this connection. */
  challenge: string | undefined;
  /** Stops following principal changes (set at login). */
  unwatch: (() => void) | undefined;
  readonly #socket: Socket;
  readonly #hooks: SessionHooks;
  readonly #out: Outbound;
  readonly #parser: AmiParser;
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;
  #paused = false;
  #closed = false;
  /** Events held back while an action is with Asterisk, so that its response comes first. */
  #held: Buffer[] | undefined;
  #heldBytes = 0;

  constructor(id: number, socket: Socket, hooks: SessionHooks) {
    this.id = id;
    this.ip = socket.remoteAddress ?? 'unknown';
    this.#socket = socket;
    this.#hooks = hooks;
    this.#out = new Outbound(socket, hooks.highWaterMark, hooks.flusher, (queued) => hooks.stalled(this, queued));
    this.#parser = new AmiParser(
      { message: (m) => this.#enqueue(m), error: (error) => this.#enqueue({ error }) },
      { maxMessageBytes: MAX_ACTION_BYTES },
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#parser.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#closed = true;
      this.#held = undefined;
      hooks.closed(this);
    });
  }

  get loggedIn(): boolean {
    return this.principal !== undefined;
  }

  get closed(): boolean {
    return this.#closed || !this.#out.open;
  }

  write(bytes: Buffer | string): void {
    this.#out.write(bytes);
  }

  send(pairs: Pairs): void {
    this.#out.write(serialize(pairs));
  }

  /** An event: queued for the next flush, or held until the response of the action in flight. */
  event(bytes: Buffer): void {
    if (this.#held === undefined) {
      this.#out.queue(bytes);
      return;
    }
    this.#held.push(bytes);
    this.#heldBytes += bytes.length;
    // Holding must not become an unbounded buffer of its own.
    if (this.#heldBytes > this.#hooks.highWaterMark) this.release();
  }

  /** Hold events until `release()`; used while a forwarded action awaits Asterisk's response. */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held;
    this.#held = undefined;
    this.#heldBytes = 0;
    if (held) for (const bytes of held) this.#out.queue(bytes);
  }

  /** Send a last message, then close once it is flushed. */
  end(pairs: Pairs): void {
    this.#out.end(serialize(pairs));
  }

  destroy(): void {
    this.#socket.destroy();
  }

  /** Bytes waiting for this client: queued events and what the socket has not handed to the kernel. */
  get queuedBytes(): number {
    return this.#out.queued;
  }

  #enqueue(input: AmiMessage | Unparsed): void {
    if (this.#closed) return;
    this.#pending++;
    if (!this.#paused && this.#pending > this.#hooks.maxPendingActions) {
      this.#paused = true;
      this.#socket.pause();
    }
    this.#chain = this.#chain
      .then(() => (this.closed ? undefined : this.#hooks.handle(this, input)))
      .catch((error: unknown) => this.#hooks.failed(this, error))
      .finally(() => {
        this.#pending--;
        if (this.#paused && this.#pending <= this.#hooks.maxPendingActions / 2) {
          this.#paused = false;
          this.#socket.resume();
        }
      });
  }
}
