import { PbxSimConfigError } from './errors.ts';
import type { SimClock } from './time/clock.ts';

/** An AMI account, as in manager.conf. */
export interface SimUser {
  username: string;
  secret: string;
  /** Event classes the user may read, e.g. `all` or `call,agent`. Default `all`. */
  read?: string;
  /** Action classes the user may run, e.g. `all` or `call`. Default `all`. */
  write?: string;
}

export type QueueStrategy = 'ringall' | 'linear' | 'rrmemory';

/** A queue, as in queues.conf. Times are in seconds, like the config file. */
export interface SimQueueConfig {
  name: string;
  strategy?: QueueStrategy;
  /** Seconds a member rings before the attempt is abandoned. Default 15. */
  timeout?: number;
  /** Seconds to wait before ringing again after an unanswered attempt. Default 2. */
  retry?: number;
  /** Seconds after a call before a member is rung again. Default 0. */
  wrapuptime?: number;
  /** Ring members that are already on a call. Default false. */
  ringinuse?: boolean;
  /** Service level threshold in seconds. Default 30. */
  servicelevel?: number;
  weight?: number;
  maxlen?: number;
  musicclass?: string;
}

export type PhoneMode = 'answer' | 'noanswer' | 'busy' | 'reject';

/** How a simulated phone reacts when it is called. */
export interface PhoneBehaviour {
  mode: PhoneMode;
  /** Ringing time before answering, busy or rejecting. Default 2000 ms. */
  answerAfterMs?: number;
  /** If set, the phone hangs up this long after answering (an agent ending the call). */
  hangupAfterMs?: number;
}

export interface NoiseOptions {
  /** Newexten and VarSet (class dialplan). */
  dialplan?: boolean;
  /** RTCPSent / RTCPReceived (class reporting). */
  rtcp?: boolean;
  /** Cdr (class cdr). */
  cdr?: boolean;
}

export interface SimulatedPbxOptions {
  /** TCP port; 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  users?: SimUser[];
  /** PJSIP endpoint names. Default 1001..1020. */
  endpoints?: string[];
  /** Caller ID name per endpoint. Default `Agent <endpoint>`. */
  endpointNames?: Record<string, string>;
  /** Default: the lab's lang-en, lang-ar, lang-fr (ringall), support (linear), sales (rrmemory). */
  queues?: SimQueueConfig[];
  /** Phone behaviour: `default` applies to endpoints without their own entry. */
  phones?: { default?: PhoneBehaviour } & Record<string, PhoneBehaviour | undefined>;
  /** Inject a clock (e.g. ManualClock for deterministic tests). */
  clock?: SimClock;
  /** Real ms per simulated ms when no clock is given. 0.01 runs 100x faster. Default 1. */
  scale?: number;
  /** Seed for every random choice (bridge ids, generator). Default 1. */
  seed?: number;
  /**
   * The noisy classes. `true` (default) emits them like a real read=all user
   * sees them; `false` never builds them, which benchmarks want.
   */
  noise?: boolean | NoiseOptions;
  /** Asterisk sleeps 1 s before answering a failed login. Default 1000 (simulated ms). */
  authFailureDelayMs?: number;
  /** Interval of RTCPSent/RTCPReceived per answered phone leg. Default 5000 ms. */
  rtcpIntervalMs?: number;
  /** Close a session whose unsent output exceeds this (a reader that cannot keep up). Default 64 MiB. */
  maxOutputBytes?: number;
}

export interface ResolvedConfig {
  port: number;
  host: string;
  users: Required<SimUser>[];
  endpoints: string[];
  endpointNames: Record<string, string>;
  queues: Required<SimQueueConfig>[];
  phones: Record<string, Required<Omit<PhoneBehaviour, 'hangupAfterMs'>> & { hangupAfterMs?: number }>;
  defaultPhone: Required<Omit<PhoneBehaviour, 'hangupAfterMs'>> & { hangupAfterMs?: number };
  seed: number;
  scale: number;
  noise: Required<NoiseOptions>;
  authFailureDelayMs: number;
  rtcpIntervalMs: number;
  maxOutputBytes: number;
}

