/**
 * Errors raised by the SDK. Every error has a stable `code`. Errors that come
 * from the server keep the server's own code (for example `CTI_ERR_FORBIDDEN`)
 * and message; the SDK adds its own codes only for what happens on the client
 * side (timeouts, lost connections, bad frames). The list lives in docs/errors.md.
 */
export class CtiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The server refused a request or a command; `code` and `message` are the server's. */
export class CtiServerError extends CtiError {
  /** HTTP status when the error came over REST, undefined over the WebSocket. */
  readonly status: number | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>, status?: number) {
    super(code, message, details);
    this.status = status;
  }
}

/** A command or request got no answer in time. It may still have run on the server. */
export class CtiTimeoutError extends CtiError {
  constructor(what: string, timeoutMs: number) {
    super('SDK_ERR_TIMEOUT', `${what} got no answer within ${timeoutMs} ms`, { timeoutMs });
  }
}

/** The live connection dropped while a command was in flight. It may still have run on the server. */
export class CtiDisconnectedError extends CtiError {
  constructor(what: string) {
    super('SDK_ERR_DISCONNECTED', `The connection dropped before ${what} was answered`);
  }
}

/** The client was closed (logout or `close()`); nothing more will be sent. */
export class CtiClosedError extends CtiError {
  constructor() {
    super('SDK_ERR_CLOSED', 'The client is closed');
  }
}

/** A call needs a session but the client has not logged in (or the session expired and could not be refreshed). */
export class CtiNotAuthenticatedError extends CtiError {
  constructor(message = 'Not logged in') {
    super('SDK_ERR_NOT_AUTHENTICATED', message);
  }
}

/** The server could not be reached (DNS, refused connection, CORS, offline). */
export class CtiNetworkError extends CtiError {
  constructor(message: string, cause?: unknown) {
    super('SDK_ERR_NETWORK', message, cause === undefined ? undefined : { cause: String(cause) });
  }
}

/** The server sent something the SDK cannot read (bad JSON, unknown frame, unexpected body). */
export class CtiProtocolError extends CtiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('SDK_ERR_PROTOCOL', message, details);
  }
}

/** No WebSocket implementation: pass `WebSocket` (for example from the `ws` package) on Node.js 20. */
export class CtiNoWebSocketError extends CtiError {
  constructor() {
    super('SDK_ERR_NO_WEBSOCKET', 'No WebSocket implementation: pass the WebSocket option (for example from the ws package)');
  }
}
