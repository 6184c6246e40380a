/**
 * The disk spool in the data dir: three lanes, each an ordered log (see
 * spool-lane.ts), sharing one byte budget.
 * - `ami`: raw AMI archive rows, the first to go when the spool is full;
 * - `cti`: CTI event archive rows, dropped only when no AMI is left to drop;
 * - `records`: call records, timesheet rows and agent presence, never dropped.
 * Every drop is counted per lane and reported to `onDrop` (log it loudly).
 */
import { join } from 'node:path';
import { SpoolLane } from './spool-lane.ts';

export const SPOOL_LANES = ['ami', 'cti', 'records'] as const;
export type SpoolLaneName = (typeof SPOOL_LANES)[number];

/** Lanes in the order their oldest records are sacrificed when the spool is full. */
const DROPPABLE: readonly SpoolLaneName[] = ['ami', 'cti'];

export interface SpoolOptions {
  dir: string;
  maxBytes: number;
  /** Segment file size; drops happen a segment at a time. Default maxBytes / 32, between 64 KiB and 64 MiB. */
  segmentBytes?: number;
  onDrop?: (info: { lane: SpoolLaneName; records: number; bytes: number; maxBytes: number }) => void;
  /** Over budget with nothing droppable left (only call records and timesheet rows). */
  onOverBudget?: (info: { bytes: number; maxBytes: number }) => void;
}

export interface SpoolStats {
  bytes: number;
  maxBytes: number;
  records: Record<SpoolLaneName, number>;
  dropped: Record<SpoolLaneName, number>;
}

export class Spool {
  readonly maxBytes: number;
  readonly #lanes: Record<SpoolLaneName, SpoolLane>;
  readonly #dropped: Record<SpoolLaneName, number> = { ami: 0, cti: 0, records: 0 };
  readonly #options: SpoolOptions;

  constructor(options: SpoolOptions) {
    this.#options = options;
    this.maxBytes = options.maxBytes;
    const segmentBytes = options.segmentBytes ?? Math.min(64 << 20, Math.max(64 << 10, Math.floor(options.maxBytes / 32)));
    this.#lanes = {
      ami: new SpoolLane(join(options.dir, 'ami'), { segmentBytes }),
      cti: new SpoolLane(join(options.dir, 'cti'), { segmentBytes }),
      records: new SpoolLane(join(options.dir, 'records'), { segmentBytes }),
    };
  }

  lane(name: SpoolLaneName): SpoolLane {
    return this.#lanes[name];
  }

  get bytes(): number {
    return this.#lanes.ami.bytes + this.#lanes.cti.bytes + this.#lanes.records.bytes;
  }

  append(name: SpoolLaneName, lines: readonly string[]): void {
    this.#lanes[name].append(lines);
    if (this.bytes > this.maxBytes) this.#makeRoom();
  }

  stats(): SpoolStats {
    return {
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      records: { ami: this.#lanes.ami.records, cti: this.#lanes.cti.records, records: this.#lanes.records.records },
      dropped: { ...this.#dropped },
    };
  }

  close(): void {
    for (const lane of SPOOL_LANES) this.#lanes[lane].close();
  }

  #makeRoom(): void {
    for (const name of DROPPABLE) {
      const lane = this.#lanes[name];
      while (this.bytes > this.maxBytes && lane.closedSegments > 0) {
        const before = lane.bytes;
        const records = lane.dropOldest();
        this.#dropped[name] += records;
        this.#options.onDrop?.({ lane: name, records, bytes: before - lane.bytes, maxBytes: this.maxBytes });
      }
      if (this.bytes <= this.maxBytes) return;
    }
    this.#options.onOverBudget?.({ bytes: this.bytes, maxBytes: this.maxBytes });
  }
}
