/**
 * reports.*: the report queries over a month of archived calls — 1,000,000
 * call records (100,000 with --quick) plus 6,000 agent sessions and 240,000
 * state intervals for 200 agents — on SQLite and on PostgreSQL.
 *
 * Data is generated inside the database (a recursive CTE on SQLite,
 * generate_series on PostgreSQL) from deterministic formulas, then analysed
 * (VACUUM ANALYZE on PostgreSQL, as autovacuum would leave a settled table).
 * Each query runs once to warm up, then three times; the median counts.
 *
 * Baseline, same run and database: one full scan of call_records
 * (SELECT count(*), sum(talk_seconds)), the floor for any report that reads
 * every call. ratio = query_ms / full_scan_ms (the contract's value/baseline):
 * below 1 means the query beats a full scan, above 1 means it costs that many scans.
 * The results are checked for consistency (every seeded call is counted once).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type DatabaseHandle, migrateToLatest, type SqlDialect } from '../packages/server/src/persistence/index.ts';
import { createReports, type Reports } from '../packages/server/src/reports/index.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { median, round } from './lib/stats.ts';

const PG_URL = process.env.AMIABLE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_MS = 1000;
const METRIC = 'query_ms(ratio=query/full_scan)';
const BASE = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const DAYS = 30;
const AGENTS = 200;
const SLOTS = 40; // 12-minute state intervals per 8-hour session
const SLOT_MS = 720_000;

async function open(dialect: SqlDialect): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'amiable-bench-reports-'));
    const handle = await createDatabase({ driver: 'sqlite', file: join(dir, 'reports.db') });
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

/** Integers first..last as rows of column n. */
function series(dialect: SqlDialect, first: number, last: number): string {
  return dialect === 'postgres'
    ? `(select n from generate_series(${first}::bigint, ${last}::bigint) as g(n))`
    : `(with recursive g(n) as (select ${first} union all select n + 1 from g where n < ${last}) select n from g)`;
}

function callsSql(dialect: SqlDialect, first: number, last: number, total: number): string {
  const step = Math.floor((DAYS * DAY) / total);
  return `insert into call_records (id, pbx, linkedid, direction, queue, caller_number, caller_name, called_number,
      customer_id, language, agents_offered, answered_by, answered_agent_id, started_at, answered_at, ended_at,
      wait_seconds, ring_seconds, talk_seconds, hold_seconds, wrapup_seconds, outcome, transferred, transfers,
      hangup_by, hangup_cause, updated_at)
    select 'cr-' || n, 'pbx1', 'seed.' || n, 'inbound', 'q' || (r % 8), '+1555' || (2000000 + n), null, null,
      null, case when r % 2 = 0 then 'en' else 'fr' end, '[]',
      case when ans = 1 then '1' || (100 + r2 % ${AGENTS}) end,
      case when ans = 1 then 'agent-' || (r2 % ${AGENTS}) end,
      t, case when ans = 1 then t + (r2 % 90) * 1000 end, t + (r2 % 90 + r % 600) * 1000,
      r2 % 90, r2 % 15, case when ans = 1 then 30 + r % 600 else 0 end, case when ans = 1 then r2 % 40 else 0 end,
      case when ans = 1 then r % 30 else 0 end,
      case when r % 100 < 80 then 'answered' when r % 100 < 92 then 'abandoned' when r % 100 < 96 then 'no-answer' else 'failed' end,
      case when r % 50 = 0 then 1 else 0 end, '[]', null, null, t
    from (select n, r, r2, ${BASE} + n * ${step} as t, case when r % 100 < 80 then 1 else 0 end as ans
          from (select n, (n * 7919 + 13) % 10007 as r, (n * 104729) % 9973 as r2 from ${series(dialect, first, last)} s0) s1) s2`;
}

function sessionsSql(dialect: SqlDialect): string {
  return `insert into agent_sessions (id, agent_id, pbx, extension, workstation_id, signed_in_at, signed_out_at, reason)
    select 'se-' || n, 'agent-' || (n % ${AGENTS}), 'pbx1', '1' || (100 + n % ${AGENTS}), null,
      ${BASE} + (n / ${AGENTS}) * ${DAY} + 28800000 + (n % 4) * 900000,
      ${BASE} + (n / ${AGENTS}) * ${DAY} + 28800000 + (n % 4) * 900000 + ${SLOTS * SLOT_MS}, 'logout'
    from ${series(dialect, 0, DAYS * AGENTS - 1)} s`;
}

function intervalsSql(dialect: SqlDialect): string {
  const start = `${BASE} + ((n / ${SLOTS}) / ${AGENTS}) * ${DAY} + 28800000 + ((n / ${SLOTS}) % 4) * 900000 + (n % ${SLOTS}) * ${SLOT_MS}`;
  return `insert into agent_state_intervals (id, agent_id, session_id, pbx, extension, state, reason, queue, from_at, to_at)
    select 'iv-' || n, 'agent-' || ((n / ${SLOTS}) % ${AGENTS}), 'se-' || (n / ${SLOTS}), 'pbx1', '1' || (100 + (n / ${SLOTS}) % ${AGENTS}),
      case n % 5 when 0 then 'ready' when 1 then 'ringing' when 2 then 'on-call' when 3 then 'wrap-up' else 'paused' end,
      case when n % 5 = 4 then case when n % 2 = 0 then 'lunch' else 'break' end end, null,
      ${start}, ${start} + ${SLOT_MS}
    from ${series(dialect, 0, DAYS * AGENTS * SLOTS - 1)} s`;
}

