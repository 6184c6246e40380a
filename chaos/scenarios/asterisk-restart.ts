import { agentMembers, busyFloor, until } from '../lib/agents.ts';
import { type ChaosScenario, loadAverage } from '../lib/result.ts';
import { startChaosServer } from '../lib/server.ts';

/**
 * The simulated Asterisk restarts (every dynamic member lost) with agents signed in,
 * paused (lunch, break), in wrap-up and after a queue.leave: the CTI server re-adds every
 * membership with its pause and reason. Reports memberships and pauses restored, in %.
 */
export const asteriskRestart: ChaosScenario = {
  name: 'asterisk-restart',
  async run({ short, log }) {
    const restarts = short ? 1 : 5;
    const server = await startChaosServer({ wrapup: { seconds: 600, mode: 'manual' } });
    try {
      const sim = server.demo!.sim;
      await busyFloor(server);
      const before = agentMembers(sim);
      const pausedBefore = before.filter((m) => m.includes(' paused '));
      let memberships = 0;
      let pauses = 0;
      let extra = 0;
      const timings: number[] = [];
      for (let i = 0; i < restarts; i++) {
        const conn = server.pbxs.get('main')!;
        const startedAt = Date.now();
        sim.restart(i % 2 === 0 ? {} : { graceful: true });
        await until('the PBX reconnected', () => !conn.isReady(), 5_000).catch(() => undefined);
        await until('memberships re-applied', () => agentMembers(sim).length >= before.length, 30_000).catch(() => undefined);
        timings.push(Date.now() - startedAt);
        const after = new Set(agentMembers(sim));
        memberships += before.filter((m) => after.has(m)).length;
        pauses += pausedBefore.filter((m) => after.has(m)).length;
        extra += [...after].filter((m) => !before.includes(m)).length;
        log(`asterisk-restart ${i + 1}/${restarts}: ${after.size}/${before.length} memberships`);
      }
      const pct = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 10;
      const common = { restarts, memberships: before.length, paused_memberships: pausedBefore.length, load_avg: loadAverage() };
      return [
        {
          bench: 'chaos.asterisk_restart',
          metric: 'memberships_restored',
          value: pct(memberships, before.length * restarts),
          unit: '%',
          target: '== 100',
          pass: memberships === before.length * restarts && extra === 0,
          extra: { ...common, unexpected_members: extra },
        },
        {
          bench: 'chaos.asterisk_restart',
          metric: 'pauses_restored',
          value: pct(pauses, pausedBefore.length * restarts),
          unit: '%',
          target: '== 100',
          pass: pauses === pausedBefore.length * restarts,
          extra: common,
        },
        { bench: 'chaos.asterisk_restart', metric: 'restore_time_max', value: Math.max(...timings), unit: 'ms', extra: common },
      ];
    } finally {
      await server.close();
    }
  },
};
