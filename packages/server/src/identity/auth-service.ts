import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@amiable/protocol';
import { type AccessTokens, looksLikeAccessToken } from './access-token.ts';
import type { Clock } from './clock.ts';
import { CODES, CtiError } from './errors.ts';
import type { PasswordHasher } from './password.ts';
import type { ApiKeyRecord, ApiKeyStore, RefreshTokenStore, UserRecord, UserStore } from './ports.ts';
import { type Principal, principalFromApiKey, principalFromUser } from './principal.ts';
import { createLoginGuard, type LoginBudgets, type LoginLimits } from './login-guard.ts';
import type { PrincipalChanges, SessionEndReason } from './principal-changes.ts';
import { randomSecret, sha256 } from './secrets.ts';

export type { LoginLimits } from './login-guard.ts';

export interface AuthServiceDeps {
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  apiKeys: ApiKeyStore;
  accessTokens: AccessTokens;
  passwords: PasswordHasher;
  clock: Clock;
  refreshTtlSeconds: number;
  loginLimits: LoginLimits;
  /** Where the login budgets are kept; this node's memory by default (cluster mode shares them). */
  loginBudgets?: (limits: LoginLimits) => LoginBudgets;
  /** Where sign-outs, token reuse, disabled accounts and password changes are published. */
  changes: PrincipalChanges;
}

/**
 * Login, token refresh with rotation, logout and credential checks. Failed logins are limited per
 * username and address, per username and per address (see `login-guard.ts`); a refresh token
 * used twice revokes its whole session.
 */
