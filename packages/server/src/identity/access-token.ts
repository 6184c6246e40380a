import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock.ts';
import { CODES, CtiError } from './errors.ts';

/** The claims of an access token. */
export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Login session (refresh-token family). */
  sid: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
  jti: string;
}

export interface AccessTokenDeps {
  /** HMAC-SHA256 key; at least 32 bytes. */
  secret: string | Buffer;
  ttlSeconds: number;
  clock: Clock;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Short-lived access tokens in the compact JWS format (HS256). They carry the user and the login
 * session; revocation is checked against the session, so a signed-out token stops working at once.
 */
export function createAccessTokens(deps: AccessTokenDeps) {
  const key = typeof deps.secret === 'string' ? Buffer.from(deps.secret) : deps.secret;
  if (key.length < 32) throw new Error('The access-token secret must be at least 32 bytes');
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();

  return {
    ttlSeconds: deps.ttlSeconds,
    sign(userId: string, sessionId: string): string {
      const iat = Math.floor(deps.clock.now() / 1000);
      const claims: AccessClaims = { sub: userId, sid: sessionId, iat, exp: iat + deps.ttlSeconds, jti: randomUUID() };
      const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${body}.${mac(body).toString('base64url')}`;
    },
    /** Checks signature and expiry. Throws CTI_ERR_UNAUTHENTICATED or CTI_ERR_TOKEN_EXPIRED. */
    verify(token: string): AccessClaims {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== HEADER) throw new CtiError(CODES.UNAUTHENTICATED, 'Malformed access token');
      const body = `${parts[0]}.${parts[1]}`;
      const given = Buffer.from(parts[2] ?? '', 'base64url');
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new CtiError(CODES.UNAUTHENTICATED, 'Bad access-token signature');
      }
      let claims: AccessClaims;
      try {
        claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as AccessClaims;
      } catch {
        throw new CtiError(CODES.UNAUTHENTICATED, 'Malformed access token');
      }
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
        throw new CtiError(CODES.UNAUTHENTICATED, 'Malformed access token');
      }
      if (claims.exp * 1000 <= deps.clock.now()) throw new CtiError(CODES.TOKEN_EXPIRED, 'The access token has expired');
      return claims;
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;

/** True when the string looks like an access token rather than an API key. */
export function looksLikeAccessToken(token: string): boolean {
  return token.startsWith(`${HEADER}.`);
}
