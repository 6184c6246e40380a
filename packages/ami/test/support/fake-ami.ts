import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import {
  type AmiMessage,
  AmiParser,
  type AmiTransportFactory,
  encodeMessage,
  type MemoryServerEnd,
  md5Key,
  memoryConnector,
} from '../../src/index.ts';

/** The far end of one connection, whatever carries it (a socket or the in-memory pair). */
export interface Endpoint {
  write(data: string | Buffer): void;
  end(): void;
  destroy(): void;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: () => void): void;
  /** In-memory only: whether the client has paused reading. */
  clientPaused?: () => boolean;
}

export type Pairs = Array<[string, string]> | Record<string, string>;

/** One scripted AMI session, seen from the server side. */
export class FakeAmiSession {
  readonly actions: AmiMessage[] = [];
  readonly #endpoint: Endpoint;
  readonly #server: FakeAmi;
  readonly #chunks: Buffer[] = [];
  loggedIn = false;
  closed = false;
  /** When true, the session reads but never answers (a hung Asterisk). */
  mute = false;

  constructor(endpoint: Endpoint, server: FakeAmi) {
    this.#endpoint = endpoint;
    this.#server = server;
    const parser = new AmiParser({ message: (m) => this.#onAction(m) });
    endpoint.onData((chunk) => {
      this.#chunks.push(chunk);
      parser.push(chunk);
    });
    endpoint.onClose(() => {
      this.closed = true;
    });
    if (!server.options.silent) endpoint.write(`${server.options.banner ?? 'Asterisk Call Manager/11.0.0'}\r\n`);
  }

  /** In-memory sessions only: true while the client has paused reading. */
  get clientPaused(): boolean {
    return this.#endpoint.clientPaused?.() ?? false;
  }

  /** Every byte the client sent on this session. */
  get received(): Buffer {
    return Buffer.concat(this.#chunks);
  }

  /** Actions received so far with this Action name (case-insensitive). */
  actionsNamed(name: string): AmiMessage[] {
    return this.actions.filter((a) => a.get('Action')?.toLowerCase() === name.toLowerCase());
  }

  send(pairs: Pairs): void {
    if (this.closed) return;
    this.#endpoint.write(encodeMessage(Array.isArray(pairs) ? pairs : Object.entries(pairs)));
  }

  raw(text: string | Buffer): void {
    if (!this.closed) this.#endpoint.write(text);
  }

  reply(action: AmiMessage, response: string, fields: Pairs = {}): void {
    const extra = Array.isArray(fields) ? fields : Object.entries(fields);
    this.send([['Response', response], ['ActionID', action.get('ActionID') ?? ''], ...extra]);
  }

  event(name: string, fields: Pairs = {}): void {
    const extra = Array.isArray(fields) ? fields : Object.entries(fields);
    this.send([['Event', name], ['Privilege', 'call,all'], ...extra]);
  }

  end(): void {
    this.closed = true;
    this.#endpoint.end();
  }

  destroy(): void {
    this.closed = true;
    this.#endpoint.destroy();
  }

  #onAction(action: AmiMessage): void {
    this.actions.push(action);
    this.#server.notifyAction(this, action);
    if (this.mute) return;
    const name = (action.get('Action') ?? '').toLowerCase();
    if (name === 'challenge') {
      this.reply(action, 'Success', { Challenge: this.#server.challenge });
    } else if (name === 'login') {
      this.#login(action);
    } else if (name === 'logoff') {
      this.reply(action, 'Goodbye', { Message: 'Thanks for all the fish.' });
      this.end();
    } else if (!this.loggedIn) {
      this.reply(action, 'Error', { Message: 'Permission denied' });
    } else if (this.#server.options.onAction?.(action, this)) {
      // handled by the test
    } else if (name === 'ping') {
      this.reply(action, 'Success', { Ping: 'Pong', Timestamp: '1795671771.390879' });
    } else {
      this.reply(action, 'Error', {
        Message: `Invalid/unknown command: ${action.get('Action')}. Use Action: ListCommands to show available commands.`,
      });
    }
  }

  #login(action: AmiMessage): void {
    const users = this.#server.options.users ?? { cti: 'ctisecret' };
    const user = action.get('Username') ?? '';
    const secret = users[user];
    const ok =
      secret !== undefined &&
      (action.get('AuthType')?.toLowerCase() === 'md5'
        ? action.get('Key') === md5Key(this.#server.challenge, secret)
        : action.get('Secret') === secret);
    if (!ok) {
      // Asterisk waits a second, answers, then closes the socket.
      this.reply(action, 'Error', { Message: 'Authentication failed' });
      this.end();
      return;
    }
    this.loggedIn = true;
    this.reply(action, 'Success', { Message: 'Authentication accepted' });
    this.#server.options.afterLogin?.(this);
  }
}

export interface FakeAmiOptions {
  banner?: string;
  /** Accept connections but never write a byte (not even the banner). */
  silent?: boolean;
  /** username -> secret. Default { cti: 'ctisecret' }. */
  users?: Record<string, string>;
  /** Handle an action after login; return true when handled. */
  onAction?: (action: AmiMessage, session: FakeAmiSession) => boolean | undefined;
  afterLogin?: (session: FakeAmiSession) => void;
}

/** A scripted stand-in for Asterisk's AMI, reachable over TCP (port 0) or in memory. */
export class FakeAmi {
  readonly options: FakeAmiOptions;
  readonly sessions: FakeAmiSession[] = [];
  readonly challenge = '840512399';
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  #sessionWaiters: Array<() => void> = [];
  #actionWaiters: Array<{ name: string; resolve: (a: AmiMessage) => void }> = [];

  constructor(options: FakeAmiOptions = {}) {
    this.options = options;
  }

  attach(endpoint: Endpoint): FakeAmiSession {
    const session = new FakeAmiSession(endpoint, this);
    this.sessions.push(session);
    for (const w of this.#sessionWaiters.splice(0)) w();
    return session;
  }

  /** Resolves with session number `n` (0-based) once it exists. */
  session(n: number): Promise<FakeAmiSession> {
    if (this.sessions[n]) return Promise.resolve(this.sessions[n]);
    return new Promise((resolve) => {
      const check = () => {
        const s = this.sessions[n];
        if (s) resolve(s);
        else this.#sessionWaiters.push(check);
      };
      this.#sessionWaiters.push(check);
    });
  }

  /** Resolves with the next action named `name` received on any session. */
  nextAction(name: string): Promise<AmiMessage> {
    return new Promise((resolve) => this.#actionWaiters.push({ name: name.toLowerCase(), resolve }));
  }

  notifyAction(_session: FakeAmiSession, action: AmiMessage): void {
    const name = (action.get('Action') ?? '').toLowerCase();
    const matched = this.#actionWaiters.filter((w) => w.name === name);
    this.#actionWaiters = this.#actionWaiters.filter((w) => w.name !== name);
    for (const w of matched) w.resolve(action);
  }

  /** An in-memory transport factory: each connection attempt gets a new session. */
  connector(options?: Parameters<typeof memoryConnector>[1]): AmiTransportFactory {
    return memoryConnector((server: MemoryServerEnd) => {
      this.attach({
        write: (d) => server.write(d),
        end: () => server.end(),
        destroy: () => server.destroy(),
        onData: (l) => server.onData(l),
        onClose: (l) => server.onClose(l),
        clientPaused: () => server.clientPaused,
      });
    }, options);
  }

  /** Listen on 127.0.0.1, port 0 (TLS when a key and certificate are given). */
  async listen(tls?: { key: Buffer; cert: Buffer }): Promise<number> {
    const onSocket = (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => {});
      this.attach({
        write: (d) => socket.write(d),
        end: () => socket.end(),
        destroy: () => socket.destroy(),
        onData: (l) => socket.on('data', l),
        onClose: (l) => socket.on('close', l),
      });
    };
    const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onSocket) : createServer(onSocket);
    server.on('tlsClientError', () => {});
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
