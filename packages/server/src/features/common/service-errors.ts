import { CodedError } from '../../coded-error.ts';

/**
 * Errors raised by the feature services. Each has a stable code (listed in docs/errors.md);
 * the gateway renders them as `{ code, message, details }` with the HTTP status given here.
 */
export class CtiServiceError extends CodedError {
  readonly status: number;
  constructor(code: string, message: string, status = 400, details?: Record<string, unknown>) {
    super(code, message, details);
    this.status = status;
  }
}

const make =
  (code: string, status: number) =>
  (message: string, details?: Record<string, unknown>): CtiServiceError =>
    new CtiServiceError(code, message, status, details);

export const ServiceErrors = {
  noSuchAgent: make('CTI_ERR_NO_SUCH_AGENT', 404),
  unknownWorkstation: make('CTI_ERR_UNKNOWN_WORKSTATION', 403),
  workstationUntrusted: make('CTI_ERR_WORKSTATION_UNTRUSTED', 403),
  extensionNotAllowed: make('CTI_ERR_EXTENSION_NOT_ALLOWED', 403),
  extensionInUse: make('CTI_ERR_EXTENSION_IN_USE', 409),
  notSignedIn: make('CTI_ERR_NOT_SIGNED_IN', 409),
  unknownPauseReason: make('CTI_ERR_UNKNOWN_PAUSE_REASON', 400),
  noQueues: make('CTI_ERR_NO_QUEUES', 409),
  pbxUnavailable: make('CTI_ERR_PBX_UNAVAILABLE', 503),
  pbxRejected: make('CTI_ERR_PBX_REJECTED', 502),
  notConfirmed: make('CTI_ERR_NOT_CONFIRMED', 504),
  noActiveCall: make('CTI_ERR_NO_ACTIVE_CALL', 409),
  invalidNumber: make('CTI_ERR_INVALID_NUMBER', 400),
  noSuchCall: make('CTI_ERR_NO_SUCH_CALL', 404),
  notInWrapup: make('CTI_ERR_NOT_IN_WRAPUP', 409),
  unknownPbx: make('CTI_ERR_UNKNOWN_PBX', 404),
  transferTargetNotAllowed: make('CTI_ERR_TRANSFER_TARGET_NOT_ALLOWED', 403),
  recordingNotAllowed: make('CTI_ERR_RECORDING_NOT_ALLOWED', 403),
  notRecording: make('CTI_ERR_NOT_RECORDING', 409),
  alreadyRecording: make('CTI_ERR_ALREADY_RECORDING', 409),
  dispositionRequired: make('CTI_ERR_DISPOSITION_REQUIRED', 409),
  unknownDisposition: make('CTI_ERR_UNKNOWN_DISPOSITION', 400),
} as const;
