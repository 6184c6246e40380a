import type { Socket } from 'node:net';
import { type AmiMessage, AmiParser, encodeMessage } from '@amiable/ami';
import type { BusEvent, EventSubscriber, Pairs } from './event-bus.ts';
import { ALL_PERMS } from './permissions.ts';

export interface SessionUser {
  username: string;
  read: number;
  write: number;
}

export interface SessionHost {
  /** Handle one parsed action from the session. */
  action(session: AmiSession, msg: AmiMessage): void;
  closed(session: AmiSession): void;
  readonly maxOutputBytes: number;
}

/**
 * One AMI connection: the banner, an AmiParser for the client's actions, the
 * session's permissions and event mask, and a write buffer flushed once per
 * tick. Every byte the client sends is kept in `received`, so tests can assert
 * on exactly what the PBX got.
 */
export class AmiSession implements EventSubscriber {
  readonly id: number;
  readonly socket: Socket;
  readonly received: Buffer[] = [];
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localPort: number;
  user: SessionUser | undefined;
  /** When the login succeeded (the SessionTV of security events). */
  loggedInAt = 0;
  /** Event mask set by Login's `Events:` or the Events action. */
  mask = ALL_PERMS;
  /** Pending MD5 challenge. */
  challenge: string | undefined;
  /** Login failed: input is ignored until the socket closes. */
  failing = false;
  closed = false;
  readonly #host: SessionHost;
  readonly #parser: AmiParser;
  #out: Buffer[] = [];
  #flushing = false;

  constructor(id: number, socket: Socket, host: SessionHost, banner: string) {
    this.id = id;
    this.socket = socket;
    this.#host = host;
    this.remoteAddress = socket.remoteAddress ?? '127.0.0.1';
    this.remotePort = socket.remotePort ?? 0;
    this.localPort = socket.localPort ?? 0;
    this.#parser = new AmiParser({ message: (m) => this.#onMessage(m) }, { maxMessageBytes: 64 * 1024 });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      if (!this.failing && !this.closed) this.#parser.push(chunk);
    });
    socket.on('close', () => this.#onClose());
    socket.on('error', () => this.#onClose());
    this.writeRaw(`${banner}\r\n`);
  }

  get authenticated(): boolean {
    return this.user !== undefined;
  }

  /** Every byte received so far, concatenated. */
  receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }

  wants(): number {
    return this.user ? this.user.read & this.mask : 0;
  }

  deliver(event: BusEvent): void {
    this.#queue(event.bytes);
  }

  /** Write one message built from ordered pairs. */
  send(pairs: Pairs): void {
    this.writeRaw(encodeMessage(pairs));
  }

  /** A response: `Response`, then `ActionID` (when the action had one), then the rest. */
  respond(response: string, actionId: string | undefined, rest: Pairs = []): void {
    const pairs: Pairs = [['Response', response]];
    if (actionId !== undefined) pairs.push(['ActionID', actionId]);
    this.send([...pairs, ...rest]);
  }

  writeRaw(text: string): void {
    this.#queue(Buffer.from(text, 'utf8'));
  }

  #queue(bytes: Buffer): void {
    if (this.closed) return;
    this.#out.push(bytes);
    if (!this.#flushing) {
      this.#flushing = true;
      setImmediate(() => this.#flush());
    }
  }

  /** One writev per tick: the shared event buffers go out without being copied per session. */
  #flush(): void {
    this.#flushing = false;
    if (this.closed || this.#out.length === 0) return;
    const out = this.#out;
    this.#out = [];
    this.socket.cork();
    for (const b of out) this.socket.write(b);
    this.socket.uncork();
    // A reader that does not keep up is cut off, as Asterisk does after writetimeout.
    if (this.socket.writableLength > this.#host.maxOutputBytes) this.destroy();
  }

  /** Flush what is queued, then close the connection (Logoff, failed login). */
  end(): void {
    if (this.closed) return;
    this.#flush();
    this.closed = true;
    this.socket.end();
    this.#host.closed(this);
  }

  /** Drop the connection at once (restart, dropConnections, slow reader). */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.#host.closed(this);
  }

  #onMessage(msg: AmiMessage): void {
    if (this.failing || this.closed) return;
    this.#host.action(this, msg);
  }

  #onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.#host.closed(this);
  }
}
