import { fileURLToPath } from 'node:url';
import { type ProcessPool, shares, startProcessPool } from './process-pool.ts';

const CHILD = fileURLToPath(new URL('./ami-client-child.ts', import.meta.url));

export type AmiClientsCommand =
  | { type: 'open'; host: string; port: number; username: string; secret: string; count: number; batch: number }
  | { type: 'run'; startedAt: number; intervalMs: number; expected: number[]; names: string[] }
  | { type: 'collect' }
  | { type: 'close' };

export interface AmiClientStats {
  type: 'stats';
  clients: number;
  /** Clients that received every expected event, in order. */
  complete: number;
  /** Clients whose connection closed before they had every event (told, not silent). */
  closed: number;
  /** Clients still connected without every event: silent losses (or still catching up). */
  silentlyShort: number;
  /** Clients that received an event out of the expected sequence. */
  mismatched: number;
  events: number;
  /** [latency ms, count] pairs: receipt time minus the event's scheduled send time. */
  histogram: Array<[number, number]>;
  maxLagMs: number;
  cpuMs: number;
}

export type AmiClientsReply =
  | { type: 'opened'; clients: number; ms: number }
  | { type: 'running' }
  | AmiClientStats
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** Raw AMI benchmark clients over several processes; each checks its event sequence and latency. */
export class AmiClients {
  readonly #pool: ProcessPool<AmiClientsCommand, AmiClientsReply>;

  constructor(processes: number) {
    this.#pool = startProcessPool(CHILD, processes);
  }

  /**
   * Opens `total` sessions, one process after the other, `batch` logins at a time, so that
   * at most `batch` connections wait to log in at once. Returns the time it took.
   */
  async open(o: { host: string; port: number; username: string; secret: string; total: number; batch: number }): Promise<number> {
    const started = Date.now();
    const counts = shares(o.total, this.#pool.size);
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      await this.#pool.ask(i, { type: 'open', host: o.host, port: o.port, username: o.username, secret: o.secret, count: counts[i]!, batch: o.batch });
    }
    return Date.now() - started;
  }

  async run(startedAt: number, intervalMs: number, expected: number[], names: string[]): Promise<void> {
    await this.#pool.all({ type: 'run', startedAt, intervalMs, expected, names });
  }

  /** Every process's figures, merged. */
  async collect(): Promise<Omit<AmiClientStats, 'type'>> {
    const parts = (await this.#pool.all({ type: 'collect' })) as AmiClientStats[];
    const histogram = new Map<number, number>();
    for (const p of parts) for (const [ms, n] of p.histogram) histogram.set(ms, (histogram.get(ms) ?? 0) + n);
    const sum = (k: 'clients' | 'complete' | 'closed' | 'silentlyShort' | 'mismatched' | 'events' | 'cpuMs') => parts.reduce((a, p) => a + p[k], 0);
    return {
      clients: sum('clients'),
      complete: sum('complete'),
      closed: sum('closed'),
      silentlyShort: sum('silentlyShort'),
      mismatched: sum('mismatched'),
      events: sum('events'),
      cpuMs: sum('cpuMs'),
      maxLagMs: Math.max(...parts.map((p) => p.maxLagMs)),
      histogram: [...histogram.entries()].sort((a, b) => a[0] - b[0]),
    };
  }

  async close(): Promise<void> {
    await this.#pool.all({ type: 'close' });
  }

  stop(): Promise<void> {
    return this.#pool.stop();
  }
}

/** The p-th percentile of a [value, count] histogram. */
export function histogramPercentile(histogram: Array<[number, number]>, p: number): number {
  const total = histogram.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [value, n] of histogram) {
    seen += n;
    if (seen >= rank) return value;
  }
  return histogram[histogram.length - 1]![0];
}
