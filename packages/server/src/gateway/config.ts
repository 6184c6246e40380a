import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../identity/login-guard.ts';
import type { PasswordHashOptions } from '../identity/password.ts';
import { DEFAULT_ROUTER_OPTIONS, type RouterOptions } from './router/types.ts';

/** The gateway's slice of the server configuration. */
export interface GatewayConfig {
  /** HMAC-SHA256 key for access tokens, at least 32 bytes. */
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginLimits: LoginLimits;
  passwordHashing: PasswordHashOptions;
  router: RouterOptions;
  ws: {
    /** Close (4001) a socket that sends no valid hello within this time. */
    helloTimeoutMs: number;
    /** WebSocket ping interval; a peer that misses one pong is dropped. */
    heartbeatMs: number;
    /** After a close frame, destroy the socket if the peer has not closed within this time. */
    closeGraceMs: number;
    maxPayloadBytes: number;
    /** Frames a connection may send per second on average; beyond the burst it is closed with 4029. */
    maxFramesPerSecond: number;
    /** Frames a connection may send at once before the per-second rate applies. */
    frameBurst: number;
  };
  /** Fastify `trustProxy`, so `request.ip` is the client behind a reverse proxy. */
  trustProxy: boolean | string | string[];
  bodyLimitBytes: number;
  /** When set, `GET /metrics` requires `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Serve the OpenAPI document and the Swagger UI at /api/docs. */
  docs: boolean;
  /** Reported by /api/health and the OpenAPI document. */
  version: string;
}

export type GatewayConfigInput = Partial<Omit<GatewayConfig, 'router' | 'ws' | 'loginLimits'>> & {
  tokenSecret: string;
  router?: Partial<RouterOptions>;
  ws?: Partial<GatewayConfig['ws']>;
  loginLimits?: Partial<LoginLimits>;
};

export function resolveGatewayConfig(input: GatewayConfigInput): GatewayConfig {
  return Object.freeze({
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 7 * 24 * 3600,
    passwordHashing: {},
    trustProxy: false,
    bodyLimitBytes: 256 * 1024,
    docs: true,
    version: '0.1.0',
    ...input,
    loginLimits: { ...DEFAULT_LOGIN_LIMITS, ...input.loginLimits },
    router: { ...DEFAULT_ROUTER_OPTIONS, ...input.router },
    ws: { helloTimeoutMs: 10_000, heartbeatMs: 30_000, closeGraceMs: 10_000, maxPayloadBytes: 64 * 1024, maxFramesPerSecond: 20, frameBurst: 100, ...input.ws },
  });
}
