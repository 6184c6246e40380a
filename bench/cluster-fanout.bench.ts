/**
 * cluster.fanout: three CTI nodes on a three-server NATS cluster, 1,000 WebSocket clients on
 * each (every agent connected once to every node), ~2,000 AMI events/s from the simulated PBX.
 * Baseline: the same agents on one node alone (no NATS), 1,000 clients, the same traffic, in the
 * same run. Every node runs as `npm start` runs it, in its own process; the clients run in four
 * more processes.
 *
 * Latency is measured from the AMI message's receipt at the owner node (every CTI event carries
 * it as `at`) to the client's receipt, on one machine's clock. The latency ratio is
 * baseline / ours, as in gateway.fanout; the CPU ratio is ours / baseline (per node).
 */
import { loadavg } from 'node:os';
import type { FanoutCommand, FanoutReply } from './lib/ws-fanout-process.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { round } from './lib/stats.ts';
import {
  type ClusterNode,
  BENCH_PG_URL,
  benchSchema,
  cpuMsOf,
  loginToken,
  readyOwner,
  runCommand,
  startBenchNode,
  startNatsCluster,
} from './support/cluster-bench.ts';
import { FANOUT_CLIENT_MODULE, type FanoutPool, type FanoutStats, createFanoutAgents, FANOUT_CALLS_PER_SECOND, openShares, percentile, settled, startFanoutPbx, traffic } from './support/fanout-load.ts';
import { startProcessPool } from './support/process-pool.ts';

const PROCESSES = 4;
const FIRST_EXTENSION = 3000;
const SECRET = 'ctisecret';
const PASSWORD = 'cluster-fanout';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Phase {
  stats: FanoutStats;
  calls: number;
  amiEvents: number;
  wallMs: number;
  cpuMsPerNode: number[];
}

/** Connects every token to every node, replays the traffic, and returns what the clients saw. */
async function measure(
  clients: FanoutPool,
  nodes: ClusterNode[],
  tokens: string[],
  load: () => Promise<{ calls: number; amiEvents: number }>,
  log: (msg: string) => void,
): Promise<Phase> {
  for (const node of nodes) {
    log(`connecting ${tokens.length} clients to ${node.nodeId}`);
    await openShares(clients, tokens, (share) => ({ type: 'ws', url: `${node.url.replace('http', 'ws')}/api/ws`, tokens: share }));
  }
  const connected = (await clients.all({ type: 'mark' })).reduce((a, r) => a + (r.type === 'ready' ? r.connected : 0), 0);
  if (connected !== tokens.length * nodes.length) throw new Error(`${connected} of ${tokens.length * nodes.length} clients connected`);
  await sleep(1000);
  await clients.all({ type: 'mark' });
  log('traffic');
  const cpu0 = nodes.map((n) => cpuMsOf(n.pid));
  const t0 = Date.now();
  const { calls, amiEvents } = await load();
  await sleep(300);
  const wallMs = Date.now() - t0;
  const cpuMsPerNode = nodes.map((n, i) => cpuMsOf(n.pid) - cpu0[i]!);
  const stats = await settled(clients);
  await clients.all({ type: 'close' });
  if (stats.events < calls * 2 * nodes.length) throw new Error(`only ${stats.events} CTI events delivered for ${calls} calls on ${nodes.length} node(s)`);
  return { stats, calls, amiEvents, wallMs, cpuMsPerNode };
}

