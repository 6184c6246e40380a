import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@amiable/protocol';
import { type AccessTokens, looksLikeAccessToken } from './access-token.ts';
import type { Clock } from './clock.ts';
import { CODES, CtiError, rateLimited } from './errors.ts';
import type { PasswordHasher } from './password.ts';
import type { ApiKeyStore, RefreshTokenStore, UserRecord, UserStore } from './ports.ts';
import { type Principal, principalFromApiKey, principalFromUser } from './principal.ts';
import { createSlidingWindowLimiter } from './rate-limiter.ts';
import { randomSecret, sha256 } from './secrets.ts';

export interface LoginLimits {
  perUser: { limit: number; windowMs: number };
  perIp: { limit: number; windowMs: number };
}

export interface AuthServiceDeps {
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  apiKeys: ApiKeyStore;
  accessTokens: AccessTokens;
  passwords: PasswordHasher;
  clock: Clock;
  refreshTtlSeconds: number;
  loginLimits: LoginLimits;
}

/** Why live connections must end: the gateway closes the matching WebSockets with 4003. */
export interface Revocation {
  userId: string;
  /** Only this login session; absent for every session of the user. */
  sessionId?: string;
  reason: 'signed-out' | 'disabled' | 'token-reuse';
}

/**
 * Login, token refresh with rotation, logout and credential checks. Failed logins are limited per
 * username and per address (sliding window); a refresh token used twice revokes its whole session.
 */
export function createAuthService(deps: AuthServiceDeps) {
  const perUser = createSlidingWindowLimiter({ ...deps.loginLimits.perUser, clock: deps.clock });
  const perIp = createSlidingWindowLimiter({ ...deps.loginLimits.perIp, clock: deps.clock });
  const listeners = new Set<(r: Revocation) => void>();
  const emit = (r: Revocation) => {
    for (const l of listeners) l(r);
  };

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

  return {
    async login(username: string, password: string, ip: string): Promise<{ tokens: TokenPair; principal: Principal }> {
      const userKey = username.toLowerCase();
      for (const check of [perUser.check(userKey), perIp.check(ip)]) {
        if (!check.allowed) throw rateLimited(Math.ceil(check.retryAfterMs / 1000));
      }
      const user = await deps.users.findByUsername(username);
      const ok = await deps.passwords.verify(user?.passwordHash, password);
      if (!user || !ok) {
        perUser.hit(userKey);
        perIp.hit(ip);
        throw new CtiError(CODES.INVALID_CREDENTIALS, 'Wrong username or password');
      }
      if (user.disabled) throw new CtiError(CODES.USER_DISABLED, 'The account is disabled');
      perUser.reset(userKey);
      const sessionId = randomUUID();
      return { tokens: await issue(user, sessionId), principal: principalFromUser(user, sessionId) };
    },

    /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
    async refresh(refreshToken: string): Promise<TokenPair> {
      const record = await deps.refreshTokens.findByHash(sha256(refreshToken));
      if (!record) throw new CtiError(CODES.UNAUTHENTICATED, 'Unknown refresh token');
      const now = deps.clock.now();
      if (record.revokedAt !== null || !(await deps.refreshTokens.revoke(record.hash, now))) {
        // Used twice: somebody else may hold a copy. End the whole session.
        await deps.refreshTokens.revokeSession(record.sessionId, now);
        emit({ userId: record.userId, sessionId: record.sessionId, reason: 'token-reuse' });
        throw new CtiError(CODES.TOKEN_REVOKED, 'The refresh token was already used or revoked');
      }
      if (record.expiresAt <= now) throw new CtiError(CODES.TOKEN_EXPIRED, 'The refresh token has expired');
      if (await deps.refreshTokens.isSessionRevoked(record.sessionId)) {
        throw new CtiError(CODES.TOKEN_REVOKED, 'The session was signed out');
      }
      return issue(await activeUser(record.userId), record.sessionId);
    },

    /** Ends the caller's session (or all of the user's sessions) and closes their connections. */
    async logout(principal: Principal, options: { everywhere?: boolean } = {}): Promise<void> {
      const now = deps.clock.now();
      if (options.everywhere || !principal.sessionId) {
        await deps.refreshTokens.revokeUser(principal.userId, now);
        emit({ userId: principal.userId, reason: 'signed-out' });
      } else {
        await deps.refreshTokens.revokeSession(principal.sessionId, now);
        emit({ userId: principal.userId, sessionId: principal.sessionId, reason: 'signed-out' });
      }
    },

    /** Ends the session a refresh token belongs to (logout without a valid access token). */
    async revokeRefreshToken(refreshToken: string): Promise<boolean> {
      const record = await deps.refreshTokens.findByHash(sha256(refreshToken));
      if (!record) return false;
      await deps.refreshTokens.revokeSession(record.sessionId, deps.clock.now());
      emit({ userId: record.userId, sessionId: record.sessionId, reason: 'signed-out' });
      return true;
    },

    /** Revokes every session of a user (for example when the account is disabled) and closes their connections. */
    async revokeUser(userId: string, reason: Revocation['reason'] = 'disabled'): Promise<void> {
      await deps.refreshTokens.revokeUser(userId, deps.clock.now());
      emit({ userId, reason });
    },

    /** Resolves an access token or an API key to a principal, or throws a CtiError. */
    async authenticate(credential: string): Promise<Principal> {
      if (!looksLikeAccessToken(credential)) return this.authenticateApiKey(credential);
      const claims = deps.accessTokens.verify(credential);
      if (await deps.refreshTokens.isSessionRevoked(claims.sid)) {
        throw new CtiError(CODES.TOKEN_REVOKED, 'The session was signed out');
      }
      return principalFromUser(await activeUser(claims.sub), claims.sid);
    },

    async authenticateApiKey(key: string): Promise<Principal> {
      const record = await deps.apiKeys.findByHash(sha256(key));
      if (!record) throw new CtiError(CODES.INVALID_CREDENTIALS, 'Unknown API key');
      if (record.disabled) throw new CtiError(CODES.USER_DISABLED, 'The API key is disabled');
      return principalFromApiKey(record);
    },

    onRevoked(listener: (r: Revocation) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
