import { ActionIdGenerator } from '../codec/action-id.ts';
import type { AmiMessage } from '../codec/message.ts';
import type { AmiTransportFactory } from '../transport/transport.ts';
import type { AmiClient } from './api.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.ts';
import { DEFAULT_KEEPALIVE, type KeepaliveOptions } from './keepalive.ts';
import type { AmiCredentials } from './login.ts';

export interface AmiReconnectOptions extends Partial<BackoffPolicy> {
  /** Give up (state `closed`) after this many failed attempts in a row. Default: never give up. */
  maxAttempts?: number;
  /** Keep retrying after `Authentication failed`. Default false: a refused login closes the client. */
  retryOnAuthFailure?: boolean;
}

/** What the resync hook learns about the new session. */
export interface AmiConnectionInfo {
  connectionId: number;
  /** The banner line, e.g. `Asterisk Call Manager/11.0.0`. */
  banner: string;
  /** The AMI version from the banner (`11.0.0`), if any. */
  version: string | undefined;
  /** The `Authentication accepted` reply. */
  login: AmiMessage;
  /** True for the first successful session of this client. */
  firstConnection: boolean;
}

export interface AmiClientOptions extends AmiCredentials {
  /** Makes the transport for each connection attempt, e.g. `() => createTcpTransport({ host })`. */
  transport: AmiTransportFactory;
  /** Default timeout of send(), in ms. Default 10 000. */
  actionTimeoutMs?: number;
  /** Default timeout of sendList(), in ms. Default 30 000. */
  listTimeoutMs?: number;
  /** Budget for the banner and the login exchange, in ms. Default 10 000. */
  loginTimeoutMs?: number;
  /** Ping watchdog. Default { intervalMs: 5000, timeoutMs: 10000 }; false turns it off. */
  keepalive?: Partial<KeepaliveOptions> | false;
  /** Reconnect policy. Default: backoff 500 ms to 10 s, jitter 0.5, forever. false: close on the first drop. */
  reconnect?: AmiReconnectOptions | false;
  /**
   * Runs after each login, in state `resyncing`, before `ready`: take snapshots
   * here with sendList(). If it throws, the connection is dropped and retried.
   */
  onConnected?: (client: AmiClient, info: AmiConnectionInfo) => void | Promise<void>;
  /**
   * Events that arrive before `ready` (login and resync): `deliver` hands them
   * to listeners at once with `meta.resync = true`; `buffer` holds them and
   * delivers them, in order, just before the client turns `ready`. Default `deliver`.
   */
  resyncEvents?: 'deliver' | 'buffer';
  /** With `buffer`: most events held; beyond it the connection is restarted. Default 100 000. */
  maxHeldEvents?: number;
  /** Backpressure: queued events at which reading pauses / resumes. Default 1000 / 100. */
  flowControl?: { highWaterMark?: number; lowWaterMark?: number };
  /** Largest message accepted from Asterisk, in bytes. Default 1 MiB. */
  maxMessageBytes?: number;
  /** ActionID source. Default: a new generator with a random prefix. */
  idGenerator?: ActionIdGenerator;
  /** Randomness for reconnect jitter. Default Math.random. */
  random?: () => number;
  /** Clock for status timestamps. Default Date.now. */
  now?: () => number;
}

export interface ResolvedOptions {
  actionTimeoutMs: number;
  listTimeoutMs: number;
  loginTimeoutMs: number;
  keepalive: KeepaliveOptions | undefined;
  reconnect: (BackoffPolicy & { maxAttempts: number; retryOnAuthFailure: boolean }) | undefined;
  resyncEvents: 'deliver' | 'buffer';
  maxHeldEvents: number;
  highWaterMark: number;
  lowWaterMark: number;
  maxMessageBytes: number;
  ids: ActionIdGenerator;
  random: () => number;
  now: () => number;
}

export function resolveOptions(o: AmiClientOptions): ResolvedOptions {
  const highWaterMark = o.flowControl?.highWaterMark ?? 1000;
  return {
    actionTimeoutMs: o.actionTimeoutMs ?? 10_000,
    listTimeoutMs: o.listTimeoutMs ?? 30_000,
    loginTimeoutMs: o.loginTimeoutMs ?? 10_000,
    keepalive:
      o.keepalive === false
        ? undefined
        : {
            intervalMs: o.keepalive?.intervalMs ?? DEFAULT_KEEPALIVE.intervalMs,
            timeoutMs: o.keepalive?.timeoutMs ?? DEFAULT_KEEPALIVE.timeoutMs,
          },
    reconnect:
      o.reconnect === false
        ? undefined
        : {
            baseMs: o.reconnect?.baseMs ?? DEFAULT_BACKOFF.baseMs,
            maxMs: o.reconnect?.maxMs ?? DEFAULT_BACKOFF.maxMs,
            jitter: o.reconnect?.jitter ?? DEFAULT_BACKOFF.jitter,
            maxAttempts: o.reconnect?.maxAttempts ?? Number.POSITIVE_INFINITY,
            retryOnAuthFailure: o.reconnect?.retryOnAuthFailure ?? false,
          },
    resyncEvents: o.resyncEvents ?? 'deliver',
    maxHeldEvents: o.maxHeldEvents ?? 100_000,
    highWaterMark,
    lowWaterMark: Math.min(o.flowControl?.lowWaterMark ?? Math.floor(highWaterMark / 10), highWaterMark),
    maxMessageBytes: o.maxMessageBytes ?? 1024 * 1024,
    ids: o.idGenerator ?? new ActionIdGenerator(),
    random: o.random ?? Math.random,
    now: o.now ?? Date.now,
  };
}