const bench: BenchModule = {
  name: 'cluster.fanout',
  async run({ quick, log }) {
    const n = quick ? 150 : 1000;
    const seconds = quick ? 4 : 8;
    const extensions = Array.from({ length: n }, (_, i) => String(FIRST_EXTENSION + i));
    const sim = await startFanoutPbx(extensions, SECRET);
    const schema = await benchSchema('cfan');
    const nats = await startNatsCluster(3);
    const clients: FanoutPool = startProcessPool<FanoutCommand, FanoutReply>(FANOUT_CLIENT_MODULE, PROCESSES);
    const nodes: ClusterNode[] = [];
    const tokenSecret = `bench-${Date.now()}-${Math.random()}`;
    const pbxs = [{ id: 'main', port: sim.port }];
    const load = async () => {
      const e0 = sim.eventsEmitted;
      const calls = await traffic(sim, extensions, FANOUT_CALLS_PER_SECOND, seconds * 1000);
      return { calls, amiEvents: sim.eventsEmitted - e0 };
    };
    try {
      log(`creating ${n} agents`);
      const usernames = (await createFanoutAgents(schema.repos, extensions, PASSWORD)).map((a) => a.username);

      // Baseline: one node alone. The agents sign in there; their sign-ins are kept in the database.
      log('baseline: one node, no NATS');
      const single = await startBenchNode({ nodeId: 'single', pgUrl: BENCH_PG_URL, pgSchema: schema.pgSchema, pbxs, tokenSecret });
      nodes.push(single);
      await readyOwner([single], 'main');
      const tokens: string[] = [];
      for (let i = 0; i < usernames.length; i += 25) {
        tokens.push(
          ...(await Promise.all(
            usernames.slice(i, i + 25).map(async (u) => {
              const token = await loginToken(single.url, u, PASSWORD);
              await runCommand(single.url, token, 'agent.signIn');
              return token;
            }),
          )),
        );
      }
      const base = await measure(clients, [single], tokens, load, log);
      const bp50 = percentile(base.stats.latencies, 50);
      const bp99 = percentile(base.stats.latencies, 99);
      log(`baseline: ${base.calls} calls, ${base.amiEvents} AMI events, ${base.stats.events} deliveries, p50 ${bp50} ms, p99 ${bp99} ms, cpu ${round(base.cpuMsPerNode[0]!)} ms`);
      await single.stop();
      nodes.length = 0;

      // Three nodes: the owner restores the sign-ins from the database; every node serves clients.
      log('cluster: three nodes on a three-server NATS cluster');
      for (const id of ['node-a', 'node-b', 'node-c']) {
        nodes.push(await startBenchNode({ nodeId: id, natsUrl: nats.url, pgUrl: BENCH_PG_URL, pgSchema: schema.pgSchema, pbxs, tokenSecret, leaseTtlMs: 3000 }));
      }
      const owner = await readyOwner(nodes, 'main');
      log(`${owner.nodeId} owns the PBX`);
      await sleep(2000);
      const ours = await measure(clients, nodes, tokens, load, log);
      const p50 = percentile(ours.stats.latencies, 50);
      const p99 = percentile(ours.stats.latencies, 99);
      const cpuPerNode = Object.fromEntries(nodes.map((node, i) => [`cpu_ms_${node.nodeId}${node === owner ? '_owner' : ''}`, round(ours.cpuMsPerNode[i]!)]));
      log(`cluster: ${ours.calls} calls, ${ours.amiEvents} AMI events, ${ours.stats.events} deliveries, p50 ${p50} ms, p99 ${p99} ms, cpu ${JSON.stringify(cpuPerNode)}`);

      const common = { clients_per_node: n, nodes: 3, nats_servers: 3, client_processes: PROCESSES, loadavg_1m: round(loadavg()[0] ?? 0, 2) };
      const meanCpu = ours.cpuMsPerNode.reduce((a, b) => a + b, 0) / ours.cpuMsPerNode.length;
      const results: BenchResult[] = [
        {
          bench: 'cluster.fanout',
          metric: 'p99_latency_ms',
          value: p99,
          unit: 'ms',
          baseline: `one node alone with ${n} clients (ratio = baseline / ours)`,
          baseline_value: bp99,
          ratio: ratioOf(bp99, Math.max(p99, 1)),
          target: '<= 50 ms',
          pass: p99 <= 50,
          extra: {
            ...common,
            p50_ms: p50,
            baseline_p50_ms: bp50,
            calls: ours.calls,
            ami_events_per_s: Math.round((ours.amiEvents * 1000) / ours.wallMs),
            baseline_ami_events_per_s: Math.round((base.amiEvents * 1000) / base.wallMs),
            cti_deliveries: ours.stats.events,
            baseline_cti_deliveries: base.stats.events,
            measured_from: 'AMI receipt at the owner node to receipt at the client',
          },
        },
        {
          bench: 'cluster.fanout',
          metric: 'cpu_ms_per_node',
          value: round(meanCpu),
          unit: 'ms',
          baseline: `the single node serving ${n} clients, same traffic`,
          baseline_value: round(base.cpuMsPerNode[0]!),
          ratio: ratioOf(meanCpu, base.cpuMsPerNode[0]!),
          extra: { ...common, ...cpuPerNode, wall_ms: ours.wallMs, baseline_wall_ms: base.wallMs },
        },
      ];
      return results;
    } finally {
      await clients.stop();
      for (const node of nodes) await node.stop().catch(() => undefined);
      await nats.stop();
      await sim.close();
      await schema.drop();
    }
  },
};

export default bench;
