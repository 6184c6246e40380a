import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatchInserter } from '../../src/persistence/archive/archive-insert.ts';
import { createDurableStorage } from '../../src/persistence/spool/durable-storage.ts';
import { Spool } from '../../src/persistence/spool/spool.ts';
import { dialects, openTestDatabase, type TestDatabase } from '../persistence/test-database.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'amiable-spool-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const amiRow = (i: number) => ({
  kind: 'ami' as const,
  row: { pbx: 'main', received_at: 1_000 + i, event: 'Newchannel', linkedid: `L${i}`, uniqueid: `U${i}`, fields: ['Event', 'Newchannel', 'Seq', String(i)] },
});

describe('the disk spool', () => {
  it('when full, drops the oldest raw AMI first and never call records or timesheet rows, and says so', () => {
    const dir = tempDir();
    const drops: Array<{ lane: string; records: number }> = [];
    const over: number[] = [];
    const spool = new Spool({ dir, maxBytes: 200_000, segmentBytes: 20_000, onDrop: (d) => drops.push(d), onOverBudget: (o) => over.push(o.bytes) });
    const line = (tag: string, i: number) => JSON.stringify({ tag, i, pad: 'x'.repeat(900) });
    for (let i = 0; i < 150; i++) spool.append('records', [line('record', i)]);
    for (let i = 0; i < 400; i++) spool.append('ami', [line('ami', i)]);
    const stats = spool.stats();
    expect(stats.records.records).toBe(150);
    expect(stats.dropped.records).toBe(0);
    expect(stats.dropped.ami).toBeGreaterThan(0);
    expect(drops.every((d) => d.lane === 'ami')).toBe(true);
    expect(stats.bytes).toBeLessThanOrEqual(200_000);
    // What is left of the AMI lane is its newest rows, in order.
    const left = spool.lane('ami').peek(1000).map((r) => (JSON.parse(r.line) as { i: number }).i);
    expect(left.at(-1)).toBe(399);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    // Records alone over the budget are kept (and reported), not dropped.
    for (let i = 150; i < 400; i++) spool.append('records', [line('record', i)]);
    expect(spool.stats().records.records).toBe(400);
    expect(over.length).toBeGreaterThan(0);
    spool.close();
  });

  it('survives a crash mid-write: a torn last line is cut, the cursor and the rest are kept', () => {
    const dir = tempDir();
    const first = new Spool({ dir, maxBytes: 1 << 20 });
    first.append('records', ['{"i":1}', '{"i":2}', '{"i":3}']);
    const [one] = first.lane('records').peek(1);
    first.lane('records').ack(one!.end, 1);
    first.close();
    const segment = readdirSync(join(dir, 'records')).find((f) => f.endsWith('.jsonl'))!;
    appendFileSync(join(dir, 'records', segment), '{"i":4, "torn');
    const again = new Spool({ dir, maxBytes: 1 << 20 });
    expect(again.lane('records').peek(10).map((r) => r.line)).toEqual(['{"i":2}', '{"i":3}']);
    again.append('records', ['{"i":5}']);
    expect(again.lane('records').peek(10).map((r) => r.line)).toEqual(['{"i":2}', '{"i":3}', '{"i":5}']);
    again.close();
  });
});

for (const dialect of dialects) {
  describe(`replays from the spool are idempotent (${dialect})`, () => {
    let t: TestDatabase | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('a batch and a timesheet row already written before the crash are not written twice', async () => {
      t = await openTestDatabase(dialect);
      const dir = tempDir();
      const insert = createBatchInserter({ db: t.handle.db, dialect, ...(t.handle.sqlite ? { sqlite: t.handle.sqlite } : {}) });
      const items = [amiRow(1), amiRow(2), amiRow(3)];
      // The write committed, but its answer was lost: the same records were also spooled.
      await insert(items, 'batch-1:a');
      await t.repos.timesheet.openSession({ id: 's-1', agentId: 'a-1', pbx: 'main', extension: '1001', at: 5 });
      await t.repos.timesheet.changeState({ id: 'i-1', agentId: 'a-1', sessionId: 's-1', pbx: 'main', extension: '1001', state: 'paused', reason: 'lunch', at: 6 });
      const spool = new Spool({ dir, maxBytes: 1 << 20 });
      spool.append('ami', [JSON.stringify({ k: 'batch-1:a', items }), JSON.stringify({ k: 'batch-2:a', items: [amiRow(4)] })]);
      spool.append('records', [
        JSON.stringify({ t: 'session-open', id: 's-1', agentId: 'a-1', pbx: 'main', extension: '1001', workstationId: null, at: 5 }),
        JSON.stringify({ t: 'state', id: 'i-1', agentId: 'a-1', sessionId: 's-1', pbx: 'main', extension: '1001', state: 'paused', reason: 'lunch', at: 6 }),
        JSON.stringify({ t: 'state', id: 'i-2', agentId: 'a-1', sessionId: 's-1', pbx: 'main', extension: '1001', state: 'ready', reason: null, at: 7 }),
      ]);
      spool.close();

      const storage = createDurableStorage({ db: t.handle.db, dialect, sqlite: t.handle.sqlite, repos: t.repos, dir, maxBytes: 1 << 20, log: pino({ level: 'silent' }) });
      expect(storage.health().status).toBe('spooling');
      expect(await storage.drained(10_000)).toBe(true);
      await storage.close();

      const events = await t.handle.db.selectFrom('ami_events').select(['linkedid']).orderBy('id').execute();
      expect(events.map((e) => e.linkedid)).toEqual(['L1', 'L2', 'L3', 'L4']);
      const sessions = await t.repos.timesheet.listSessions({ agentId: 'a-1' });
      expect(sessions).toHaveLength(1);
      const intervals = await t.repos.timesheet.listIntervals({ agentId: 'a-1' });
      expect(intervals.map((i) => [i.id, i.state, i.to])).toEqual([
        ['i-1', 'paused', 7],
        ['i-2', 'ready', null],
      ]);
      const keys = await t.handle.db.selectFrom('spool_applied').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(keys.n)).toBe(2);
    });
  });
}
