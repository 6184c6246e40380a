import { type ErrorBody, GATEWAY_ERROR_CODES } from '@amiable/protocol';
import { CtiError } from '../identity/errors.ts';

const CODE = /^[A-Z][A-Z0-9_]*_ERR_[A-Z0-9_]+$/;

export interface RenderedError {
  status: number;
  body: ErrorBody;
  /** False for unexpected failures, whose details belong in the log only. */
  expected: boolean;
}

/**
 * Renders any thrown value as `{ code, message, details }`. Gateway errors keep their status;
 * errors from services and the AMI client keep their stable code (422, or 502 for AMI errors);
 * anything else becomes CTI_ERR_INTERNAL without leaking its message.
 */
export function renderError(err: unknown): RenderedError {
  if (err instanceof CtiError) {
    return { status: err.status, body: withDetails(err.code, err.message, err.details), expected: true };
  }
  const e = err as { code?: unknown; message?: unknown; details?: unknown; status?: unknown; statusCode?: unknown };
  if (err instanceof Error && typeof e.code === 'string' && CODE.test(e.code)) {
    const status =
      typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : e.code.startsWith('AMI_') ? 502 : 422;
    return { status, body: withDetails(e.code, String(e.message), e.details), expected: true };
  }
  return {
    status: 500,
    body: { code: GATEWAY_ERROR_CODES.INTERNAL, message: 'Internal error' },
    expected: false,
  };
}

function withDetails(code: string, message: string, details: unknown): ErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}
