/**
 * Errors raised by the AMI package. Every error has a stable `code`; the list
 * lives in docs/errors.md and a test keeps the two in step.
 */
export class AmiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A key or value contains CR, LF or NUL, or a key has characters AMI does not accept. */
export class AmiInvalidHeaderError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_INVALID_HEADER', message, details);
  }
}

/** An action would exceed Asterisk's input limits (line length, header count). */
export class AmiLimitError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_LIMIT', message, details);
  }
}

/** A message from the peer grew beyond the configured cap without a terminator. */
export class AmiMessageTooLargeError extends AmiError {
  constructor(limit: number) {
    super('AMI_ERR_MESSAGE_TOO_LARGE', `AMI message exceeds ${limit} bytes without a terminator`, { limit });
  }
}
