import { startSimulatedPbx, type SimulatedPbx } from '@amiable/pbx-sim';
import { randomBytes } from 'node:crypto';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_QUEUES, DEMO_UNKNOWN_CALLERS } from './demo-data.ts';

export interface DemoPbx {
  sim: SimulatedPbx;
  username: string;
  secret: string;
  /** Start offering calls (after the CTI server signed the agents in). */
  startTraffic(callsPerMinute: number, seed: number): void;
}

/** The built-in simulated Asterisk of demo mode, on a free loopback port with a random AMI secret. */
export async function startDemoPbx(seed: number): Promise<DemoPbx> {
  const secret = randomBytes(12).toString('hex');
  const endpointNames: Record<string, string> = {};
  for (const a of DEMO_AGENTS) endpointNames[a.extension] = a.name;
  const sim = await startSimulatedPbx({
    port: 0,
    host: '127.0.0.1',
    users: [{ username: 'cti', secret, read: 'all', write: 'all' }],
    endpointNames,
    queues: DEMO_QUEUES.map((q) => ({ name: q.name, strategy: q.strategy, timeout: 15, retry: 2 })),
    // Phones answer after a few seconds and the simulated customer hangs up after talking.
    phones: { default: { mode: 'answer', answerAfterMs: 4000 } },
    seed,
  });
  return {
    sim,
    username: 'cti',
    secret,
    startTraffic(callsPerMinute, s) {
      if (callsPerMinute <= 0) return;
      sim.startGenerator({
        agents: [],
        rate: callsPerMinute / 60,
        talkTimeMs: { mean: 25_000, stdDev: 8_000 },
        patienceMs: 60_000,
        answerDelayMs: { min: 3000, max: 6000 },
        callers: [...DEMO_CUSTOMERS, ...DEMO_UNKNOWN_CALLERS].map((c) => ({ number: c.number, name: c.name, language: c.language })),
        seed: s,
      });
    },
  };
}
