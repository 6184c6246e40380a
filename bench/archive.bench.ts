/**
 * archive.write: sustained write throughput of the event archive.
 *
 * Recorded AMI events (the busy-center trace, replayed until N events) go
 * through the batched ArchiveWriter exactly as the server feeds it: append()
 * per event on the hot path, timer- and size-driven flushes of multi-row
 * INSERTs in one transaction per batch. The producer yields to the event loop
 * like a socket reader would, and waits (backpressure) only if the buffer
 * grows large. Time = first append to the last row committed.
 *
 * Baseline, same run, same rows: one INSERT per event (autocommit), the naive
 * way to archive. Both sides write the same number of rows, each into a freshly
 * migrated, empty database of the same dialect, so neither inherits the other's
 * table size, indexes or cache. ratio = batched / unbatched events/s. Both runs
 * are checked: each table must hold exactly the rows written.
 * Wall-clock figures depend on what else the machine runs; `extra` carries this
 * process's CPU seconds and the load average to read them against.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AmiMessage, AmiParser } from '@amiable/ami';
import pg from 'pg';
import {
  createArchiveWriter,
  createDatabase,
  type DatabaseHandle,
  migrateToLatest,
  type SqlDialect,
} from '../packages/server/src/persistence/index.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { perSecond, round } from './lib/stats.ts';
import { loadTraceBody } from './lib/trace.ts';

const PG_URL = process.env.AMIABLE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_EVENTS_PER_S = 20_000;

function traceEvents(): AmiMessage[] {
  const out: AmiMessage[] = [];
  const parser = new AmiParser({ message: (m) => m.kind === 'event' && out.push(m) }, { expectBanner: true });
  parser.push(loadTraceBody('busy-center'));
  if (out.length < 1000) throw new Error(`busy-center trace yielded only ${out.length} events`);
  return out;
}

/** The i-th event of the replay: the trace cycled, with a fresh receive time. */
function eventAt(events: AmiMessage[], i: number, t0: number): AmiMessage {
  const m = events[i % events.length]!;
  return new AmiMessage(m.fields, t0 + i);
}

async function open(dialect: SqlDialect): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'amiable-bench-archive-'));
    const handle = await createDatabase({ driver: 'sqlite', file: join(dir, 'archive.db') });
    await migrateToLatest(handle);
    return { handle, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `amiable_bench_${randomBytes(5).toString('hex')}`;
  const handle = await createDatabase({ driver: 'postgres', url: PG_URL, schema });
  await migrateToLatest(handle);
  const cleanup = async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  };
  return { handle, cleanup };
}

async function rowCount(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db
    .selectFrom('ami_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function batched(handle: DatabaseHandle, events: AmiMessage[], n: number) {
  const writer = createArchiveWriter({ ...handle, flushIntervalMs: 50 });
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    writer.appendAmi('pbx1', eventAt(events, i, t0));
    if ((i & 1023) === 1023) {
      // A socket reader hands over ~1000 events per read, then yields.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (writer.stats().buffered >= 50_000) await writer.whenBelow(10_000);
    }
  }
  await writer.close();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const stats = writer.stats();
  const dropped = stats.dropped.overflow + stats.dropped.failed + stats.dropped.closed;
  if (stats.written !== n || dropped !== 0) throw new Error(`batched run wrote ${stats.written}/${n}, dropped ${dropped}`);
  return { ms, cpuMs, batches: stats.batches };
}

async function unbatched(handle: DatabaseHandle, events: AmiMessage[], n: number) {
  const t0 = Date.now();
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const m = eventAt(events, i, t0);
    await handle.db
      .insertInto('ami_events')
      .values({
        pbx: 'pbx1',
        received_at: m.receivedAt,
        event: m.event!,
        linkedid: m.get('Linkedid') ?? null,
        uniqueid: m.get('Uniqueid') ?? null,
        fields: JSON.stringify(m.fields),
      })
      .execute();
  }
  return { ms: performance.now() - start };
}

const bench: BenchModule = {
  name: 'archive.write',
  async run({ quick, log }) {
    const events = traceEvents();
    const n = quick ? 5_000 : 20_000;
    const baselineN = n;
    const results: BenchResult[] = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const run = async <T>(label: string, write: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
        log(`archive.write: ${dialect}: ${n} events, ${label}, into an empty table`);
        const { handle, cleanup } = await open(dialect);
        try {
          const out = await write(handle);
          const total = await rowCount(handle);
          if (total !== n) throw new Error(`${dialect} ${label}: table holds ${total} rows, expected ${n}`);
          return out;
        } finally {
          await handle.close();
          await cleanup();
        }
      };
      {
        const ours = await run('batched writer', (handle) => batched(handle, events, n));
        const base = await run('one INSERT each', (handle) => unbatched(handle, events, n));
        const eps = perSecond(n, ours.ms);
        const baseEps = perSecond(baselineN, base.ms);
        results.push({
          bench: `archive.write.${dialect}`,
          metric: 'events_per_s',
          value: Math.round(eps),
          unit: 'events/s',
          baseline: 'one INSERT per event (autocommit)',
          baseline_value: Math.round(baseEps),
          ratio: ratioOf(eps, baseEps),
          target: `>= ${TARGET_EVENTS_PER_S} events_per_s`,
          pass: eps >= TARGET_EVENTS_PER_S,
          extra: {
            events: n,
            seconds: round(ours.ms / 1000, 2),
            // This process's CPU only (for PostgreSQL the server's work is not included):
            // shows how much of the wall time was spent waiting on a busy machine.
            node_cpu_seconds: round(ours.cpuMs / 1000, 2),
            load_avg_1m: round(loadavg()[0] ?? 0, 1),
            batches: ours.batches,
            baseline_events: baselineN,
            baseline_seconds: round(base.ms / 1000, 2),
            trace: 'busy-center',
          },
        });
        log(`archive.write: ${dialect}: ${Math.round(eps)} events/s batched vs ${Math.round(baseEps)} unbatched`);
      }
    }
    return results;
  },
};

export default bench;
