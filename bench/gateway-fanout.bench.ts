/**
 * gateway.fanout: 1,000 WebSocket clients, each scoped to its own extension, behind one CTI
 * server holding one AMI connection, against the same clients each holding its own AMI
 * connection to the (simulated) Asterisk. See bench/README.md.
 *
 * The latency result's ratio is baseline / ours (how many times lower our p99 is); the other
 * results use value / baseline as usual. Ours is measured from the AMI message's receipt at the
 * server (every CTI event carries it as `at`) to the client; the baseline from the event's
 * emission at the PBX to the client. Clients are spread over several processes.
 */
import { rmSync } from 'node:fs';
import pino from 'pino';
import { createServer } from '../packages/server/src/app/create-server.ts';
import { WebSocketServer } from 'ws';
import type { FanoutCommand, FanoutReply } from './lib/ws-fanout-process.ts';
import { FANOUT_CLIENT_MODULE, type FanoutPool, createFanoutAgents, FANOUT_CALLS_PER_SECOND, openShares, percentile, settled, startFanoutPbx, traffic } from './support/fanout-load.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { collectGarbage, round } from './lib/stats.ts';
import { startProcessPool } from './support/process-pool.ts';
import { benchServerConfig } from './support/bench-server-config.ts';

const PROCESSES = 4;
type Pool = FanoutPool;

/** Heap per idle connection of a bare `ws` server (no authentication, no CTI state): the transport's floor. */
async function bareWsHeapPerClient(pool: Pool, n: number): Promise<number> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const port = (wss.address() as { port: number }).port;
  wss.on('connection', (ws) => ws.on('message', () => ws.send(JSON.stringify({ op: 'welcome' }))));
  const before = memory();
  const connected = await openShares(pool, Array.from({ length: n }, () => 'bare'), (tokens) => ({ type: 'ws', url: `ws://127.0.0.1:${port}/`, tokens }));
  if (connected !== n) throw new Error(`${connected} of ${n} bare WebSocket clients connected`);
  await sleep(500);
  const after = memory();
  await pool.all({ type: 'close' });
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
  return (after.heap - before.heap) / n;
}

