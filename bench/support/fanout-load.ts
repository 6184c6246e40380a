// What the fan-out benchmarks share: the WebSocket/AMI client pool's figures, the call traffic
// they all replay against the simulated PBX, and the latency percentiles.
import { startSimulatedPbx } from '@amiable/pbx-sim';
import { hashPassword } from '../../packages/server/src/identity/index.ts';
import type { Repositories } from '../../packages/server/src/persistence/repositories/index.ts';
import type { FanoutCommand, FanoutReply } from '../lib/ws-fanout-process.ts';
import { type ProcessPool, shares } from './process-pool.ts';

export const FANOUT_CLIENT_MODULE = new URL('../lib/ws-fanout-child.ts', import.meta.url).pathname;
export type FanoutPool = ProcessPool<FanoutCommand, FanoutReply>;
type Stats = Extract<FanoutReply, { type: 'stats' }>;
export type FanoutStats = Omit<Stats, 'type'>;

/** About 90 AMI events per call (channels, dial, bridge, hangup, device and queue-member states): ~2,200 events/s. */
export const FANOUT_CALLS_PER_SECOND = 25;

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

/** The simulated PBX of the fan-out benchmarks: one answering phone per extension and one queue, `fanout`. */
export function startFanoutPbx(extensions: string[], secret: string) {
  return startSimulatedPbx({
    port: 0,
    host: '127.0.0.1',
    endpoints: extensions,
    users: [{ username: 'cti', secret, read: 'all', write: 'all' }],
    queues: [{ name: 'fanout', strategy: 'linear', timeout: 30, retry: 1 }],
    phones: { default: { mode: 'answer', answerAfterMs: 100 } },
  });
}

/**
 * One agent per extension (`agent<extension>`, with `password` hashed cheaply: the benchmarks time
 * fan-out, not argon2), each with the one skill that maps to the `fanout` queue. Returns their ids
 * and usernames in extension order.
 */
export async function createFanoutAgents(repos: Repositories, extensions: string[], password: string): Promise<Array<{ id: string; username: string }>> {
  const hash = await hashPassword(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const skill = await repos.skills.create({ name: 'fanout', label: 'Fan-out', kind: 'skill' });
  await repos.skills.setSkillQueues(skill.id, [{ pbx: 'main', queue: 'fanout', basePenalty: 0, penaltyStep: 1 }]);
  const agents: Array<{ id: string; username: string }> = [];
  for (const ext of extensions) {
    const user = await repos.users.create({ username: `agent${ext}`, displayName: `Agent ${ext}`, role: 'agent', passwordHash: hash });
    await repos.agents.upsert(user.id, { pbx: 'main', defaultExtension: ext });
    await repos.skills.setAgentSkills(user.id, [{ skillId: skill.id, proficiency: 1 }]);
    agents.push({ id: user.id, username: user.username });
  }
  return agents;
}
