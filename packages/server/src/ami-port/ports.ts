import type { AmiMessage } from '@amiable/ami';
import type { AmiPortModel } from './model.ts';

/**
 * What the AMI-compatible port needs from the rest of the server. Each port is
 * deliberately small so that the composition root can adapt the identity,
 * AMI client, audit and telephony modules to it, and tests can use in-memory fakes.
 */

export type AmiPortRole = 'agent' | 'supervisor' | 'admin' | 'integration';

/**
 * Who logged in and what they may see and act on. The identity module's
 * `Principal` is assignable to this type.
 */
export interface AmiPortPrincipal {
  userId: string;
  username: string;
  role: AmiPortRole;
  /** Extensions (endpoint names such as `1001`) whose channels and devices the client may see and act on. */
  extensions: readonly string[];
  /** Queues whose callers and members the client may see, and may join or pause in. */
  queues: readonly string[];
  /** Agents in reach. Kept for completeness; AMI itself identifies members by interface. */
  agents: readonly string[];
  /** The client's own agent: its events follow the desk this agent sits at now (`AmiPortDeps.seats`). */
  agentId?: string;
  /**
   * What the client's events show, per PBX (`pbx` '' = every PBX). An agent watches no desk here:
   * they see their current seat. Absent: `extensions` and `queues` on every PBX.
   */
  watch?: {
    extensions: readonly { pbx: string; value: string }[];
    queues: readonly { pbx: string; value: string }[];
  };
}

/** Where agents sit now (the gateway's live seats). */
export interface AmiPortSeats {
  seatOf(agentId: string): { pbx: string; extension: string } | undefined;
}

/** Checks CTI credentials. */
export interface AmiPortCredentials {
  /** Verifies a plain `Secret` login. Returns null when the credentials are wrong or the account is disabled. */
  authenticate(username: string, password: string, ip: string): Promise<AmiPortPrincipal | null> | AmiPortPrincipal | null;
  /**
   * MD5 challenge login needs the plain secret on the server, which CTI accounts do not
   * have (their passwords are stored as argon2 hashes). Implement this only for accounts
   * that carry a separate AMI-port secret: it returns that secret and the principal, or
   * null. Without it, `Action: Challenge` is refused with an explanatory `Message:`.
   */
  challengeSecret?(username: string, ip: string): Promise<AmiChallengeAccount | null> | AmiChallengeAccount | null;
}

export interface AmiChallengeAccount {
  principal: AmiPortPrincipal;
  /** The account's plain AMI-port secret (not its CTI password). */
  secret: string;
}

/**
 * The server's own AMI connection(s) to Asterisk. `action` holds ordered header
 * pairs with `Action` first and no ActionID: the implementation assigns its own.
 * Resolves with the response (`Response: Error` resolves too); rejects only when
 * the action could not be delivered or answered (not connected, timeout).
 */
export interface AmiPortUpstream {
  send(pbxId: string, action: ReadonlyArray<readonly [string, string]>): Promise<AmiMessage>;
}

/** Live AMI events from the server's upstream connection(s), one listener per port. */
export interface AmiPortEventSource {
  /** Returns an unsubscribe function. */
  subscribe(listener: (pbxId: string, message: AmiMessage) => void): () => void;
}

export interface AmiPortAuditEntry {
  userId: string | null;
  username: string | null;
  ip: string;
  channel: 'ami';
  /** The AMI action name as sent (`QueuePause`, `Command`, ...). */
  command: string;
  /** The action's headers (Secret and Key are masked). */
  args: Record<string, string>;
  result: 'ok' | 'error';
  errorCode: string | null;
}

/** Records every action, allowed or refused. Must not throw; a returned promise is not awaited. */
export type AmiPortAudit = (entry: AmiPortAuditEntry) => void | Promise<void>;

/** A pino-compatible logger subset. */
export interface AmiPortLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a logged-in session must do after its principal changed. */
export type AmiPortVerdict =
  | { action: 'update'; principal: AmiPortPrincipal }
  /** `reason` and `code` go into the `CtiSessionEnded` event sent before the connection closes. */
  | { action: 'close'; reason: string; code: string; message: string };

/**
 * Follows changes to who a logged-in client is (role, scope, a disabled account, a password
 * change). The port registers each session after login and applies every verdict at once.
 */
export interface AmiPortPrincipalWatch {
  /** Returns the function that stops following. */
  watch(current: () => AmiPortPrincipal, apply: (verdict: AmiPortVerdict) => void): () => void;
}

export interface AmiPortDeps {
  credentials: AmiPortCredentials;
  /** Without it, a session keeps the principal it logged in with until it disconnects. */
  principals?: AmiPortPrincipalWatch;
  upstream: AmiPortUpstream;
  events: AmiPortEventSource;
  audit: AmiPortAudit;
  /**
   * Read-only state used to answer CoreShowChannels, QueueStatus, QueueSummary,
   * DeviceStateList, ExtensionStateList and Status. Default: a mirror built from
   * the event source (`createEventMirror`).
   */
  model?: AmiPortModel;
  logger?: AmiPortLogger;
  /**
   * Whether a pause reason is one of the configured reasons. A `QueuePause` or `QueueAdd` whose
   * `Reason` is not is refused. Without it, any well-formed reason passes.
   */
  pauseReasons?: { isConfigured(code: string): Promise<boolean> | boolean };
  /**
   * Why an agent may not be Ready now (a disposition her last call's queue requires), or null. An
   * unpause (`QueuePause` with `Paused: false`) from that agent's session is refused with this
   * sentence. Without it, unpauses are never held back.
   */
  readyGate?: { refusal(agentId: string): Promise<string | null> };
  /** Clock in epoch milliseconds. Default Date.now. */
  now?: () => number;
  /** Where agents sit now; an agent's events follow their seat. Without it an agent sees no desk of a per-PBX `watch`. */
  seats?: AmiPortSeats;
}
