import { CodedError } from '../coded-error.ts';

/** Cluster-mode errors (listed in docs/errors.md). `status` is the HTTP status the gateway renders. */
export class ClusterError extends CodedError {
  readonly status: number;
  constructor(code: string, message: string, status: number, details?: Record<string, unknown>) {
    super(code, message, details);
    this.status = status;
  }
}

export const ClusterErrors = {
  /** No node owns the PBX right now (failover under way), or the owner did not answer in time. */
  noOwner: (pbx: string, why: string) =>
    new ClusterError('CTI_ERR_NO_OWNER', `No node answered for PBX ${pbx} (${why}); try again in a few seconds`, 503, { pbx }),
  /** The command reached a node that does not own the PBX (ownership moved meanwhile). */
  notOwner: (pbx: string) => new ClusterError('CTI_ERR_NOT_OWNER', `This node no longer owns PBX ${pbx}`, 503, { pbx }),
} as const;
