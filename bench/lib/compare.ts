import type { EventTally } from './drivers/reader.ts';
import { collectGarbage, median } from './stats.ts';

export interface RunOutcome {
  /** Wall-clock milliseconds of the measured span. */
  ms: number;
  /** Process CPU milliseconds over the same span, when the runner measures it. */
  cpuMs?: number;
  tally: EventTally;
}

/** One library under comparison: a label and one complete run over the whole input. */
export interface Contender {
  label: string;
  /** Receives the whole stream once with a fresh reader. */
  runOnce: () => Promise<RunOutcome>;
  /** What this contender must deliver, when it differs from CompareOptions.expected. */
  expected?: EventTally;
}

export interface CompareOptions {
  /** Each contender warms up for at least this many runs... */
  minWarmupRuns: number;
  /** ...and at least this much time, so that the JIT has settled. */
  minWarmupMs: number;
  /** Timed rounds. */
  rounds: number;
  /**
   * Within a round, a contender repeats its run until it has spent this long
   * (at least one run), so fast contenders get more samples and one unlucky
   * run on a busy machine weighs less.
   */
  minRoundMs: number;
  expected: EventTally;
  log: (msg: string) => void;
}

export interface ContenderFigures {
  label: string;
  /** Median wall time of all timed runs. */
  medianMs: number;
  /** Median CPU time of all timed runs, or undefined when not measured. */
  medianCpuMs: number | undefined;
  runsMs: number[];
}

function verify(label: string, tally: EventTally, expected: EventTally): void {
  if (tally.events !== expected.events || tally.nameChars !== expected.nameChars) {
    throw new Error(
      `${label} delivered ${tally.events} events (name checksum ${tally.nameChars}), ` +
        `expected ${expected.events} (${expected.nameChars}): the comparison would not be like for like`,
    );
  }
  if (expected.headers !== undefined && (tally.headers !== expected.headers || tally.headerChars !== expected.headerChars)) {
    throw new Error(
      `${label} delivered ${tally.headers} headers (${tally.headerChars} chars), expected ${expected.headers} ` +
        `(${expected.headerChars}): the application did not read every header, so the comparison would not be like for like`,
    );
  }
}

/**
 * Warms each contender up, then runs timed rounds in which the contenders
 * take turns, so that background load on the machine spreads over all of
 * them alike. Every run is checked against the expected count and checksum.
 */
export async function compareContenders(
  contenders: readonly Contender[],
  opts: CompareOptions,
): Promise<Map<string, ContenderFigures>> {
  for (const c of contenders) {
    const started = performance.now();
    let n = 0;
    while (n < opts.minWarmupRuns || performance.now() - started < opts.minWarmupMs) {
      collectGarbage();
      verify(c.label, (await c.runOnce()).tally, c.expected ?? opts.expected);
      n++;
    }
    opts.log(`${c.label}: warmed up with ${n} run(s) in ${Math.round(performance.now() - started)} ms`);
  }
  const wall = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  const cpu = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let round = 1; round <= opts.rounds; round++) {
    const line: string[] = [];
    for (const c of contenders) {
      const mine: number[] = [];
      const started = performance.now();
      do {
        collectGarbage();
        const outcome = await c.runOnce();
        verify(c.label, outcome.tally, c.expected ?? opts.expected);
        mine.push(outcome.ms);
        if (outcome.cpuMs !== undefined) cpu.get(c.label)!.push(outcome.cpuMs);
      } while (performance.now() - started < opts.minRoundMs);
      wall.get(c.label)!.push(...mine);
      line.push(`${c.label} ${mine.map((ms) => Math.round(ms)).join('/')} ms`);
    }
    opts.log(`round ${round}/${opts.rounds}: ${line.join(', ')}`);
  }
  const out = new Map<string, ContenderFigures>();
  for (const c of contenders) {
    const runsMs = wall.get(c.label)!;
    const cpuMs = cpu.get(c.label)!;
    out.set(c.label, {
      label: c.label,
      medianMs: median(runsMs),
      medianCpuMs: cpuMs.length > 0 ? median(cpuMs) : undefined,
      runsMs,
    });
  }
  return out;
}
