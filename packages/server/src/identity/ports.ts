import type { ApiKeyScope, Role } from '@amiable/protocol';
import type { Watch } from './reach.ts';

/**
 * Storage the identity module needs. The server wires database-backed implementations; the
 * in-memory ones in `memory-stores.ts` serve tests and the demo mode.
 */

/** A user as identity needs it: credentials, role and what the user may see. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** argon2id hash (PHC string). */
  passwordHash: string;
  /** The agent this user works as, if any. */
  agentId: string | null;
  /** Extensions the user may see and act on (an agent's own phone; a supervisor's too). */
  extensions: string[];
  /** Queues: those an agent may join, those a supervisor manages. */
  queues: string[];
  /** Agents a supervisor manages (the members of their teams), resolved by the store. */
  agents: string[];
  teams: string[];
  /** What the user's events show, per PBX (see `Principal.watch`). */
  watch?: Watch;
  /** Access tokens issued before this instant (epoch ms) are refused; set by a password change. */
  tokensValidAfter: number | null;
}

export interface UserStore {
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  /** Refuses the user's access tokens issued before `at`. */
  setTokensValidAfter(userId: string, at: number): Promise<void>;
}

/** One refresh token. Only its SHA-256 hash is stored. */
export interface RefreshTokenRecord {
  hash: string;
  userId: string;
  /** The login session (token family): rotation keeps it, logout revokes it. */
  sessionId: string;
  issuedAt: number;
  expiresAt: number;
  /** Set when the token was rotated (used once) or revoked. */
  revokedAt: number | null;
}

/**
 * Login sessions and their refresh tokens. A session is live from `openSession` until it is
 * revoked; rotating a token never ends it. Every implementation behaves the same (a contract test
 * runs them all): an unknown session counts as revoked.
 */
export interface RefreshTokenStore {
  /** Starts a login session (a token family). */
  openSession(sessionId: string, userId: string, at: number): Promise<void>;
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(hash: string): Promise<RefreshTokenRecord | undefined>;
  /** Marks one token used/revoked. Returns false when it was already revoked (a replay). */
  revoke(hash: string, at: number): Promise<boolean>;
  /** Revokes every token of a login session; the session's access tokens stop working too. */
  revokeSession(sessionId: string, at: number): Promise<void>;
  /** Revokes every session of a user. */
  revokeUser(userId: string, at: number): Promise<void>;
  /** True when the session was revoked, or was never opened. */
  isSessionRevoked(sessionId: string): Promise<boolean>;
}

/** An integration's API key. Only its SHA-256 hash is stored. */
export interface ApiKeyRecord {
  id: string;
  /** The integration user the key signs in as; its scopes are the key's scope. */
  userId: string;
  name: string;
  hash: string;
  disabled: boolean;
  scope: ApiKeyScope;
  /** The scope per PBX (see `Principal.watch`). */
  watch?: Watch;
}

export interface ApiKeyStore {
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** Re-reads a key a live connection uses (its scope or state may have changed). */
  findById(id: string): Promise<ApiKeyRecord | undefined>;
}
