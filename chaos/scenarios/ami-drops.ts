import { comparable, independentSnapshot, reconnected } from '../../packages/server/test/resync/snapshot-session.ts';
import { busyFloor, until } from '../lib/agents.ts';
import { startMemberChurn } from '../lib/load.ts';
import { type ChaosScenario, loadAverage } from '../lib/result.ts';
import { startChaosServer } from '../lib/server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The AMI connection is cut 100 times (3 short) while the simulated Asterisk sends
 * 2,000 events/s. After each reconnect and resync, with the load held for a moment, the
 * server's live model must equal a model built from an independent AMI session's
 * snapshot. Reports drops survived and mismatches.
 */
export const amiDrops: ChaosScenario = {
  name: 'ami-drops',
  async run({ short, log }) {
    const drops = short ? 3 : 100;
    const rate = 2000;
    const server = await startChaosServer({ wrapup: { seconds: 600, mode: 'manual' } });
    try {
      const sim = server.demo!.sim;
      const { username, secret } = server.demo!;
      await busyFloor(server);
      const conn = server.pbxs.get('main')!;
      const load = startMemberChurn(sim, rate);
      let survived = 0;
      let mismatches = 0;
      const reconnectMs: number[] = [];
      try {
        for (let i = 0; i < drops; i++) {
          await sleep(short ? 300 : 150 + Math.floor(Math.random() * 300));
          const id = conn.client.connectionId;
          const cutAt = Date.now();
          sim.dropConnections();
          await reconnected(conn, id, 30_000);
          reconnectMs.push(Date.now() - cutAt);
          // Hold the load so both views describe the same moment.
          load.pause();
          await sleep(150);
          const expected = comparable(await independentSnapshot(sim, username, secret));
          await until('the model settles', () => JSON.stringify(comparable(conn.model)) === JSON.stringify(expected), 2_000).catch(
            () => undefined,
          );
          const same = JSON.stringify(comparable(conn.model)) === JSON.stringify(expected);
          if (same) survived++;
          else {
            mismatches++;
            log(`ami-drops: drop ${i + 1}: model differs from the snapshot`);
          }
          load.resume();
          if ((i + 1) % 10 === 0) log(`ami-drops: ${i + 1}/${drops}`);
        }
      } finally {
        load.stop();
      }
      reconnectMs.sort((a, b) => a - b);
      const common = { drops, events_per_s: rate, events_produced: load.produced, events_per_s_achieved: load.rate, load_avg: loadAverage() };
      return [
        { bench: 'chaos.ami_drops', metric: 'drops_survived', value: survived, unit: 'drops', target: `== ${drops}`, pass: survived === drops, extra: common },
        { bench: 'chaos.ami_drops', metric: 'mismatches', value: mismatches, unit: 'drops', target: '== 0', pass: mismatches === 0, extra: common },
        {
          bench: 'chaos.ami_drops',
          metric: 'reconnect_p50',
          value: reconnectMs[Math.floor(reconnectMs.length / 2)] ?? 0,
          unit: 'ms',
          extra: { ...common, max_ms: reconnectMs.at(-1) ?? 0 },
        },
      ];
    } finally {
      await server.close();
    }
  },
};
