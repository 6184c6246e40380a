import { CodedError } from '../coded-error.ts';
/**
 * Errors and anomaly codes of the telephony model. The reducer never throws
 * on odd input: it reports an `anomaly` change with one of these codes, and
 * the server answers with a resync. Codes are listed in docs/errors.md.
 */
export class TelephonyError extends CodedError {}

/** An event named a channel (by Uniqueid) that the model never saw created. */
export const UNKNOWN_CHANNEL = 'CTI_ERR_UNKNOWN_CHANNEL';
/** A queue member event for a (queue, interface) the model did not hold. */
export const UNKNOWN_QUEUE_MEMBER = 'CTI_ERR_UNKNOWN_QUEUE_MEMBER';

/** The snapshot lists given to buildSnapshotModel were not usable. */
export class SnapshotInputError extends TelephonyError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_SNAPSHOT_INPUT', message, details);
  }
}