const FIRST_EXTENSION = 2000;
const SECRET = 'fanout-bench-secret';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function memory(): { heap: number; rss: number } {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

const bench: BenchModule = {
  name: 'gateway.fanout',
  async run({ quick, log }) {
    const n = quick ? 200 : 1000;
    const seconds = quick ? 4 : 8;
    const extensions = Array.from({ length: n }, (_, i) => String(FIRST_EXTENSION + i));
    const sim = await startFanoutPbx(extensions, SECRET);
    const { dataDir, config } = benchServerConfig('fanout', { port: sim.port, secret: SECRET, authType: 'md5' });
    const server = await createServer(config, { logger: pino({ level: 'silent' }) });
    const clients: Pool = startProcessPool<FanoutCommand, FanoutReply>(FANOUT_CLIENT_MODULE, PROCESSES);
    const results: BenchResult[] = [];
    try {
      log(`creating ${n} agent accounts`);
      // Agents see the desk they sit at: each signs in at its extension (joining one queue).
      const usernames: string[] = [];
      for (const agent of await createFanoutAgents(server.repos, extensions, 'fanout')) {
        await server.agents.signIn(agent.id, {});
        usernames.push(agent.username);
      }
      const tokens: string[] = [];
      for (let i = 0; i < usernames.length; i += 25) {
        const batch = await Promise.all(
          usernames.slice(i, i + 25).map(async (username) => {
            const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'fanout' }) });
            if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
            return ((await res.json()) as { accessToken: string }).accessToken;
          }),
        );
        tokens.push(...batch);
      }

      // Memory per idle authenticated client, against a bare ws server's per-connection heap.
      const bareHeapPerClient = await bareWsHeapPerClient(clients, n);
      await sleep(200);
      const before = memory();
      const connected = await openShares(clients, tokens, (share) => ({ type: 'ws', url: `${server.url.replace('http', 'ws')}/api/ws`, tokens: share }));
      if (connected !== n) throw new Error(`${connected} of ${n} clients connected`);
      await sleep(500);
      const after = memory();
      const heapPerClient = (after.heap - before.heap) / n;
      const rssPerClient = (after.rss - before.rss) / n;
      log(`idle: ${round(heapPerClient / 1024, 1)} KiB heap, ${round(rssPerClient / 1024, 1)} KiB RSS per client`);

      // Fan-out under load.
      await clients.all({ type: 'mark' });
      const emitted0 = sim.eventsEmitted;
      const cpu0 = process.cpuUsage();
      const t0 = Date.now();
      const calls = await traffic(sim, extensions, FANOUT_CALLS_PER_SECOND, seconds * 1000);
      await sleep(300);
      const wallMs = Date.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const amiEvents = sim.eventsEmitted - emitted0;
      const ours = await settled(clients);
      if (ours.events < calls * 2) throw new Error(`only ${ours.events} CTI events delivered for ${calls} calls`);
      const serverRss = process.memoryUsage().rss;
      const p50 = percentile(ours.latencies, 50);
      const p99 = percentile(ours.latencies, 99);
      const amiRate = (amiEvents * 1000) / wallMs;
      log(`ours: ${calls} calls, ${amiEvents} AMI events (${Math.round(amiRate)}/s), ${ours.events} deliveries, p50 ${p50} ms, p99 ${p99} ms`);
      await clients.all({ type: 'close' });

      // Baseline: every client holds its own AMI connection and filters for itself.
      log(`baseline: ${n} AMI logins`);
      const newchannelAt = new Map<string, number>();
      const untap = sim.tap({
        onEvent: (e) => {
          if (e.name !== 'Newchannel') return;
          const id = /\r\nUniqueid: ([^\r]+)\r\n/.exec(e.text)?.[1];
          if (id) newchannelAt.set(id, Date.now());
        },
      });
      const amiConnected = await openShares(clients, extensions, (share) => ({ type: 'ami', host: '127.0.0.1', port: sim.port, username: 'cti', secret: SECRET, extensions: share }));
      if (amiConnected !== n) throw new Error(`${amiConnected} of ${n} AMI clients logged in`);
      await clients.all({ type: 'mark' });
      const bEmitted0 = sim.eventsEmitted;
      const bCpu0 = process.cpuUsage();
      const bt0 = Date.now();
      const bCalls = await traffic(sim, extensions, FANOUT_CALLS_PER_SECOND, seconds * 1000);
      const bWallMs = Date.now() - bt0;

      const bCpu = process.cpuUsage(bCpu0);
      // The clients may still be working through their backlog: that delay is part of the latency.
      const base = await settled(clients);
      untap();
      const bLatencies = base.ownNewchannels.map(([id, at]) => at - (newchannelAt.get(id) ?? at));
      if (bLatencies.length < bCalls * 0.95) throw new Error(`baseline saw ${bLatencies.length} own Newchannel events for ${bCalls} calls`);
      const bp50 = percentile(bLatencies, 50);
      const bp99 = percentile(bLatencies, 99);
      const bAmiRate = ((sim.eventsEmitted - bEmitted0) * 1000) / bWallMs;
      log(`baseline: ${bCalls} calls, ${Math.round(bAmiRate)} AMI events/s, ${base.events} AMI deliveries, p50 ${bp50} ms, p99 ${bp99} ms`);

      const common = { clients: n, client_processes: PROCESSES, loadavg_1m: round((await import('node:os')).loadavg()[0] ?? 0, 2) };
      results.push(
        {
          bench: 'gateway.fanout',
          metric: 'p99_latency_ms',
          value: p99,
          unit: 'ms',
          baseline: 'one AMI connection per client (ratio = baseline / ours)',
          baseline_value: bp99,
          ratio: ratioOf(bp99, Math.max(p99, 1)),
          target: '<= 20 ms',
          pass: p99 <= 20,
          extra: {
            ...common,
            p50_ms: p50,
            baseline_p50_ms: bp50,
            ami_events: amiEvents,
            ami_events_per_s: Math.round(amiRate),
            baseline_ami_events_per_s: Math.round(bAmiRate),
            calls,
            cti_deliveries: ours.events,
            baseline_ami_deliveries: base.events,
            measured_from: 'AMI receipt at the server (ours); event emission at the PBX (baseline)',
          },
        },
        {
          bench: 'gateway.fanout',
          metric: 'server_cpu_ms',
          value: round((cpu.user + cpu.system) / 1000),
          unit: 'ms',
          baseline: 'PBX process cpu with one AMI connection per client',
          baseline_value: round((bCpu.user + bCpu.system) / 1000),
          ratio: ratioOf(cpu.user + cpu.system, bCpu.user + bCpu.system),
          extra: {
            ...common,
            note: 'the simulated PBX runs in the server process; both figures include its CPU',
            wall_ms: wallMs,
            server_rss_mb: round(serverRss / 1048576, 1),
            client_cpu_ms: round(ours.cpuMs),
            baseline_client_cpu_ms: round(base.cpuMs),
            client_rss_mb: round(ours.rssBytes / 1048576, 1),
            baseline_client_rss_mb: round(base.rssBytes / 1048576, 1),
          },
        },
        {
          bench: 'gateway.fanout',
          metric: 'heap_per_idle_client_kb',
          value: round(heapPerClient / 1024, 2),
          unit: 'KiB',
          baseline: 'heap per idle connection of a bare ws server (no auth, no CTI state)',
          baseline_value: round(bareHeapPerClient / 1024, 2),
          ratio: ratioOf(heapPerClient, bareHeapPerClient),
          target: '<= 30 KiB',
          pass: heapPerClient / 1024 <= 30,
          extra: { ...common, rss_per_client_kb: round(rssPerClient / 1024, 2) },
        },
      );
      await clients.all({ type: 'close' });
      return results;
    } finally {
      await clients.stop();
      await server.stop();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
