import { loadavg } from 'node:os';

/** One figure of the fault suite, printed as one JSON line in the bench shape. */
export interface ChaosResult {
  bench: `chaos.${string}`;
  metric: string;
  value: number;
  unit?: string;
  /** What the figure must be, e.g. "== 0". */
  target?: string;
  pass?: boolean;
  extra?: Record<string, number | string>;
}

export interface ChaosOptions {
  /** The short version CI runs as tests: a few drops, a short outage, a short fuzz. */
  short: boolean;
  log: (msg: string) => void;
}

export interface ChaosScenario {
  name: string;
  run(opts: ChaosOptions): Promise<ChaosResult[]>;
}

/** The machine's 1-minute load average when a figure was taken, for the record. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}
