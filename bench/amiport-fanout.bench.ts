/**
 * amiport.fanout: the recorded busy-center trace replayed at 2,000 events/s to N unfiltered
 * clients of the AMI-compatible port (the full server, one upstream AMI session), against N
 * direct AMI sessions to the same source in the same run. See bench/README.md.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServer } from '../packages/server/src/app/create-server.ts';
import { hashPassword } from '../packages/server/src/identity/index.ts';
import { TRACES_DIR } from './lib/trace.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { round } from './lib/stats.ts';
import { AmiClients, histogramPercentile } from './support/ami-clients.ts';
import { PacedSource } from './support/paced-source.ts';
import { benchServerConfig } from './support/bench-server-config.ts';

const RATE = 2000;
const PROCESSES = 4;
const USER = 'amibench';
const PASSWORD = 'amibench-password';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until every client is complete or closed, or their event count stops growing for 3 s. */
async function settle(clients: AmiClients, want: number) {
  let last = await clients.collect();
  let still = 0;
  for (let i = 0; i < 240 && still < 12; i++) {
    await sleep(250);
    const next = await clients.collect();
    if (next.complete + next.closed === next.clients || next.events >= want) return next;
    still = next.events === last.events ? still + 1 : 0;
    last = next;
  }
  return last;
}

interface Run {
  deliveries: number;
  p50: number;
  p99: number;
  complete: number;
  closed: number;
  silent: number;
  mismatched: number;
  cpuMs: number;
  sourceCpuMs: number;
  clientCpuMs: number;
  maxLagMs: number;
}

async function measure(source: PacedSource, clients: AmiClients, n: number, count: number, expected: number[], names: string[]): Promise<Run> {
  const at = Date.now() + 500;
  await clients.run(at, 1000 / RATE, expected, names);
  const cpu0 = processCpuMs();
  await source.start(RATE, count, at);
  const sourceCpuMs = await source.sent();
  const stats = await settle(clients, expected.length * n);
  const cpuMs = processCpuMs() - cpu0;
  return {
    deliveries: stats.events,
    p50: histogramPercentile(stats.histogram, 50),
    p99: histogramPercentile(stats.histogram, 99),
    complete: stats.complete,
    closed: stats.closed,
    silent: stats.silentlyShort,
    mismatched: stats.mismatched,
    cpuMs,
    sourceCpuMs,
    clientCpuMs: stats.cpuMs,
    maxLagMs: stats.maxLagMs,
  };
}

function processCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