export function createAuthService(deps: AuthServiceDeps) {
  const guard = deps.loginBudgets?.(deps.loginLimits) ?? createLoginGuard(deps.loginLimits, deps.clock);
  // Remembered password checks are bound to the stored hash already; they are also dropped
  // whenever an account is disabled, deleted or given a new password, on any node.
  deps.changes.subscribe((change) => {
    if (change.kind === 'user.password-changed' || change.kind === 'user.disabled' || change.kind === 'user.deleted') deps.passwords.forgetVerified();
  });
  const ended = (userId: string, sessionId: string | undefined, reason: SessionEndReason) =>
    deps.changes.publish({ kind: 'session.ended', userId, ...(sessionId ? { sessionId } : {}), reason, at: deps.clock.now() });

  async function issue(user: UserRecord, sessionId: string): Promise<TokenPair> {
    const refreshToken = randomSecret('rt');
    const now = deps.clock.now();
    await deps.refreshTokens.insert({
      hash: sha256(refreshToken),
      userId: user.id,
      sessionId,
      issuedAt: now,
      expiresAt: now + deps.refreshTtlSeconds * 1000,
      revokedAt: null,
    });
    return {
      tokenType: 'Bearer',
      accessToken: deps.accessTokens.sign(user.id, sessionId),
      expiresIn: deps.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: deps.refreshTtlSeconds,
      user: { userId: user.id, username: user.username, role: user.role, agentId: user.agentId },
    };
  }

  async function activeUser(userId: string): Promise<UserRecord> {
    const user = await deps.users.findById(userId);
    if (!user) throw new CtiError(CODES.UNAUTHENTICATED, 'Unknown user');
    if (user.disabled) throw new CtiError(CODES.USER_DISABLED, 'The account is disabled');
    return user;
  }

  /** The user behind an access token of a live session, issued after their last password change. */
  async function tokenUser(userId: string, sessionId: string, issuedAtMs: number): Promise<UserRecord> {
    if (await deps.refreshTokens.isSessionRevoked(sessionId)) {
      throw new CtiError(CODES.TOKEN_REVOKED, 'The session was signed out');
    }
    const user = await activeUser(userId);
    if (user.tokensValidAfter !== null && issuedAtMs < user.tokensValidAfter) {
      throw new CtiError(CODES.TOKEN_REVOKED, 'The password was changed; sign in again');
    }
    return user;
  }

  async function activeApiKey(record: ApiKeyRecord | undefined): Promise<Principal> {
    if (!record) throw new CtiError(CODES.INVALID_CREDENTIALS, 'Unknown API key');
    if (record.disabled) throw new CtiError(CODES.USER_DISABLED, 'The API key is disabled');
    return principalFromApiKey(record);
  }

  return {
    async login(username: string, password: string, ip: string): Promise<{ tokens: TokenPair; principal: Principal }> {
      const attempt = await guard.begin(username, ip);
      let user: UserRecord | undefined;
      let ok = false;
      try {
        user = await deps.users.findByUsername(username);
        ok = await deps.passwords.verify(user?.passwordHash, password);
      } finally {
        if (user && ok) attempt.succeeded();
        else attempt.failed();
      }
      if (!user || !ok) throw new CtiError(CODES.INVALID_CREDENTIALS, 'Wrong username or password');
      if (user.disabled) throw new CtiError(CODES.USER_DISABLED, 'The account is disabled');
      const sessionId = randomUUID();
      await deps.refreshTokens.openSession(sessionId, user.id, deps.clock.now());
      const tokens = await issue(user, sessionId);
      return { tokens, principal: principalFromUser(user, sessionId, Math.floor(deps.clock.now() / 1000) * 1000) };
    },

    /**
     * Exchanges a refresh token for a new pair within the same session; the old refresh token stops
     * working. Presenting a rotated token again ends the whole session (somebody else may hold a copy).
     */
    async refresh(refreshToken: string): Promise<TokenPair> {
      const record = await deps.refreshTokens.findByHash(sha256(refreshToken));
      if (!record) throw new CtiError(CODES.UNAUTHENTICATED, 'Unknown refresh token');
      if (await deps.refreshTokens.isSessionRevoked(record.sessionId)) {
        throw new CtiError(CODES.TOKEN_REVOKED, 'The session was signed out');
      }
      const now = deps.clock.now();
      if (record.expiresAt <= now) throw new CtiError(CODES.TOKEN_EXPIRED, 'The refresh token has expired');
      if (record.revokedAt !== null || !(await deps.refreshTokens.revoke(record.hash, now))) {
        await deps.refreshTokens.revokeSession(record.sessionId, now);
        ended(record.userId, record.sessionId, 'token-reuse');
        throw new CtiError(CODES.TOKEN_REVOKED, 'The refresh token was already used or revoked');
      }
      return issue(await activeUser(record.userId), record.sessionId);
    },

    /** Ends the caller's session (or all of the user's sessions) and closes their connections. */
    async logout(principal: Principal, options: { everywhere?: boolean } = {}): Promise<void> {
      const now = deps.clock.now();
      if (options.everywhere || !principal.sessionId) {
        await deps.refreshTokens.revokeUser(principal.userId, now);
        ended(principal.userId, undefined, 'signed-out');
      } else {
        await deps.refreshTokens.revokeSession(principal.sessionId, now);
        ended(principal.userId, principal.sessionId, 'signed-out');
      }
    },

    /** Ends the session a refresh token belongs to (logout without a valid access token). */
    async revokeRefreshToken(refreshToken: string): Promise<boolean> {
      const record = await deps.refreshTokens.findByHash(sha256(refreshToken));
      if (!record) return false;
      await deps.refreshTokens.revokeSession(record.sessionId, deps.clock.now());
      ended(record.userId, record.sessionId, 'signed-out');
      return true;
    },

    /** Ends every session of a disabled or deleted user and closes their connections. */
    async revokeUser(userId: string, reason: 'disabled' | 'deleted' = 'disabled'): Promise<void> {
      const now = deps.clock.now();
      await deps.refreshTokens.revokeUser(userId, now);
      deps.changes.publish({ kind: reason === 'deleted' ? 'user.deleted' : 'user.disabled', userId, at: now });
    },

    /**
     * After a password change: every session of the user ends, access tokens issued before now are
     * refused (also on other nodes, which check the stamp on every use) and connections close.
     */
    async passwordChanged(userId: string): Promise<void> {
      const now = deps.clock.now();
      await deps.refreshTokens.revokeUser(userId, now);
      await deps.users.setTokensValidAfter(userId, Math.floor(now / 1000) * 1000);
      deps.changes.publish({ kind: 'user.password-changed', userId, at: now });
    },

    /** Resolves an access token or an API key to a principal, or throws a CtiError. */
    async authenticate(credential: string): Promise<Principal> {
      if (!looksLikeAccessToken(credential)) return this.authenticateApiKey(credential);
      const claims = deps.accessTokens.verify(credential);
      const issuedAt = claims.iat * 1000;
      return principalFromUser(await tokenUser(claims.sub, claims.sid, issuedAt), claims.sid, issuedAt);
    },

    async authenticateApiKey(key: string): Promise<Principal> {
      return activeApiKey(await deps.apiKeys.findByHash(sha256(key)));
    },

    /**
     * Re-reads the principal of an open connection after a change: its current role and scope, or
     * a CtiError when the session, account or key may no longer be used.
     */
    async reload(principal: Principal): Promise<Principal> {
      if (principal.via === 'api-key') {
        if (!principal.apiKey) throw new CtiError(CODES.UNAUTHENTICATED, 'Unknown API key');
        return activeApiKey(await deps.apiKeys.findById(principal.apiKey.id));
      }
      if (!principal.sessionId) throw new CtiError(CODES.TOKEN_REVOKED, 'The session was signed out');
      const issuedAt = principal.issuedAt ?? 0;
      return principalFromUser(await tokenUser(principal.userId, principal.sessionId, issuedAt), principal.sessionId, issuedAt);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
