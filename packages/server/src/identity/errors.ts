import { GATEWAY_ERROR_CODES, type GatewayErrorCode, HTTP_STATUS_FOR_CODE } from '@amiable/protocol';

/**
 * An error the gateway renders to clients as `{ code, message, details }`. The HTTP status
 * follows from the code (see `HTTP_STATUS_FOR_CODE`).
 */
export class CtiError extends Error {
  override readonly name = 'CtiError';
  readonly status: number;

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = HTTP_STATUS_FOR_CODE[code];
  }
}

export const CODES = GATEWAY_ERROR_CODES;

export function unauthenticated(message = 'Authentication required'): CtiError {
  return new CtiError(CODES.UNAUTHENTICATED, message);
}

export function forbidden(message: string, details?: unknown): CtiError {
  return new CtiError(CODES.FORBIDDEN, message, details);
}

export function rateLimited(retryAfterSeconds: number): CtiError {
  return new CtiError(CODES.RATE_LIMITED, `Too many attempts; retry in ${retryAfterSeconds} s`, {
    retryAfter: retryAfterSeconds,
  });
}