const bench: BenchModule = {
  name: 'amiport.fanout',
  async run({ quick, log }) {
    const sizes = quick ? [50, 200] : [100, 500, 1000];
    const seconds = quick ? 4 : 10;
    const count = RATE * seconds;
    const source = new PacedSource();
    await source.listen(join(TRACES_DIR, 'busy-center'));
    const { dataDir, config } = benchServerConfig('amiport', { port: source.port, secret: 'bench', authType: 'plain' }, { amiPort: true });
    const server = await createServer(config, { logger: pino({ level: 'silent' }) });
    const results: BenchResult[] = [];
    let upstreamDrops = 0;
    const conn = server.pbxs.get('main')!;
    const unwatch = conn.client.onStatus((s) => {
      if (s.to === 'reconnecting') upstreamDrops++;
    });
    try {
      for (let i = 0; i < 100 && !conn.isReady(); i++) await sleep(50);
      if (!conn.isReady()) throw new Error('the server did not connect to the paced source');
      const hash = await hashPassword(PASSWORD);
      await server.repos.users.create({ username: USER, displayName: 'AMI bench', role: 'admin', passwordHash: hash });
      const amiPort = server.amiPort!;

      // Expected sequence: the port never broadcasts events that answer an action (they carry an ActionID).
      const ours = { expected: [] as number[], names: [] as string[] };
      const direct = { expected: [] as number[], names: [] as string[] };
      for (let k = 0; k < count; k++) {
        const [name, hasActionId] = source.events[k % source.events.length]!;
        direct.expected.push(k);
        direct.names.push(name);
        if (!hasActionId) {
          ours.expected.push(k);
          ours.names.push(name);
        }
      }

      for (const n of sizes) {
        const common = { clients: n, events_per_s: RATE, seconds, client_processes: PROCESSES };
        // Ours: N clients of the AMI port.
        let clients = new AmiClients(PROCESSES);
        const stats = amiPort.stats() as { droppedSlowClients: number };
        const dropped0 = stats.droppedSlowClients;
        const drops0 = upstreamDrops;
        const loginMs = await clients.open({ host: '127.0.0.1', port: amiPort.port, username: USER, secret: PASSWORD, total: n, batch: 10 });
        log(`N=${n}: ${n} AMI-port logins in ${loginMs} ms`);
        const load0 = loadavg()[0] ?? 0;
        const a = await measure(source, clients, n, count, ours.expected, ours.names);
        const slowDropped = (amiPort.stats() as { droppedSlowClients: number }).droppedSlowClients - dropped0;
        await clients.close();
        await clients.stop();
        const usPer = (a.cpuMs * 1000) / Math.max(1, a.deliveries);
        log(`N=${n} ours: ${a.deliveries} deliveries, p50 ${a.p50} ms, p99 ${a.p99} ms, ${round(usPer, 2)} us/delivery, complete ${a.complete}, closed ${a.closed}, silent ${a.silent}, upstream drops ${upstreamDrops - drops0}`);

        // Baseline: N direct AMI sessions to the same source.
        clients = new AmiClients(PROCESSES);
        await clients.open({ host: '127.0.0.1', port: source.port, username: 'cti', secret: 'bench', total: n, batch: 10 });
        const b = await measure(source, clients, n, count, direct.expected, direct.names);
        await clients.close();
        await clients.stop();
        const sourceCpuMs = b.sourceCpuMs;
        const bUsPer = (sourceCpuMs * 1000) / Math.max(1, b.deliveries);
        log(`N=${n} direct: ${b.deliveries} deliveries, p50 ${b.p50} ms, p99 ${b.p99} ms, source ${round(bUsPer, 2)} us/delivery, silent ${b.silent}`);
        const load = round((load0 + (loadavg()[0] ?? 0)) / 2, 2);
        const extra = {
          ...common,
          loadavg_1m: load,
          p50_ms: a.p50,
          baseline_p50_ms: b.p50,
          deliveries: a.deliveries,
          baseline_deliveries: b.deliveries,
          clients_complete: a.complete,
          clients_disconnected: a.closed,
          slow_clients_dropped: slowDropped,
          upstream_reconnects: upstreamDrops - drops0,
          login_ms: loginMs,
          client_cpu_ms: round(a.clientCpuMs),
        };
        results.push(
          {
            bench: 'amiport.fanout',
            metric: `silent_losses_n${n}`,
            value: a.silent,
            unit: 'clients',
            baseline: `${n} direct AMI sessions`,
            baseline_value: b.silent,
            ratio: ratioOf(a.silent, b.silent),
            target: '0 clients left connected with missing events',
            pass: a.silent === 0 && a.mismatched === 0,
            extra: { ...extra, mismatched_clients: a.mismatched },
          },
          {
            bench: 'amiport.fanout',
            metric: `p99_latency_ms_n${n}`,
            value: a.p99,
            unit: 'ms',
            baseline: `${n} direct AMI sessions (ratio = baseline / ours)`,
            baseline_value: b.p99,
            ratio: ratioOf(Math.max(b.p99, 1), Math.max(a.p99, 1)),
            ...(n === 500 ? { target: '<= 50 ms at 500 clients', pass: a.p99 <= 50 } : {}),
            extra: { ...extra, max_lag_ms: a.maxLagMs, baseline_max_lag_ms: b.maxLagMs },
          },
          {
            bench: 'amiport.fanout',
            metric: `server_us_per_delivery_n${n}`,
            value: round(usPer, 3),
            unit: 'us',
            baseline: `simulated PBX us per delivery with ${n} direct sessions`,
            baseline_value: round(bUsPer, 3),
            ratio: ratioOf(usPer, bUsPer),
            target: '<= 1.2 us',
            pass: usPer <= 1.2,
            extra: { ...extra, server_cpu_ms: round(a.cpuMs), source_cpu_ms: round(sourceCpuMs) },
          },
        );
      }
      return results;
    } finally {
      unwatch();
      await server.stop();
      await source.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
