import { CodedError } from '../../coded-error.ts';

/** Stable codes of the webhook area (listed in docs/errors.md). */
export const WEBHOOK_ERROR_CODES = {
  /** The subscription's URL is not http(s), carries credentials, or names a private address while those are not allowed. */
  URL: 'CTI_ERR_WEBHOOK_URL',
  /** An event type that is not in the catalogue. */
  EVENT_TYPE: 'CTI_ERR_WEBHOOK_EVENT_TYPE',
  /** The API key named does not exist. */
  API_KEY: 'CTI_ERR_WEBHOOK_API_KEY',
} as const;

/**
 * A refused subscription field: a 400 whose details name the field (`/body/url`), in the shape
 * of the schema validator's errors so that clients show both the same way.
 */
export class WebhookFieldError extends CodedError {
  readonly status = 400;
  constructor(code: (typeof WEBHOOK_ERROR_CODES)[keyof typeof WEBHOOK_ERROR_CODES], field: string, message: string) {
    super(code, message, { field, errors: [{ path: field, message }] });
  }
}
