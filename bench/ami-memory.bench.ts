/**
 * ami.memory: the codec must not accumulate memory while it decodes a long
 * stream. Decodes the recorded busy-center bytes over and over (1M events)
 * and samples heapUsed and RSS after a full GC at 100k, 500k and 1M events.
 * The baseline is the first sample; a ratio near 1 means flat.
 */
import { AmiParser } from '@amiable/ami';
import { ratioOf, type BenchModule, type BenchResult } from './lib/result.ts';
import { collectGarbage, hasGc, round } from './lib/stats.ts';
import { countMessages, loadTraceBody } from './lib/trace.ts';

const SCENARIO = 'busy-center';
const CHUNK_BYTES = 64 * 1024;
const MAX_HEAP_RATIO = 1.1;
const MAX_RSS_RATIO = 1.25;

interface Sample {
  events: number;
  heapUsed: number;
  rss: number;
}

function sample(events: number): Sample {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return { events, heapUsed: m.heapUsed, rss: m.rss };
}

const mb = (bytes: number): number => round(bytes / (1024 * 1024), 2);

/** 100000 → "100k", 1000000 → "1M". */
const short = (n: number): string => (n >= 1e6 ? `${round(n / 1e6, 1)}M` : `${round(n / 1e3, 1)}k`);

const bench: BenchModule = {
  name: 'ami.memory',
  async run({ quick, log }) {
    if (!hasGc()) throw new Error('ami.memory needs global.gc: run it through bench/run.ts or with node --expose-gc');
    const body = loadTraceBody(SCENARIO);
    const perCopy = countMessages(body).events;
    const chunks: Buffer[] = [];
    for (let at = 0; at < body.length; at += CHUNK_BYTES) chunks.push(body.subarray(at, at + CHUNK_BYTES));
    const scale = quick ? 5 : 1;
    const checkpoints = [100_000, 500_000, 1_000_000].map((n) => n / scale);

    let events = 0;
    let delivered = 0;
    const parser = new AmiParser({
      message(m) {
        if (m.event !== undefined) {
          events++;
          delivered += m.event.length > 0 ? 1 : 0;
        }
      },
    });
    const samples: Array<Sample & { checkpoint: number }> = [];
    const before = sample(0);
    let copies = 0;
    const started = performance.now();
    for (const checkpoint of checkpoints) {
      while (events < checkpoint) {
        for (const chunk of chunks) parser.push(chunk);
        copies++;
      }
      if (events !== copies * perCopy) throw new Error(`decoded ${events} events, expected ${copies * perCopy}`);
      const s = { ...sample(events), checkpoint };
      samples.push(s);
      log(`after ${s.events} events: heapUsed ${mb(s.heapUsed)} MB, rss ${mb(s.rss)} MB`);
    }
    const seconds = (performance.now() - started) / 1000;
    if (parser.buffered !== 0) throw new Error(`the parser still holds ${parser.buffered} bytes at a message boundary`);
    if (delivered !== events) throw new Error('some events had an empty name');

    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const extra: Record<string, number | string> = {
      trace: SCENARIO,
      events: last.events,
      seconds: round(seconds, 2),
      heap_before_mb: mb(before.heapUsed),
      rss_before_mb: mb(before.rss),
    };
    for (const s of samples) {
      extra[`heap_mb_at_${short(s.checkpoint)}`] = mb(s.heapUsed);
      extra[`rss_mb_at_${short(s.checkpoint)}`] = mb(s.rss);
      extra[`events_at_${short(s.checkpoint)}`] = s.events;
    }
    const heapRatio = ratioOf(last.heapUsed, first.heapUsed);
    const rssRatio = ratioOf(last.rss, first.rss);
    const results: BenchResult[] = [
      {
        bench: 'ami.memory',
        metric: 'heap_used_mb',
        value: mb(last.heapUsed),
        unit: 'MB',
        baseline: `heap@${short(first.checkpoint)}`,
        baseline_value: mb(first.heapUsed),
        ratio: heapRatio,
        target: `<= ${MAX_HEAP_RATIO}x heap@${short(first.checkpoint)}`,
        pass: last.heapUsed / first.heapUsed <= MAX_HEAP_RATIO,
        extra: { ...extra, growth_mb: mb(last.heapUsed - first.heapUsed) },
      },
      {
        bench: 'ami.memory',
        metric: 'rss_mb',
        value: mb(last.rss),
        unit: 'MB',
        baseline: `rss@${short(first.checkpoint)}`,
        baseline_value: mb(first.rss),
        ratio: rssRatio,
        target: `<= ${MAX_RSS_RATIO}x rss@${short(first.checkpoint)}`,
        pass: last.rss / first.rss <= MAX_RSS_RATIO,
        extra: { ...extra, growth_mb: mb(last.rss - first.rss) },
      },
    ];
    return results;
  },
};

export default bench;
