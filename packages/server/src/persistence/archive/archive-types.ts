/** Shapes shared by the archive writer, reader and retention. */

export interface AmiArchiveInput {
  pbx: string;
  receivedAt: number;
  event: string;
  linkedid?: string | null;
  uniqueid?: string | null;
  /** Flat ordered header list [key0, value0, key1, value1, ...], as AmiMessage.fields. */
  fields: readonly string[];
}

export interface CtiArchiveScope {
  pbx?: string | null;
  agent?: string | null;
  extension?: string | null;
  queue?: string | null;
  tenant?: string | null;
}

export interface CtiArchiveInput {
  type: string;
  at: number;
  scope?: CtiArchiveScope;
  /** Per-stream sequence number, when the router assigned one. */
  seq?: number | null;
  payload: unknown;
}

export interface AmiRow {
  pbx: string;
  received_at: number;
  event: string;
  linkedid: string | null;
  uniqueid: string | null;
  fields: readonly string[];
}

export interface CtiRow {
  at: number;
  type: string;
  pbx: string | null;
  agent: string | null;
  extension: string | null;
  queue: string | null;
  tenant: string | null;
  seq: number | null;
  payload: string;
}

export type DropReason = 'overflow' | 'failed' | 'closed';

export interface ArchiveStats {
  /** Rows taken into the buffer. */
  accepted: number;
  /** Rows committed to the database. */
  written: number;
  /** Rows lost, by cause: buffer full, batch failed `maxAttempts` times, appended after close. */
  dropped: Record<DropReason, number>;
  /** AMI responses passed to appendAmi (only events are archived). */
  skipped: number;
  /** Transactions committed. */
  batches: number;
  failedBatches: number;
  /** Rows waiting in memory now. */
  buffered: number;
  lastError: string | null;
}