export const LAB_QUEUES: SimQueueConfig[] = [
  { name: 'lang-en', strategy: 'ringall' },
  { name: 'lang-ar', strategy: 'ringall' },
  { name: 'lang-fr', strategy: 'ringall' },
  { name: 'support', strategy: 'linear' },
  { name: 'sales', strategy: 'rrmemory' },
];

export const DEFAULT_USERS: SimUser[] = [
  { username: 'cti', secret: 'ctisecret', read: 'all', write: 'all' },
  { username: 'limited', secret: 'limitedsecret', read: 'call,agent', write: 'call' },
];

export function defaultEndpoints(from = 1001, count = 20): string[] {
  return Array.from({ length: count }, (_, i) => String(from + i));
}

const STRATEGIES = new Set(['ringall', 'linear', 'rrmemory']);
const MODES = new Set(['answer', 'noanswer', 'busy', 'reject']);

export function resolvePhone(p: PhoneBehaviour): ResolvedConfig['defaultPhone'] {
  if (!MODES.has(p.mode)) throw new PbxSimConfigError(`Unknown phone mode ${p.mode}`, { mode: p.mode });
  const out: ResolvedConfig['defaultPhone'] = { mode: p.mode, answerAfterMs: p.answerAfterMs ?? 2000 };
  if (p.hangupAfterMs !== undefined) out.hangupAfterMs = p.hangupAfterMs;
  return out;
}

/** Validate options and fill in the lab defaults. */
export function resolveConfig(o: SimulatedPbxOptions): ResolvedConfig {
  const endpoints = o.endpoints ?? defaultEndpoints();
  if (new Set(endpoints).size !== endpoints.length) throw new PbxSimConfigError('Duplicate endpoint names');
  for (const e of endpoints) {
    if (!/^[A-Za-z0-9_.+-]+$/.test(e)) throw new PbxSimConfigError(`Invalid endpoint name ${e}`, { endpoint: e });
  }
  const queues = (o.queues ?? LAB_QUEUES).map((q) => {
    if (!/^[A-Za-z0-9_.-]+$/.test(q.name)) throw new PbxSimConfigError(`Invalid queue name ${q.name}`);
    const strategy = q.strategy ?? 'ringall';
    if (!STRATEGIES.has(strategy)) throw new PbxSimConfigError(`Unsupported strategy ${strategy}`, { queue: q.name });
    return {
      name: q.name,
      strategy,
      timeout: q.timeout ?? 15,
      retry: q.retry ?? 2,
      wrapuptime: q.wrapuptime ?? 0,
      ringinuse: q.ringinuse ?? false,
      servicelevel: q.servicelevel ?? 30,
      weight: q.weight ?? 0,
      maxlen: q.maxlen ?? 0,
      musicclass: q.musicclass ?? 'default',
    };
  });
  if (new Set(queues.map((q) => q.name)).size !== queues.length) throw new PbxSimConfigError('Duplicate queue names');
  const endpointNames: Record<string, string> = {};
  for (const e of endpoints) endpointNames[e] = o.endpointNames?.[e] ?? `Agent ${e}`;
  const phones: ResolvedConfig['phones'] = {};
  for (const [k, v] of Object.entries(o.phones ?? {})) {
    if (k !== 'default' && v) phones[k] = resolvePhone(v);
  }
  const noise = o.noise === undefined || o.noise === true ? {} : o.noise === false ? null : o.noise;
  const scale = o.scale ?? 1;
  if (!(scale > 0)) throw new PbxSimConfigError('scale must be > 0', { scale });
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    users: (o.users ?? DEFAULT_USERS).map((u) => ({
      username: u.username,
      secret: u.secret,
      read: u.read ?? 'all',
      write: u.write ?? 'all',
    })),
    endpoints,
    endpointNames,
    queues,
    phones,
    defaultPhone: resolvePhone(o.phones?.default ?? { mode: 'answer', answerAfterMs: 2000 }),
    seed: o.seed ?? 1,
    scale,
    noise: {
      dialplan: noise?.dialplan ?? noise !== null,
      rtcp: noise?.rtcp ?? noise !== null,
      cdr: noise?.cdr ?? noise !== null,
    },
    authFailureDelayMs: o.authFailureDelayMs ?? 1000,
    rtcpIntervalMs: o.rtcpIntervalMs ?? 5000,
    maxOutputBytes: o.maxOutputBytes ?? 64 * 1024 * 1024,
  };
}
