import { type Static, Type } from '@sinclair/typebox';
import { SafeString } from './strings.ts';

/**
 * Every stable error code the gateway returns (REST bodies, WebSocket `result` and `error`
 * frames). Feature services may return further `CTI_ERR_*` codes of their own; those are listed
 * in docs/errors.md under their area.
 */
export const GATEWAY_ERROR_CODES = {
  /** No credentials, or credentials the server cannot read. */
  UNAUTHENTICATED: 'CTI_ERR_UNAUTHENTICATED',
  /** Wrong username or password, or unknown API key. */
  INVALID_CREDENTIALS: 'CTI_ERR_INVALID_CREDENTIALS',
  /** The access token has expired; refresh it. */
  TOKEN_EXPIRED: 'CTI_ERR_TOKEN_EXPIRED',
  /** The token was revoked (sign-out, rotation, reuse of an old refresh token). */
  TOKEN_REVOKED: 'CTI_ERR_TOKEN_REVOKED',
  /** The account is disabled. */
  USER_DISABLED: 'CTI_ERR_USER_DISABLED',
  /** The principal lacks the permission, or the target is outside its scope. */
  FORBIDDEN: 'CTI_ERR_FORBIDDEN',
  /** The request does not match its schema; `details.errors` lists the fields. */
  VALIDATION: 'CTI_ERR_VALIDATION',
  /** Too many attempts; `details.retryAfter` gives the seconds to wait. */
  RATE_LIMITED: 'CTI_ERR_RATE_LIMITED',
  /** The resource does not exist (or is not visible to the caller). */
  NOT_FOUND: 'CTI_ERR_NOT_FOUND',
  /** The resource already exists or changed concurrently. */
  CONFLICT: 'CTI_ERR_CONFLICT',
  /** The command name is not in the catalogue. */
  UNKNOWN_COMMAND: 'CTI_ERR_UNKNOWN_COMMAND',
  /** The command is in the catalogue but this server has no handler for it. */
  NOT_IMPLEMENTED: 'CTI_ERR_NOT_IMPLEMENTED',
  /** The client did not drain its outbound queue and was disconnected. */
  SLOW_CONSUMER: 'CTI_ERR_SLOW_CONSUMER',
  /** The requested resume point is gone; reload the state. */
  RESYNC_REQUIRED: 'CTI_ERR_RESYNC_REQUIRED',
  /** A malformed frame, a frame out of order, or an unsupported protocol version. */
  PROTOCOL: 'CTI_ERR_PROTOCOL',
  /** The server failed unexpectedly; the details are in its log. */
  INTERNAL: 'CTI_ERR_INTERNAL',
} as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** All error codes of the gateway, for documentation and tests. */
export const ALL_GATEWAY_ERROR_CODES: readonly GatewayErrorCode[] = Object.values(GATEWAY_ERROR_CODES);

/** The HTTP status that goes with each gateway code. */
export const HTTP_STATUS_FOR_CODE: Readonly<Record<GatewayErrorCode, number>> = {
  CTI_ERR_UNAUTHENTICATED: 401,
  CTI_ERR_INVALID_CREDENTIALS: 401,
  CTI_ERR_TOKEN_EXPIRED: 401,
  CTI_ERR_TOKEN_REVOKED: 401,
  CTI_ERR_USER_DISABLED: 403,
  CTI_ERR_FORBIDDEN: 403,
  CTI_ERR_VALIDATION: 400,
  CTI_ERR_RATE_LIMITED: 429,
  CTI_ERR_NOT_FOUND: 404,
  CTI_ERR_CONFLICT: 409,
  CTI_ERR_UNKNOWN_COMMAND: 404,
  CTI_ERR_NOT_IMPLEMENTED: 501,
  CTI_ERR_SLOW_CONSUMER: 503,
  CTI_ERR_RESYNC_REQUIRED: 409,
  CTI_ERR_PROTOCOL: 400,
  CTI_ERR_INTERNAL: 500,
};

/**
 * WebSocket close codes the server uses. 1000/1001 are the standard normal and going-away codes;
 * 4000-4999 are ours.
 */
export const CLOSE_CODES = {
  /** Normal closure (the client said goodbye). */
  NORMAL: 1000,
  /** The server is shutting down; reconnect with resume. */
  GOING_AWAY: 1001,
  /** No valid `hello` (missing, bad or expired token, or none within the hello timeout). */
  UNAUTHENTICATED: 4001,
  /** The token was revoked, the user signed out elsewhere, or the account was disabled. */
  REVOKED: 4003,
  /** The client did not read its events fast enough; its outbound queue overflowed. */
  SLOW_CONSUMER: 4008,
  /** The client broke the protocol: malformed JSON, unknown frame, unsupported version. */
  PROTOCOL_ERROR: 4009,
  /** The client sent frames faster than its connection's limit (`CTI_ERR_RATE_LIMITED`). */
  RATE_LIMITED: 4029,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** The body of every error: REST responses, `result` frames with `ok: false`, `error` frames. */
export const ErrorBodySchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64 }),
    message: SafeString({ maxLength: 2048 }),
    details: Type.Optional(Type.Unknown()),
  },
);
export type ErrorBody = Static<typeof ErrorBodySchema>;

/** Details of a `CTI_ERR_VALIDATION` error: one entry per failing field. */
export interface ValidationIssue {
  /** JSON pointer to the field, e.g. `/workstation/mac`. */
  path: string;
  message: string;
}

/** Details of a `CTI_ERR_RATE_LIMITED` error. */
export interface RateLimitDetails {
  /** Seconds until a new attempt can succeed. */
  retryAfter: number;
}
