/**
 * ami.decode: how fast the AMI codec turns recorded Asterisk bytes into
 * events, against asterisk-manager and asterisk-ami-client on the same bytes,
 * the same 64 KiB chunks and the same path (a socket's 'data' events, one
 * chunk per event-loop turn), in the same process and run.
 */
import { loadavg } from 'node:os';
import { compareContenders, type Contender, type ContenderFigures } from './lib/compare.ts';
import { amiableReader } from './lib/drivers/amiable.ts';
import { asteriskAmiClientReader } from './lib/drivers/asterisk-ami-client.ts';
import { asteriskManagerReader } from './lib/drivers/asterisk-manager.ts';
import { replayInProcess, type InProcessReaderFactory } from './lib/replay.ts';
import { ratioOf, type BenchModule, type BenchResult } from './lib/result.ts';
import { perSecond, round } from './lib/stats.ts';
import { buildReplay, loadTraceBody, type ReplayStream } from './lib/trace.ts';

const SCENARIO = 'busy-center';
const CHUNK_BYTES = 64 * 1024;
const MIN_EVENTS_PER_SECOND = 500_000;
const MIN_RATIO_VS_ASTERISK_MANAGER = 10;
const OURS = 'amiable';

const READERS: Array<[string, InProcessReaderFactory]> = [
  [OURS, amiableReader],
  ['asterisk-manager', asteriskManagerReader],
  ['asterisk-ami-client', asteriskAmiClientReader],
];

function describe(stream: ReplayStream, ours: ContenderFigures, base: ContenderFigures): Record<string, number | string> {
  const cpuEps = (f: ContenderFigures): number =>
    f.medianCpuMs === undefined ? 0 : Math.round(perSecond(stream.events, f.medianCpuMs));
  return {
    trace: SCENARIO,
    events: stream.events,
    bytes: stream.bytes,
    chunk_bytes: CHUNK_BYTES,
    runs: ours.runsMs.length,
    baseline_runs: base.runsMs.length,
    median_ms: round(ours.medianMs, 1),
    baseline_median_ms: round(base.medianMs, 1),
    // The same figures per CPU second: less sensitive to other load on the machine.
    events_per_cpu_s: cpuEps(ours),
    baseline_events_per_cpu_s: cpuEps(base),
    loadavg_1m: round(loadavg()[0] ?? 0, 2),
  };
}

const bench: BenchModule = {
  name: 'ami.decode',
  async run({ quick, log }) {
    const stream = buildReplay(loadTraceBody(SCENARIO), quick ? 50_000 : 200_000, CHUNK_BYTES);
    log(
      `${SCENARIO}/received.ami x${stream.copies}: ${stream.events} events, ${stream.messages} messages, ` +
        `${round(stream.bytes / 1e6, 1)} MB in ${stream.chunks.length} chunks of ${CHUNK_BYTES} bytes`,
    );
    const contenders: Contender[] = READERS.map(([label, factory]) => ({
      label,
      runOnce: () => replayInProcess(factory, stream.chunks, stream.events),
    }));
    const figures = await compareContenders(contenders, {
      minWarmupRuns: 1,
      minWarmupMs: quick ? 500 : 2000,
      rounds: quick ? 3 : 5,
      minRoundMs: quick ? 300 : 1500,
      expected: { events: stream.events, nameChars: stream.nameChars },
      log,
    });

    const ours = figures.get(OURS)!;
    const oursEps = perSecond(stream.events, ours.medianMs);
    const oursMbps = perSecond(stream.bytes / 1e6, ours.medianMs);
    const results: BenchResult[] = [];
    for (const [label] of READERS.filter(([l]) => l !== OURS)) {
      const base = figures.get(label)!;
      const baseEps = perSecond(stream.events, base.medianMs);
      const baseMbps = perSecond(stream.bytes / 1e6, base.medianMs);
      const ratio = ratioOf(oursEps, baseEps);
      const extra = describe(stream, ours, base);
      const gate =
        label === 'asterisk-manager'
          ? {
              target: `>= ${MIN_RATIO_VS_ASTERISK_MANAGER}x ${label} and >= ${MIN_EVENTS_PER_SECOND} events/s`,
              pass: ratio >= MIN_RATIO_VS_ASTERISK_MANAGER && oursEps >= MIN_EVENTS_PER_SECOND,
            }
          : {};
      results.push(
        {
          bench: 'ami.decode',
          metric: 'events_per_s',
          value: Math.round(oursEps),
          unit: 'events/s',
          baseline: label,
          baseline_value: Math.round(baseEps),
          ratio,
          ...gate,
          extra,
        },
        {
          bench: 'ami.decode',
          metric: 'mb_per_s',
          value: round(oursMbps, 1),
          unit: 'MB/s',
          baseline: label,
          baseline_value: round(baseMbps, 1),
          ratio: ratioOf(oursMbps, baseMbps),
          extra,
        },
      );
      log(`${OURS} ${Math.round(oursEps)} events/s vs ${label} ${Math.round(baseEps)} events/s: ${ratio}x`);
    }
    return results;
  },
};

export default bench;
