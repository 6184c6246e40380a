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
}

export interface UserStore {
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
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

export interface RefreshTokenStore {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(hash: string): Promise<RefreshTokenRecord | undefined>;
  /** Marks one token used/revoked. Returns false when it was already revoked (a replay). */
  revoke(hash: string, at: number): Promise<boolean>;
  /** Revokes every token of a login session; the session's access tokens stop working too. */
  revokeSession(sessionId: string, at: number): Promise<void>;
  /** Revokes every session of a user. */
  revokeUser(userId: string, at: number): Promise<void>;
  isSessionRevoked(sessionId: string): Promise<boolean>;
}

/** An integration's API key. Only its SHA-256 hash is stored. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  hash: string;
  disabled: boolean;
  scope: ApiKeyScope;
  /** The scope per PBX (see `Principal.watch`). */
  watch?: Watch;
}

export interface ApiKeyStore {
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
}
