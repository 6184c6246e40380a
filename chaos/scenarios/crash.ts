import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoPbx } from '../../packages/server/src/demo/demo-pbx.ts';
import type { SavedAgent } from '../../packages/server/src/features/agents/ports.ts';
import { startPrivatePostgres } from '../../packages/server/test/support/private-postgres.ts';
import { agentMembers, until } from '../lib/agents.ts';
import { startChildServer } from '../lib/child-server.ts';
import { type ChaosScenario, loadAverage } from '../lib/result.ts';

type Agent = SavedAgent & { name: string };
const view = (a: Agent) => JSON.stringify([a.agentId, a.state, a.reason, a.since, a.sessionId, a.queues.map((q) => q.queue)]);

/**
 * `kill -9` of the CTI server process while PostgreSQL (a private instance) is down and
 * writes are in the disk spool; then PostgreSQL comes back and the server restarts with the
 * same data dir. Reports agents and pauses restored (as they were just before the kill), the
 * spooled records replayed, and whether Asterisk's memberships were left untouched.
 */
export const crash: ChaosScenario = {
  name: 'crash',
  async run({ short, log }) {
    const rounds = short ? 1 : 3;
    const pg = await startPrivatePostgres();
    const sim = await startDemoPbx(11);
    const dataDir = mkdtempSync(join(tmpdir(), 'amiable-crash-'));
    const config = {
      dataDir,
      database: { driver: 'postgres', url: pg.url },
      wrapup: { seconds: 600, mode: 'manual' },
      pbxs: [{ id: 'main', host: '127.0.0.1', port: sim.sim.port, username: sim.username, secret: sim.secret, authType: 'md5' }],
    };
    let agentsRestored = 0;
    let agentsExpected = 0;
    let pausesRestored = 0;
    let pausesExpected = 0;
    let spooled = 0;
    let replayedLeft = 0;
    let membersKept = true;
    try {
      let server = await startChildServer({ ...config, seed: true });
      const ids = await server.call<Record<string, string>>({ cmd: 'userIds' });
      await until('PBX ready', async () => (await server.call<{ health: unknown }>({ cmd: 'storage' })) !== undefined, 5_000);
      for (const u of ['alice', 'bilal', 'chloe', 'david', 'emma', 'farid']) await server.call({ cmd: 'signIn', agentId: ids[u]! });
      await server.call({ cmd: 'pause', agentId: ids.bilal!, reason: 'lunch' });
      await server.call({ cmd: 'pause', agentId: ids.farid!, reason: 'break' });
      await server.call({ cmd: 'pause', agentId: ids.emma!, reason: 'meeting' });
      await server.call({ cmd: 'leave', agentId: ids.david!, queue: 'support' });
      for (let round = 0; round < rounds; round++) {
        // The database goes away; the agents keep working (their writes are spooled).
        await pg.stop();
        await server.call({ cmd: 'ready', agentId: ids.farid! });
        await server.call({ cmd: 'leave', agentId: ids.alice!, queue: 'support' });
        const before = await server.call<Agent[]>({ cmd: 'agents' });
        const storage = await server.call<{ health: { backlog: number } }>({ cmd: 'storage' });
        spooled += storage.health.backlog;
        const members = agentMembers(sim.sim);
        log(`crash ${round + 1}/${rounds}: kill -9 with ${storage.health.backlog} records spooled`);
        await server.kill9();
        await pg.start();
        server = await startChildServer(config);
        const after = new Map((await server.call<Agent[]>({ cmd: 'agents' })).map((a) => [a.agentId, a]));
        agentsExpected += before.length;
        pausesExpected += before.filter((a) => a.state !== 'ready').length;
        for (const a of before) {
          const b = after.get(a.agentId);
          if (b && view(a) === view(b)) {
            agentsRestored++;
            if (a.state !== 'ready') pausesRestored++;
          } else log(`crash: ${a.agentId} was ${view(a)}, came back ${b ? view(b) : 'missing'}`);
        }
        const left = await server.call<{ health: { backlog: number } }>({ cmd: 'storage' });
        replayedLeft += left.health.backlog;
        await new Promise((r) => setTimeout(r, 1000));
        membersKept &&= JSON.stringify(agentMembers(sim.sim)) === JSON.stringify(members);
        // Undo this round's changes for the next one.
        await server.call({ cmd: 'pause', agentId: ids.farid!, reason: 'break' });
        await server.call({ cmd: 'signIn', agentId: ids.alice! });
      }
      await server.stop();
    } finally {
      await sim.sim.close();
      await pg.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const common = { kills: rounds, load_avg: loadAverage() };
    return [
      {
        bench: 'chaos.crash',
        metric: 'agents_restored',
        value: agentsRestored,
        unit: 'agents',
        target: `== ${agentsExpected}`,
        pass: agentsRestored === agentsExpected,
        extra: common,
      },
      {
        bench: 'chaos.crash',
        metric: 'pauses_restored',
        value: pausesRestored,
        unit: 'agents',
        target: `== ${pausesExpected}`,
        pass: pausesRestored === pausesExpected,
        extra: common,
      },
      {
        bench: 'chaos.crash',
        metric: 'spool_records_restored',
        value: spooled - replayedLeft,
        unit: 'records',
        target: `== ${spooled} (spooled before the kill)`,
        pass: spooled > 0 && replayedLeft === 0,
        extra: common,
      },
      { bench: 'chaos.crash', metric: 'asterisk_members_untouched', value: membersKept ? 1 : 0, target: '== 1', pass: membersKept, extra: common },
    ];
  },
};
