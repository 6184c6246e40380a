/**
 * ami.client: end-to-end event throughput of our AMI client over loopback
 * TCP. The simulated PBX's replay server, in its own process, sends the
 * recorded busy-center events (repeated to at least 200k) as fast as the
 * socket takes them; the clock runs from connect (TCP, banner, login) until
 * the application has received the last event. The baseline is
 * asterisk-manager receiving the same stream from the same server over the
 * same loopback path, in the same run.
 */
import { loadavg } from 'node:os';
import { compareContenders, type Contender } from './lib/compare.ts';
import { amiableClientReader } from './lib/drivers/amiable-client.ts';
import { asteriskManagerTcpReader, type TcpTarget } from './lib/drivers/asterisk-manager.ts';
import { ratioOf, type BenchModule } from './lib/result.ts';
import { startTraceReplayProcess } from './lib/replay-process.ts';
import { perSecond, round } from './lib/stats.ts';
import { runOverTcp, type TcpReaderFactory } from './lib/tcp-run.ts';

const SCENARIO = 'busy-center';
const OURS = 'amiable';
const BASELINE = 'asterisk-manager';

const CLIENTS: Array<[string, TcpReaderFactory]> = [
  [OURS, amiableClientReader],
  [BASELINE, asteriskManagerTcpReader],
];

const bench: BenchModule = {
  name: 'ami.client',
  async run({ quick, log }) {
    const replay = await startTraceReplayProcess(SCENARIO, quick ? 50_000 : 200_000);
    try {
      log(
        `simulated PBX replaying ${SCENARIO} events x${replay.copies} on ${replay.host}:${replay.port}: ` +
          `${replay.events} events, ${round(replay.bytes / 1e6, 1)} MB per connection`,
      );
      const target: TcpTarget = { host: replay.host, port: replay.port, username: 'bench', secret: 'bench' };
      const contenders: Contender[] = CLIENTS.map(([label, factory]) => ({
        label,
        runOnce: () => runOverTcp(factory, target, replay.events),
      }));
      const figures = await compareContenders(contenders, {
        minWarmupRuns: 1,
        minWarmupMs: quick ? 500 : 2000,
        rounds: quick ? 3 : 5,
        minRoundMs: quick ? 300 : 1500,
        expected: { events: replay.events, nameChars: replay.nameChars },
        log,
      });
      const ours = figures.get(OURS)!;
      const base = figures.get(BASELINE)!;
      const oursEps = perSecond(replay.events, ours.medianMs);
      const baseEps = perSecond(replay.events, base.medianMs);
      const extra = {
        trace: SCENARIO,
        events: replay.events,
        bytes: replay.bytes,
        transport: 'tcp loopback',
        runs: ours.runsMs.length,
        baseline_runs: base.runsMs.length,
        median_ms: round(ours.medianMs, 1),
        baseline_median_ms: round(base.medianMs, 1),
        mb_per_s: round(perSecond(replay.bytes / 1e6, ours.medianMs), 1),
        baseline_mb_per_s: round(perSecond(replay.bytes / 1e6, base.medianMs), 1),
        // Per second of this process's CPU time (the server runs in another process).
        events_per_cpu_s: Math.round(perSecond(replay.events, ours.medianCpuMs ?? 0)),
        baseline_events_per_cpu_s: Math.round(perSecond(replay.events, base.medianCpuMs ?? 0)),
        loadavg_1m: round(loadavg()[0] ?? 0, 2),
      };
      log(`${OURS} ${Math.round(oursEps)} events/s vs ${BASELINE} ${Math.round(baseEps)} events/s`);
      return [
        {
          bench: 'ami.client',
          metric: 'events_per_s',
          value: Math.round(oursEps),
          unit: 'events/s',
          baseline: BASELINE,
          baseline_value: Math.round(baseEps),
          ratio: ratioOf(oursEps, baseEps),
          extra,
        },
      ];
    } finally {
      await replay.close();
    }
  },
};

export default bench;
