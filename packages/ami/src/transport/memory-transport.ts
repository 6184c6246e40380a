import { AmiConnectError } from '../errors.ts';
import type { AmiTransport, AmiTransportEvents, AmiTransportFactory } from './transport.ts';

/**
 * The far end of an in-memory transport, driven by a test or a simulator
 * playing the part of Asterisk. Delivery in both directions is asynchronous
 * (one macrotask later), as on a real socket.
 */
export interface MemoryServerEnd {
  /** Send bytes to the client. Ignored once the connection is closed. */
  write(data: string | Uint8Array): void;
  /** Close gracefully: bytes already written are delivered first, then `close`. */
  end(): void;
  /** Reset the connection: pending bytes are dropped, the client sees `error` then `close`. */
  destroy(error?: Error): void;
  /** Listen to the bytes the client writes. Returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when either side closes. */
  onClose(listener: () => void): () => void;
  /** Every byte the client has written so far. */
  readonly received: Buffer;
  /** True while the client has paused reading. */
  readonly clientPaused: boolean;
  /** Bytes written by this end that the client has not read yet (held while paused). */
  readonly backlog: number;
  readonly closed: boolean;
}

export interface MemoryTransportOptions {
  /** Make connect() fail, as for a refused TCP connection. */
  refuse?: boolean;
}

export interface MemoryTransportPair {
  client: AmiTransport;
  server: MemoryServerEnd;
}

type Listeners = { [E in keyof AmiTransportEvents]: Set<AmiTransportEvents[E]> };

export function createMemoryTransportPair(options: MemoryTransportOptions = {}): MemoryTransportPair {
  const listeners: Listeners = { data: new Set(), drain: new Set(), close: new Set(), error: new Set() };
  const serverData = new Set<(chunk: Buffer) => void>();
  const serverClose = new Set<() => void>();
  const toClient: Buffer[] = [];
  const received: Buffer[] = [];
  let state: 'new' | 'open' | 'closed' = 'new';
  let paused = false;
  let ending = false;
  let flushScheduled = false;

  const emit = <E extends keyof AmiTransportEvents>(event: E, ...args: Parameters<AmiTransportEvents[E]>) => {
    for (const fn of listeners[event]) (fn as (...a: unknown[]) => void)(...args);
  };
  const finish = (hadError: boolean, error?: Error) => {
    if (state === 'closed') return;
    const wasOpen = state === 'open';
    state = 'closed';
    toClient.length = 0;
    for (const fn of serverClose) fn();
    if (!wasOpen) return;
    setImmediate(() => {
      if (error) emit('error', error);
      emit('close', hadError);
    });
  };
  const flush = () => {
    flushScheduled = false;
    while (state === 'open' && !paused && toClient.length > 0) emit('data', toClient.shift()!);
    if (state === 'open' && ending && toClient.length === 0) finish(false);
  };
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  const client: AmiTransport = {
    connect() {
      if (state !== 'new') return Promise.reject(new AmiConnectError('connect() may be called only once'));
      if (options.refuse) {
        state = 'closed';
        return Promise.reject(new AmiConnectError('Cannot connect to memory: connection refused'));
      }
      state = 'open';
      scheduleFlush();
      return Promise.resolve();
    },
    write(data) {
      if (state !== 'open') return false;
      const copy = Buffer.from(data);
      received.push(copy);
      setImmediate(() => {
        if (state === 'open') for (const fn of serverData) fn(copy);
      });
      return true;
    },
    pause() {
      paused = true;
    },
    resume() {
      if (!paused) return;
      paused = false;
      scheduleFlush();
    },
    close() {
      finish(false);
    },
    on(event, listener) {
      (listeners[event] as Set<typeof listener>).add(listener);
    },
    off(event, listener) {
      (listeners[event] as Set<typeof listener>).delete(listener);
    },
  };

  const server: MemoryServerEnd = {
    write(data) {
      if (state === 'closed' || ending) return;
      toClient.push(Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
      scheduleFlush();
    },
    end() {
      if (state === 'closed') return;
      ending = true;
      scheduleFlush();
    },
    destroy(error = new Error('connection reset by peer')) {
      finish(true, error);
    },
    onData(listener) {
      serverData.add(listener);
      return () => serverData.delete(listener);
    },
    onClose(listener) {
      serverClose.add(listener);
      return () => serverClose.delete(listener);
    },
    get received() {
      return Buffer.concat(received);
    },
    get clientPaused() {
      return paused;
    },
    get backlog() {
      return toClient.reduce((n, b) => n + b.length, 0);
    },
    get closed() {
      return state === 'closed';
    },
  };
  return { client, server };
}

/**
 * A transport factory for the client that makes a fresh in-memory pair per
 * connection attempt and hands its server end to `onConnection`.
 */
export function memoryConnector(
  onConnection: (server: MemoryServerEnd, attempt: number) => void,
  options: MemoryTransportOptions | ((attempt: number) => MemoryTransportOptions) = {},
): AmiTransportFactory {
  let attempt = 0;
  return () => {
    attempt++;
    const n = attempt;
    const pair = createMemoryTransportPair(typeof options === 'function' ? options(n) : options);
    const connect = pair.client.connect.bind(pair.client);
    pair.client.connect = async () => {
      await connect();
      onConnection(pair.server, n);
    };
    return pair.client;
  };
}
