import type { AmiMessage } from './codec/message.ts';

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

/** The action got no answer (or its list never completed) within its timeout. */
export class AmiTimeoutError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_TIMEOUT', message, details);
  }
}

/** The connection dropped while the action was in flight; the action may or may not have run. */
export class AmiDisconnectedError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_DISCONNECTED', message, details);
  }
}

/** An action was sent while the client was not logged in, and queueing was not requested. */
export class AmiNotConnectedError extends AmiError {
  constructor(state: string) {
    super('AMI_ERR_NOT_CONNECTED', `The AMI client is not connected (state: ${state})`, { state });
  }
}

/** The client was closed by its owner; nothing more will be sent. */
export class AmiClosedError extends AmiError {
  constructor(message = 'The AMI client was closed') {
    super('AMI_ERR_CLOSED', message);
  }
}

/** Asterisk answered `Response: Error`. `message` is Asterisk's own text; `response` is the full reply. */
export class AmiActionError extends AmiError {
  readonly response: AmiMessage;
  constructor(action: string, response: AmiMessage) {
    const text = response.get('Message') ?? 'no message';
    super('AMI_ERR_ACTION_FAILED', `${action} failed: ${text}`, { action, message: text, actionId: response.actionId });
    this.response = response;
  }
}

/** Login was refused (wrong user or secret, or `Login Already In Use`). Asterisk closes the socket. */
export class AmiAuthError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_AUTH', message, details);
  }
}

/** The caller's AbortSignal fired before the action completed. */
export class AmiAbortedError extends AmiError {
  constructor(details?: Record<string, unknown>) {
    super('AMI_ERR_ABORTED', 'The action was aborted', details);
  }
}

/** The keepalive Ping got no `Ping: Pong` in time; the connection is declared dead. */
export class AmiKeepaliveError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_KEEPALIVE', message, details);
  }
}

/** The TCP or TLS connection could not be opened (refused, unreachable, handshake failed, timed out). */
export class AmiConnectError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_CONNECT', message, details);
  }
}

/**
 * The TLS certificate does not name the host connected to. Node checks the
 * subjectAltName (the CN only when there is no DNS name in it, never for an IP),
 * so a certificate with a CN but no subjectAltName fails against an IP address.
 */
export class AmiTlsCertNameError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_TLS_CERT_NAME', message, details);
  }
}

/** The peer does not speak AMI as expected (no banner, no Challenge in the reply, ...). */
export class AmiProtocolError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_PROTOCOL', message, details);
  }
}

/** An action helper was given a value that is malformed or unsafe. Nothing was written. */
export class AmiInvalidArgumentError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_INVALID_ARGUMENT', message, details);
  }
}

/** The action is refused by policy (an Originate application not on the allow-list, a regex Hangup, ...). */
export class AmiForbiddenError extends AmiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('AMI_ERR_FORBIDDEN', message, details);
  }
}

/** Events held during resync grew beyond the configured cap; the connection is restarted. */
export class AmiBacklogError extends AmiError {
  constructor(limit: number) {
    super('AMI_ERR_BACKLOG', `More than ${limit} events were held during resync`, { limit });
  }
}

/** A connection state change that the state machine does not allow (a bug, never expected). */
export class AmiStateError extends AmiError {
  constructor(from: string, to: string) {
    super('AMI_ERR_STATE', `Illegal AMI client transition ${from} -> ${to}`, { from, to });
  }
}
