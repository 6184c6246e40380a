/**
 * Errors raised by the simulated PBX. Every error has a stable `code`; the
 * list lives in docs/errors.md ("Simulated PBX") and a test keeps the two in step.
 */
export class PbxSimError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The options passed to startSimulatedPbx (or the CLI) are inconsistent or out of range. */
export class PbxSimConfigError extends PbxSimError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PBX_SIM_ERR_CONFIG', message, details);
  }
}

/** A control call named an endpoint that the simulated PBX does not have. */
export class PbxSimUnknownEndpointError extends PbxSimError {
  constructor(endpoint: string) {
    super('PBX_SIM_ERR_UNKNOWN_ENDPOINT', `No such endpoint: ${endpoint}`, { endpoint });
  }
}

/** A control call named a queue that the simulated PBX does not have. */
export class PbxSimUnknownQueueError extends PbxSimError {
  constructor(queue: string) {
    super('PBX_SIM_ERR_UNKNOWN_QUEUE', `No such queue: ${queue}`, { queue });
  }
}

/** A control call targeted a channel or call that no longer exists or is in the wrong state. */
export class PbxSimInvalidStateError extends PbxSimError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PBX_SIM_ERR_INVALID_STATE', message, details);
  }
}

/** A recorded transcript could not be loaded for replay. */
export class PbxSimTranscriptError extends PbxSimError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('PBX_SIM_ERR_TRANSCRIPT', message, details);
  }
}
