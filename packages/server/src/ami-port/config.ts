import type { SecureContextOptions } from 'node:tls';

/** Settings of the AMI-compatible port. The port is off unless the server's config enables it. */
export interface AmiPortConfig {
  /** Serve AMI over TLS with this certificate and key. Without it the port speaks plain TCP. */
  tls?: Pick<SecureContextOptions, 'cert' | 'key' | 'ca' | 'passphrase' | 'minVersion'> | undefined;
  /** The first line sent on connect. Asterisk 22's banner, because some clients check it. */
  banner: string;
  /** PBX that receives actions not tied to a tracked channel (QueueAdd, QueuePause, Originate). */
  defaultPbxId: string;
  /**
   * The only dialplan context that Originate, Redirect, BlindTransfer and Atxfer may
   * target. Unset: those actions are refused.
   */
  allowedContext: string | undefined;
  /** Bytes queued for a client beyond which it counts as stalled and is disconnected. */
  outboundHighWaterMark: number;
  /**
   * Events for a client are written in one batch at most this many milliseconds after the
   * first of them (0: at the end of the current event-loop turn). Answers to the client's
   * own actions are never delayed.
   */
  eventBatchMs: number;
  /** A connection that has not logged in within this time is closed (Asterisk: authtimeout). */
  authTimeoutMs: number;
  /** At most this many connections may be waiting to log in (Asterisk: authlimit). */
  maxUnauthenticated: number;
  /**
   * At most this many connections from one address may be waiting to log in, so that idle
   * connections from one host cannot use up `maxUnauthenticated` for everybody else.
   */
  maxUnauthenticatedPerIp: number;
  /** Hard cap on open connections. */
  maxConnections: number;
  /** A failed login is answered after this delay, then the connection closes (Asterisk waits 1 s). */
  failedLoginDelayMs: number;
  /** How long an Originate's ActionID is remembered while waiting for its OriginateResponse. */
  originateResponseTtlMs: number;
  /** Actions read from one client but not yet answered; beyond this, reading from it pauses. */
  maxPendingActions: number;
  /**
   * Endpoint names that are extensions (phones). A channel of such an endpoint outside a
   * client's extensions is never shown to that client. Trunks and other endpoints are
   * visible when they take part in one of the client's calls. Devices named in hints
   * (ExtensionStatus) count as extensions too.
   */
  extensionPattern: RegExp;
}

export const AMI_PORT_DEFAULTS: Readonly<AmiPortConfig> = Object.freeze({
  tls: undefined,
  banner: 'Asterisk Call Manager/11.0.0',
  defaultPbxId: 'default',
  allowedContext: undefined,
  outboundHighWaterMark: 1024 * 1024,
  eventBatchMs: 5,
  authTimeoutMs: 10_000,
  maxUnauthenticated: 200,
  maxUnauthenticatedPerIp: 8,
  maxConnections: 1000,
  failedLoginDelayMs: 1000,
  originateResponseTtlMs: 120_000,
  maxPendingActions: 32,
  extensionPattern: /^[0-9]+$/,
});

/** Defaults overlaid with `partial`, frozen. */
export function resolveAmiPortConfig(partial: Partial<AmiPortConfig> = {}): Readonly<AmiPortConfig> {
  const out: AmiPortConfig = { ...AMI_PORT_DEFAULTS };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return Object.freeze(out);
}
