/**
 * cluster.failover: the time from `kill -9` of the node that owns the PBX's AMI connection to the
 * first CTI event delivered after the takeover, to a client of a surviving node, over 10 runs.
 * Three nodes on a three-server NATS cluster, the default lease TTL (3 s), calls arriving every
 * 100 ms. The killed node is started again before the next run.
 *
 * Baseline, same run: one node alone, killed the same way and started again at once (what a
 * service manager with an immediate restart does); its client reconnects as soon as it can.
 * Both are measured to the first event whose AMI message arrived after the kill. Ratio = ours /
 * baseline (lower is better).
 */
import { loadavg } from 'node:os';
import { startSimulatedPbx } from '@amiable/pbx-sim';
import { seedDemo } from '../packages/server/src/demo/seed-demo.ts';
import { type BenchModule, ratioOf } from './lib/result.ts';
import { median, round } from './lib/stats.ts';
import { BENCH_PG_URL, type ClusterNode, benchSchema, freePort, loginToken, readyOwner, startBenchNode, startNatsCluster } from './support/cluster-bench.ts';
import { watchEvents } from './support/event-watcher.ts';

const EXTENSIONS = ['1001', '1002', '1003', '1004', '1005', '1006'];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const wsUrl = (node: ClusterNode) => `${node.url.replace('http', 'ws')}/api/ws`;

const bench: BenchModule = {
  name: 'cluster.failover',
  async run({ quick, log }) {
    const runs = quick ? 3 : 10;
    const sim = await startSimulatedPbx({ port: 0, host: '127.0.0.1' });
    for (const ext of EXTENSIONS) sim.setPhone(ext, { mode: 'answer', answerAfterMs: 50 });
    let placed = 0;
    const calls = setInterval(() => {
      placed++;
      sim.placeCall({ exten: EXTENSIONS[placed % EXTENSIONS.length]!, callerNumber: `+1555${String(placed).padStart(7, '0')}`, talkMs: 400 });
    }, 100);
    const schema = await benchSchema('cfail');
    await seedDemo(schema.repos, 'main');
    const nats = await startNatsCluster(3);
    const tokenSecret = `bench-${Date.now()}-${Math.random()}-failover`;
    const pbxs = [{ id: 'main', port: sim.port }];
    const nodes: ClusterNode[] = [];
    try {
      // Baseline: one node, killed and started again on the same port.
      const port = await freePort();
      const single = () =>
        startBenchNode({ nodeId: 'single', pgUrl: BENCH_PG_URL, pgSchema: schema.pgSchema, pbxs, tokenSecret, overrides: { http: { host: '127.0.0.1', port } } });
      let alone = await single();
      await readyOwner([alone], 'main');
      const token = await loginToken(alone.url, 'admin', 'admin-demo');
      const baseline: number[] = [];
      const watcher = watchEvents(wsUrl(alone), token);
      await watcher.firstEventAfter(Date.now(), 30_000);
      for (let i = 0; i < runs; i++) {
        const killedAt = Date.now();
        alone.signal('SIGKILL');
        await alone.exited;
        await alone.stop();
        alone = await single();
        baseline.push((await watcher.firstEventAfter(killedAt, 60_000)) - killedAt);
        log(`baseline run ${i + 1}: ${baseline.at(-1)} ms`);
      }
      watcher.close();
      await alone.stop();

      // Three nodes: kill the owner; a client of a surviving node waits for the new owner's events.
      const start = (id: string) => startBenchNode({ nodeId: id, natsUrl: nats.url, pgUrl: BENCH_PG_URL, pgSchema: schema.pgSchema, pbxs, tokenSecret, leaseTtlMs: 3000 });
      for (const id of ['node-a', 'node-b', 'node-c']) nodes.push(await start(id));
      const ours: number[] = [];
      for (let i = 0; i < runs; i++) {
        const owner = await readyOwner(nodes, 'main');
        const survivor = nodes.find((n) => n !== owner)!;
        const w = watchEvents(wsUrl(survivor), token);
        await w.firstEventAfter(Date.now(), 30_000);
        const killedAt = Date.now();
        owner.signal('SIGKILL');
        ours.push((await w.firstEventAfter(killedAt, 60_000)) - killedAt);
        w.close();
        log(`cluster run ${i + 1}: ${owner.nodeId} killed, first event after ${ours.at(-1)} ms`);
        await owner.exited;
        await owner.stop();
        nodes.splice(nodes.indexOf(owner), 1, await start(owner.nodeId));
        // Let the restarted node join before the next kill.
        await sleep(2000);
      }
      const worst = Math.max(...ours);
      return [
        {
          bench: 'cluster.failover',
          metric: 'kill_to_first_event_ms',
          value: worst,
          unit: 'ms',
          baseline: 'one node alone, restarted at once after kill -9 (worst of the same number of runs)',
          baseline_value: Math.max(...baseline),
          ratio: ratioOf(worst, Math.max(...baseline)),
          target: '<= 5000 ms',
          pass: worst <= 5000,
          extra: {
            runs,
            median_ms: median(ours),
            baseline_median_ms: median(baseline),
            runs_ms: ours.join(' '),
            baseline_runs_ms: baseline.join(' '),
            lease_ttl_ms: 3000,
            loadavg_1m: round(loadavg()[0] ?? 0, 2),
          },
        },
      ];
    } finally {
      clearInterval(calls);
      for (const node of nodes) await node.stop().catch(() => undefined);
      await nats.stop();
      await sim.close();
      await schema.drop();
    }
  },
};

export default bench;
