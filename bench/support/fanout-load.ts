// What the fan-out benchmarks share: the WebSocket/AMI client pool's figures, the call traffic
// they all replay against the simulated PBX, and the latency percentiles.
import type { startSimulatedPbx } from '@amiable/pbx-sim';
import type { FanoutCommand, FanoutReply } from '../lib/ws-fanout-process.ts';
import { type ProcessPool, shares } from './process-pool.ts';

export const FANOUT_CLIENT_MODULE = new URL('../lib/ws-fanout-child.ts', import.meta.url).pathname;
export type FanoutPool = ProcessPool<FanoutCommand, FanoutReply>;
type Stats = Extract<FanoutReply, { type: 'stats' }>;
export type FanoutStats = Omit<Stats, 'type'>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Every process's figures, merged. */
export async function collect(pool: FanoutPool): Promise<FanoutStats> {
  const parts = (await pool.all({ type: 'collect' })) as Stats[];
  return {
    events: parts.reduce((a, p) => a + p.events, 0),
    latencies: parts.flatMap((p) => p.latencies),
    ownNewchannels: parts.flatMap((p) => p.ownNewchannels),
    cpuMs: parts.reduce((a, p) => a + p.cpuMs, 0),
    rssBytes: parts.reduce((a, p) => a + p.rssBytes, 0),
  };
}

/** Sends each process its share of `items`, one process after the other; returns how many connected. */
export async function openShares<T>(pool: FanoutPool, items: T[], command: (share: T[]) => FanoutCommand): Promise<number> {
  let connected = 0;
  let at = 0;
  for (const [i, n] of shares(items.length, pool.size).entries()) {
    const r = await pool.ask(i, command(items.slice(at, at + n)));
    at += n;
    if (r.type !== 'ready') throw new Error(`client process answered ${r.type}`);
    connected += r.connected;
  }
  return connected;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no latency samples');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Direct calls to every extension in turn, `perSecond` of them, for `ms`. Each phone answers and
 * hangs up. Exactly `perSecond * ms / 1000` calls are placed, even when a busy event loop wakes
 * late, so that both sides of a comparison get the same calls and the same AMI events.
 */
export async function traffic(sim: Awaited<ReturnType<typeof startSimulatedPbx>>, extensions: string[], perSecond: number, ms: number): Promise<number> {
  const total = Math.round((perSecond * ms) / 1000);
  let placed = 0;
  const start = Date.now();
  const tickMs = 20;
  const place = (upTo: number) => {
    for (; placed < Math.min(upTo, total); placed++) {
      sim.placeCall({ exten: extensions[placed % extensions.length]!, callerNumber: `+1555${String(placed % 10_000_000).padStart(7, '0')}`, talkMs: 300 });
    }
  };
  while (placed < total) {
    place(Math.floor(((Date.now() - start) / 1000) * perSecond));
    if (Date.now() - start >= ms) place(total);
    await sleep(tickMs);
  }
  // Let the last calls finish.
  for (let i = 0; i < 100 && sim.snapshot().channels.length > 0; i++) await sleep(50);
  return placed;
}

/** Collects the clients' figures once their event count has stopped growing (at most 15 s). */
export async function settled(clients: FanoutPool): Promise<FanoutStats> {
  let stats = await collect(clients);
  for (let i = 0; i < 30; i++) {
    await sleep(500);
    const next = await collect(clients);
    if (next.events === stats.events) return next;
    stats = next;
  }
  return stats;
}
