/**
 * ami.decode: how fast the AMI codec turns recorded Asterisk bytes into
 * events, against asterisk-manager, asterisk-ami-client and yana on the same
 * bytes, the same 64 KiB chunks and the same path (a socket's 'data' events,
 * one chunk per event-loop turn), in the same process and run. Every
 * contender delivers the same artifact: the application reads every header
 * of every event through the library's public API, checked against an
 * independent count of the input.
 */
import { loadavg } from 'node:os';
import { compareContenders, type Contender, type ContenderFigures } from './lib/compare.ts';
import { amiableObjectReader, amiableReader } from './lib/drivers/amiable.ts';
import { asteriskAmiClientReader } from './lib/drivers/asterisk-ami-client.ts';
import { asteriskManagerReader } from './lib/drivers/asterisk-manager.ts';
import type { EventTally } from './lib/drivers/reader.ts';
import { yanaReader } from './lib/drivers/yana.ts';
import { replayInProcess, type InProcessReaderFactory } from './lib/replay.ts';
import { ratioOf, type BenchModule, type BenchResult } from './lib/result.ts';
import { perSecond, round } from './lib/stats.ts';
import { buildReplay, loadTraceBody, type ReplayStream } from './lib/trace.ts';

const SCENARIO = 'busy-center';
const CHUNK_BYTES = 64 * 1024;
const MIN_EVENTS_PER_SECOND = 500_000;
const MIN_RATIO_VS_ASTERISK_MANAGER = 10;
const OURS = 'amiable';
const OURS_OBJECTS = 'amiable (objects)';

const READERS: Array<[string, InProcessReaderFactory]> = [
  [OURS, amiableReader],
  [OURS_OBJECTS, amiableObjectReader],
  ['asterisk-manager', asteriskManagerReader],
  ['asterisk-ami-client', asteriskAmiClientReader],
  ['yana', yanaReader],
];
const BASELINES = READERS.map(([label]) => label).filter((l) => l !== OURS && l !== OURS_OBJECTS);

/**
 * What each library must deliver: every header. asterisk-ami-client trims values and yana drops
 * the blanks after the colon (some RTCP `Value:` headers are padded with spaces); that is
 * counted, not hidden.
 */
function expectedFor(label: string, stream: ReplayStream): EventTally {
  const trimmed = label === 'asterisk-ami-client' || label === 'yana';
  return {
    events: stream.events,
    nameChars: stream.nameChars,
    headers: stream.headers,
    headerChars: trimmed ? stream.headerCharsTrimmed : stream.headerChars,
  };
}

function describe(
  stream: ReplayStream,
  ours: ContenderFigures,
  base: ContenderFigures,
  objects: ContenderFigures,
): Record<string, number | string> {
  const cpuEps = (f: ContenderFigures): number =>
    f.medianCpuMs === undefined ? 0 : Math.round(perSecond(stream.events, f.medianCpuMs));
  return {
    trace: SCENARIO,
    events: stream.events,
    headers: stream.headers,
    read: 'every header of every event',
    bytes: stream.bytes,
    chunk_bytes: CHUNK_BYTES,
    runs: ours.runsMs.length,
    baseline_runs: base.runsMs.length,
    median_ms: round(ours.medianMs, 1),
    baseline_median_ms: round(base.medianMs, 1),
    // The same figures per CPU second: less sensitive to other load on the machine.
    events_per_cpu_s: cpuEps(ours),
    baseline_events_per_cpu_s: cpuEps(base),
    // Ours again, with each event turned into a plain object (the baselines' shape) and read.
    objects_median_ms: round(objects.medianMs, 1),
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
      expected: expectedFor(label, stream),
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
    const objects = figures.get(OURS_OBJECTS)!;
    const oursEps = perSecond(stream.events, ours.medianMs);
    const oursMbps = perSecond(stream.bytes / 1e6, ours.medianMs);
    const objectsEps = perSecond(stream.events, objects.medianMs);
    const results: BenchResult[] = [];
    for (const label of BASELINES) {
      const base = figures.get(label)!;
      const baseEps = perSecond(stream.events, base.medianMs);
      const baseMbps = perSecond(stream.bytes / 1e6, base.medianMs);
      const ratio = ratioOf(oursEps, baseEps);
      const extra = describe(stream, ours, base, objects);
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
        {
          bench: 'ami.decode',
          metric: 'events_per_s_as_objects',
          value: Math.round(objectsEps),
          unit: 'events/s',
          baseline: label,
          baseline_value: Math.round(baseEps),
          ratio: ratioOf(objectsEps, baseEps),
          extra,
        },
      );
      log(`${OURS} ${Math.round(oursEps)} events/s vs ${label} ${Math.round(baseEps)} events/s: ${ratio}x`);
      log(`${OURS_OBJECTS} ${Math.round(objectsEps)} events/s vs ${label}: ${ratioOf(objectsEps, baseEps)}x`);
    }
    return results;
  },
};

export default bench;