async function seed(handle: DatabaseHandle, total: number, log: (m: string) => void): Promise<number> {
  const start = performance.now();
  const chunk = 100_000;
  for (let first = 0; first < total; first += chunk) {
    const last = Math.min(first + chunk, total) - 1;
    await sql.raw(callsSql(handle.dialect, first, last, total)).execute(handle.db);
    log(`reports: ${handle.dialect}: ${last + 1} calls`);
  }
  await sql.raw(sessionsSql(handle.dialect)).execute(handle.db);
  await sql.raw(intervalsSql(handle.dialect)).execute(handle.db);
  // Statistics for the planners; on PostgreSQL also the visibility map that index-only
  // scans rely on, as autovacuum would have set it on a table that was not just bulk-loaded.
  await sql.raw(handle.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(handle.db);
  return performance.now() - start;
}

async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    value = await fn();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), value };
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`reports bench: ${message}`);
}

async function measure(handle: DatabaseHandle, total: number, log: (m: string) => void) {
  const reports: Reports = createReports({ db: handle.db, dialect: handle.dialect, now: () => BASE + DAYS * DAY });
  const range = { from: BASE, to: BASE + DAYS * DAY };
  const scan = await timeIt(() => sql<{ n: number; s: number }>`select count(*) as n, sum(talk_seconds) as s from call_records`.execute(handle.db));
  check(Number(scan.value.rows[0]!.n) === total, 'full scan count');

  const queries: Array<[string, () => Promise<unknown>, (v: unknown) => void]> = [
    ['queue_summary', () => reports.queueSummary(range), (v) => {
      const s = v as Awaited<ReturnType<Reports['queueSummary']>>;
      check(s.queues.length === 8 && s.total.offered === total, `queue summary counted ${s.total.offered} of ${total}`);
    }],
    ['agent_summary', () => reports.agentSummary(range), (v) => {
      const rows = v as Awaited<ReturnType<Reports['agentSummary']>>;
      check(rows.length === AGENTS, `agent summary has ${rows.length} agents`);
    }],
    ['calls_by_hour', () => reports.callsByHour({ ...range, timeZone: 'Europe/Paris' }), (v) => {
      const hours = v as Awaited<ReturnType<Reports['callsByHour']>>;
      check(hours.reduce((a, h) => a + h.offered, 0) === total, 'hour buckets do not add up');
    }],
    ['calls_by_day', () => reports.callsByDay({ ...range, timeZone: 'America/New_York' }), (v) => {
      const days = v as Awaited<ReturnType<Reports['callsByDay']>>;
      check(days.reduce((a, d) => a + d.offered, 0) === total, 'day buckets do not add up');
    }],
    ['agent_timesheet', () => reports.agentTimesheet(range), (v) => {
      const rows = v as Awaited<ReturnType<Reports['agentTimesheet']>>;
      check(rows.length === AGENTS && rows.every((r) => r.signedInSeconds === DAYS * SLOTS * 720), 'timesheet totals');
    }],
    ['call_log_page', () => reports.callLog({ ...range, queue: 'q3', outcome: 'abandoned' }, { limit: 50 }), (v) => {
      const page = v as Awaited<ReturnType<Reports['callLog']>>;
      check(page.items.length === 50 && page.items.every((c) => c.queue === 'q3' && c.outcome === 'abandoned'), 'call log page');
    }],
  ];
  const out: Array<{ name: string; ms: number }> = [];
  for (const [name, run, verify] of queries) {
    const { ms, value } = await timeIt(run);
    verify(value);
    log(`reports: ${handle.dialect}: ${name} ${round(ms, 1)} ms (full scan ${round(scan.ms, 1)} ms)`);
    out.push({ name, ms });
  }
  return { scanMs: scan.ms, queries: out };
}

const bench: BenchModule = {
  name: 'reports',
  async run({ quick, log }) {
    const total = quick ? 100_000 : 1_000_000;
    const results: BenchResult[] = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const { handle, cleanup } = await open(dialect);
      try {
        log(`reports: ${dialect}: seeding ${total} calls`);
        const seedMs = await seed(handle, total, log);
        const { scanMs, queries } = await measure(handle, total, log);
        for (const q of queries) {
          results.push({
            bench: `reports.${q.name}.${dialect}`,
            metric: METRIC,
            value: round(q.ms, 1),
            unit: 'ms',
            baseline: 'full scan: count(*), sum(talk_seconds) of call_records',
            baseline_value: round(scanMs, 1),
            ratio: ratioOf(q.ms, scanMs),
            target: `<= ${TARGET_MS} ms`,
            pass: q.ms <= TARGET_MS,
            extra: {
              calls: total,
              intervals: DAYS * AGENTS * SLOTS,
              seed_seconds: round(seedMs / 1000, 1),
              load_avg_1m: round(loadavg()[0] ?? 0, 1),
            },
          });
        }
      } finally {
        await handle.close();
        await cleanup();
      }
    }
    return results;
  },
};

export default bench;
