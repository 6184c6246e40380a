import { CodedError } from '../coded-error.ts';

/**
 * A snapshot list of the resync was refused or failed. The resync fails as a whole: the
 * model in use is kept (never swapped for an empty one) and the connection is dropped
 * and retried with backoff. Listed in docs/errors.md.
 */
export class ResyncFailedError extends CodedError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_RESYNC_FAILED', message, details);
  }
}
