import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { type AmiMessage, AmiParser } from '@amiable/ami';

/**
 * A byte-level AMI client for tests: it writes exactly what it is given, so
 * injection attempts reach the port unaltered, and collects what comes back.
 */
export class RawClient {
  readonly messages: AmiMessage[] = [];
  banner: string | undefined;
  closed = false;
  readonly socket: Socket;
  #waiters: Array<() => void> = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    const parser = new AmiParser(
      {
        banner: (line) => {
          this.banner = line;
          this.#wake();
        },
        message: (m) => {
          this.messages.push(m);
          this.#wake();
        },
      },
      { expectBanner: true },
    );
    socket.on('data', (chunk: Buffer) => parser.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  /** `localAddress` picks the client's own address, e.g. `127.0.0.2` to come from another host. */
  static async connect(port: number, tls?: { ca: string | Buffer }, localAddress?: string): Promise<RawClient> {
    const from = localAddress ? { localAddress } : {};
    const socket = tls
      ? tlsConnect({ host: '127.0.0.1', port, ca: tls.ca, servername: 'localhost', ...from })
      : tcpConnect({ host: '127.0.0.1', port, ...from });
    await new Promise<void>((resolve, reject) => {
      socket.once(tls ? 'secureConnect' : 'connect', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawClient(socket);
    await client.until(() => client.banner !== undefined || client.closed);
    return client;
  }

  /** Write raw bytes (a string is written as is, CR/LF included). */
  write(raw: string | Buffer): void {
    this.socket.write(raw);
  }

  /** Write an action from ordered pairs. */
  action(...pairs: Array<[string, string]>): void {
    this.write(`${pairs.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
  }

  async login(username: string, password: string, events = 'on'): Promise<AmiMessage> {
    this.action(['Action', 'Login'], ['ActionID', `login-${username}`], ['Username', username], ['Secret', password], ['Events', events]);
    return this.response(`login-${username}`);
  }

  /** The response with this ActionID. */
  response(actionId: string, timeoutMs = 3000): Promise<AmiMessage> {
    return this.next((m) => m.kind === 'response' && m.actionId === actionId, timeoutMs);
  }

  /** The first message (already received or future) matching `pred`. */
  async next(pred: (m: AmiMessage) => boolean, timeoutMs = 3000): Promise<AmiMessage> {
    let found: AmiMessage | undefined;
    await this.until(() => (found = this.messages.find(pred)) !== undefined, timeoutMs);
    return found!;
  }

  /** Resolves when `cond` holds; rejects after `timeoutMs` or when the connection closes first. */
  until(cond: () => boolean, timeoutMs = 3000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== check);
        reject(new Error(`condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (cond()) {
          clearTimeout(timer);
          this.#waiters = this.#waiters.filter((w) => w !== check);
          resolve();
        }
      };
      this.#waiters.push(check);
      check();
    });
  }

  waitClosed(timeoutMs = 3000): Promise<void> {
    return this.until(() => this.closed, timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }

  #wake(): void {
    for (const w of [...this.#waiters]) w();
  }
}
