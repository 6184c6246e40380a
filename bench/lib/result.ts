/**
 * The contract between the harness (bench/run.ts) and each bench module.
 *
 * A bench module is a file named `bench/<name>.bench.ts` whose default export
 * is a {@link BenchModule}. The harness runs each module in a fresh child
 * process and prints every {@link BenchResult} it returns, either as a table
 * or, with `--json`, as one JSON object per line.
 */

export interface BenchOptions {
  /** Smaller inputs and fewer repetitions, for a smoke run. */
  quick: boolean;
  /** Progress output. Goes to stderr; stdout is reserved for results. */
  log: (msg: string) => void;
}

/** One measured figure compared with one baseline measured in the same run. */
export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit?: string;
  baseline: string;
  baseline_value: number;
  /** value / baseline_value, unless the module documents otherwise. */
  ratio: number;
  /** Human-readable target, e.g. ">= 10x asterisk-manager". */
  target?: string;
  /** Whether the target was met; absent when there is no target. */
  pass?: boolean;
  extra?: Record<string, number | string>;
}

export interface BenchModule {
  name: string;
  run(opts: BenchOptions): Promise<BenchResult[]>;
}

/** value / baseline rounded to two decimals; 0 when the baseline is 0. */
export function ratioOf(value: number, baseline: number): number {
  if (baseline === 0 || !Number.isFinite(baseline)) return 0;
  return Math.round((value / baseline) * 100) / 100;
}

/** The result serialised with the contract's key order first, then the optional keys. */
export function toJsonLine(r: BenchResult): string {
  const ordered: Record<string, unknown> = {
    bench: r.bench,
    metric: r.metric,
    value: r.value,
    baseline: r.baseline,
    baseline_value: r.baseline_value,
    ratio: r.ratio,
  };
  if (r.unit !== undefined) ordered.unit = r.unit;
  if (r.target !== undefined) ordered.target = r.target;
  if (r.pass !== undefined) ordered.pass = r.pass;
  if (r.extra !== undefined) ordered.extra = r.extra;
  return JSON.stringify(ordered);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Why `value` is not a valid BenchResult, or undefined when it is. */
export function invalidResultReason(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const r = value as Record<string, unknown>;
  for (const key of ['bench', 'metric', 'baseline']) {
    if (typeof r[key] !== 'string' || r[key] === '') return `"${key}" must be a non-empty string`;
  }
  for (const key of ['value', 'baseline_value', 'ratio']) {
    if (!isFiniteNumber(r[key])) return `"${key}" must be a finite number`;
  }
  if (r.unit !== undefined && typeof r.unit !== 'string') return '"unit" must be a string';
  if (r.target !== undefined && typeof r.target !== 'string') return '"target" must be a string';
  if (r.pass !== undefined && typeof r.pass !== 'boolean') return '"pass" must be a boolean';
  if (r.extra !== undefined && (typeof r.extra !== 'object' || r.extra === null)) return '"extra" must be an object';
  return undefined;
}

/** Narrowing check for a module's default export. */
export function isBenchModule(value: unknown): value is BenchModule {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.name === 'string' && typeof m.run === 'function';
}
