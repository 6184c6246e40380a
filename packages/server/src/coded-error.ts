/**
 * The base of the server's errors: a stable `code` (listed in docs/errors.md) and optional
 * details. The gateway renders any such error as `{ code, message, details }`.
 */
export class CodedError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}
