/**
 * Errors of the AMI-compatible port. Each has a stable `code` (listed in
 * docs/errors.md, Gateway section) that goes to the audit log; the AMI client
 * itself only sees Asterisk-style `Response: Error` / `Message:` text.
 */
export class AmiPortError extends Error {
  readonly code: string;
  /** The `Message:` text the AMI client receives. */
  readonly amiMessage: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, amiMessage: string, details?: Record<string, unknown>, message = amiMessage) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.amiMessage = amiMessage;
    this.details = details;
  }
}

/** The action is not on the allow-list, or its target is outside the client's scope. */
export class AmiPortForbiddenError extends AmiPortError {
  constructor(reason: string, details?: Record<string, unknown>) {
    super('CTI_ERR_FORBIDDEN', 'Permission denied', { reason, ...details }, `Permission denied: ${reason}`);
  }
}

/** An action other than Login, Challenge or Logoff before a successful login. */
export class AmiPortNotLoggedInError extends AmiPortError {
  constructor() {
    super('CTI_ERR_UNAUTHENTICATED', 'Permission denied', undefined, 'Permission denied: not logged in');
  }
}

/** Wrong username or secret (or MD5 key); the connection is closed after the answer. */
export class AmiPortAuthFailedError extends AmiPortError {
  constructor(reason: string) {
    super('CTI_ERR_INVALID_CREDENTIALS', 'Authentication failed', { reason });
  }
}

/** The request lacks an `Action:` header or a header the action requires. */
export class AmiPortBadRequestError extends AmiPortError {
  constructor(amiMessage: string, details?: Record<string, unknown>) {
    super('CTI_ERR_VALIDATION', amiMessage, details);
  }
}

/** MD5 challenge login is not offered: no AMI-port secrets are configured on this server. */
export class AmiPortChallengeUnavailableError extends AmiPortError {
  constructor() {
    super(
      'CTI_ERR_AMI_MD5_UNAVAILABLE',
      'MD5 challenge login is not available: CTI passwords are stored hashed. Log in with Secret over TLS.',
    );
  }
}

/** The upstream AMI connection could not deliver or answer a forwarded action. */
export class AmiPortUpstreamError extends AmiPortError {
  constructor(cause: string, details?: Record<string, unknown>) {
    super('CTI_ERR_AMI_UPSTREAM', 'The PBX is not reachable, try again later', { cause, ...details });
  }
}

/** Stable codes used in logs and audit entries for connection-level outcomes. */
export const AMI_PORT_CODES = {
  /** The client did not drain its socket and went over the outbound high-water mark. */
  SLOW_CONSUMER: 'CTI_ERR_SLOW_CONSUMER',
  /** The client did not log in within the auth timeout. */
  LOGIN_TIMEOUT: 'CTI_ERR_AMI_LOGIN_TIMEOUT',
  /** Too many connections waiting to log in, or too many connections in total. */
  SESSION_LIMIT: 'CTI_ERR_AMI_SESSION_LIMIT',
  /** The server's own AMI connection to a PBX was lost; clients are disconnected rather than left with a gap. */
  UPSTREAM_LOST: 'CTI_ERR_AMI_UPSTREAM',
} as const;

/** An agent's unpause while she owes the disposition of her last call (its queue requires one). */
export class AmiPortDispositionRequiredError extends AmiPortError {
  constructor(sentence: string) {
    super('CTI_ERR_DISPOSITION_REQUIRED', sentence);
  }
}
