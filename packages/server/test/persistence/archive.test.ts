import { readFileSync } from 'node:fs';
import { AmiMessage, AmiParser } from '@amiable/ami';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArchiveReader } from '../../src/persistence/archive/archive-reader.ts';
import { createArchiveRetention, pruneArchive } from '../../src/persistence/archive/archive-retention.ts';
import { type ArchiveWriterOptions, createArchiveWriter } from '../../src/persistence/archive/archive-writer.ts';
import type { Database } from '../../src/persistence/schema.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

function traceMessages(scenario: string): AmiMessage[] {
  const bytes = readFileSync(new URL(`../../../../test/fixtures/ami-traces/${scenario}/received.ami`, import.meta.url));
  const out: AmiMessage[] = [];
  const parser = new AmiParser({ message: (m) => out.push(m) }, { expectBanner: true, now: () => 1_700_000_000_000 + out.length });
  parser.push(bytes);
  return out;
}

/** A database whose next `failures` transactions fail, as if the server were briefly unreachable. */
function flaky(db: Kysely<Database>, failures: { left: number }): Kysely<Database> {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if ((prop === 'transaction' || prop === 'connection') && failures.left > 0) {
        failures.left--;
        return () => ({ execute: async () => Promise.reject(new Error('connection refused')) });
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(dialects)('event archive on %s', (dialect) => {
  let t: TestDatabase;
  const count = async (table: 'ami_events' | 'cti_events') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const writer = (options: ArchiveWriterOptions = {}) => createArchiveWriter({ ...t.handle, flushIntervalMs: 0, ...options });

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  beforeEach(async () => {
    await t.handle.db.deleteFrom('ami_events').execute();
    await t.handle.db.deleteFrom('cti_events').execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('archives the abandon trace in batches of 100 and reads one call back field for field', async () => {
    const messages = traceMessages('abandon');
    const events = messages.filter((m) => m.kind === 'event');
    const w = writer({ maxBatchRows: 100 });
    for (const m of messages) w.appendAmi('pbx1', m);
    expect(w.stats()).toMatchObject({ accepted: events.length, buffered: events.length, written: 0, skipped: messages.length - events.length });
    await w.flush();
    expect(w.stats()).toMatchObject({ written: events.length, buffered: 0, batches: Math.ceil(events.length / 100), failedBatches: 0 });
    expect(w.stats().dropped).toEqual({ overflow: 0, failed: 0, closed: 0 });
    expect(await count('ami_events')).toBe(events.length);

    const withCall = events.find((m) => m.get('Linkedid') !== undefined)!;
    const linkedid = withCall.get('Linkedid')!;
    const expected = events.filter((m) => m.get('Linkedid') === linkedid);
    const back = await createArchiveReader({ db: t.handle.db }).amiEventsOfCall('pbx1', linkedid);
    expect(back.map((e) => e.event)).toEqual(expected.map((m) => m.event));
    expect(back.map((e) => e.fields)).toEqual(expected.map((m) => m.fields));
    expect(back[0]).toMatchObject({ pbx: 'pbx1', linkedid, uniqueid: expected[0]!.get('Uniqueid'), receivedAt: expected[0]!.receivedAt });
    await w.close();
  });

  it('flushes on its own once a batch is full, and on its timer otherwise', async () => {
    const full = writer({ maxBatchRows: 50 });
    for (let i = 0; i < 50; i++) full.appendCti({ type: 'agent.state', at: i, payload: { i } });
    await vi.waitFor(() => expect(full.stats().written).toBe(50));
    const timed = writer({ flushIntervalMs: 20, maxBatchRows: 1000 });
    for (let i = 0; i < 5; i++) timed.appendCti({ type: 'agent.state', at: i, payload: { i } });
    await vi.waitFor(() => expect(timed.stats().written).toBe(5));
    await Promise.all([full.close(), timed.close()]);
    expect(await count('cti_events')).toBe(55);
  });

  it('counts every row it drops when the buffer is full, keeping the oldest or the newest', async () => {
    const newest = writer({ maxBatchRows: 10, maxBufferedRows: 10 });
    const accepted = Array.from({ length: 15 }, (_, i) => newest.appendCti({ type: 'x', at: i, payload: i }));
    expect(accepted).toEqual([...Array(10).fill(true), ...Array(5).fill(false)]);
    expect(newest.stats()).toMatchObject({ accepted: 10, dropped: { overflow: 5, failed: 0, closed: 0 } });
    await newest.close();
    const oldest = writer({ maxBatchRows: 10, maxBufferedRows: 10, overflow: 'drop-oldest' });
    for (let i = 100; i < 115; i++) oldest.appendCti({ type: 'x', at: i, payload: i });
    expect(oldest.stats().dropped.overflow).toBe(5);
    await oldest.close();
    const ats = (await t.handle.db.selectFrom('cti_events').select('at').orderBy('id').execute()).map((r) => Number(r.at));
    expect(ats).toEqual([...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 105 + i)]);
  });

  it('retries a batch after a failed write and loses nothing', async () => {
    const failures = { left: 2 };
    const errors: Array<{ attempt: number; dropped: boolean }> = [];
    const w = createArchiveWriter({
      ...t.handle,
      db: flaky(t.handle.db, failures),
      flushIntervalMs: 0,
      maxAttempts: 3,
      onError: (_e, info) => errors.push({ attempt: info.attempt, dropped: info.dropped }),
    });
    for (let i = 0; i < 20; i++) w.appendCti({ type: 'call.ringing', at: i, payload: null });
    await w.flush();
    expect(w.stats()).toMatchObject({ written: 0, buffered: 20, failedBatches: 1, lastError: 'connection refused' });
    await w.whenBelow(1);
    expect(w.stats()).toMatchObject({ written: 20, buffered: 0, failedBatches: 2, dropped: { overflow: 0, failed: 0, closed: 0 } });
    expect(errors).toEqual([
      { attempt: 1, dropped: false },
      { attempt: 2, dropped: false },
    ]);
    expect(await count('cti_events')).toBe(20);
  });

  it('drops and counts a batch that keeps failing, then carries on with the next', async () => {
    const failures = { left: 3 };
    const w = createArchiveWriter({ ...t.handle, db: flaky(t.handle.db, failures), flushIntervalMs: 0, maxAttempts: 3, maxBatchRows: 10 });
    for (let i = 0; i < 15; i++) w.appendCti({ type: 'x', at: i, payload: null });
    await w.flush();
    await w.flush();
    await w.flush();
    expect(w.stats()).toMatchObject({ written: 5, buffered: 0, dropped: { failed: 10, overflow: 0, closed: 0 } });
    expect(w.stats().accepted).toBe(w.stats().written + w.stats().dropped.failed);
  });

  it('writes what is left on close and counts appends that come after', async () => {
    const w = writer();
    for (let i = 0; i < 30; i++) w.appendCti({ type: 'x', at: i, payload: null });
    await w.close();
    expect(w.appendCti({ type: 'late', at: 99, payload: null })).toBe(false);
    expect(w.stats()).toMatchObject({ written: 30, dropped: { closed: 1 } });
    expect(await count('cti_events')).toBe(30);
  });

  it('lets a fast producer wait for room instead of dropping', async () => {
    const w = writer({ maxBatchRows: 500, maxBufferedRows: 1000 });
    let dropped = 0;
    for (let i = 0; i < 5000; i++) {
      if (!w.appendCti({ type: 'x', at: i, payload: null })) dropped++;
      if (w.stats().buffered >= 900) await w.whenBelow(100);
    }
    await w.close();
    expect(dropped).toBe(0);
    expect(await count('cti_events')).toBe(5000);
  });

  it('reads CTI events back after an id, by type, with their scope and payload', async () => {
    const w = writer();
    w.appendCti({ type: 'agent.state', at: 1, scope: { pbx: 'pbx1', agent: 'a1', extension: '1011' }, seq: 7, payload: { state: 'ready' } });
    w.appendCti({ type: 'queue.caller', at: 2, scope: { queue: 'lang-en' }, payload: { position: 1 } });
    w.appendCti({ type: 'agent.state', at: 3, scope: { agent: 'a1' }, payload: { state: 'paused', reason: 'lunch' } });
    await w.close();
    const reader = createArchiveReader({ db: t.handle.db });
    const all = await reader.ctiEventsAfter(0);
    expect(all.map((e) => e.type)).toEqual(['agent.state', 'queue.caller', 'agent.state']);
    expect(all[0]).toMatchObject({ pbx: 'pbx1', agent: 'a1', extension: '1011', queue: null, seq: 7, payload: { state: 'ready' } });
    const after = await reader.ctiEventsAfter(all[0]!.id, { types: ['agent.state'] });
    expect(after.map((e) => e.payload)).toEqual([{ state: 'paused', reason: 'lunch' }]);
    expect(await reader.lastCtiEventId()).toBe(all[2]!.id);
  });

  it('prunes events older than the retention window in small batches', async () => {
    const w = writer();
    for (let i = 0; i < 25; i++) {
      w.appendAmiRecord({ pbx: 'pbx1', receivedAt: i < 18 ? 1000 + i : 50_000, event: 'Newchannel', fields: ['Event', 'Newchannel'] });
      w.appendCti({ type: 'x', at: i < 4 ? 1000 : 50_000, payload: null });
    }
    await w.close();
    expect(await pruneArchive(t.handle.db, { olderThan: 10_000, batchSize: 7 })).toEqual({ amiEvents: 18, ctiEvents: 4 });
    expect(await count('ami_events')).toBe(7);
    expect(await count('cti_events')).toBe(21);
    const pruned: unknown[] = [];
    const retention = createArchiveRetention({
      db: t.handle.db,
      maxAgeMs: 1000,
      now: () => 60_000,
      intervalMs: 60_000,
      onPruned: (r) => pruned.push(r),
    });
    retention.start();
    expect(await retention.runOnce()).toEqual({ amiEvents: 7, ctiEvents: 21 });
    retention.stop();
    expect(pruned).toEqual([{ amiEvents: 7, ctiEvents: 21, olderThan: 59_000 }]);
  });

  it('writes the same rows through the portable multi-row path', async () => {
    const w = createArchiveWriter({ db: t.handle.db, flushIntervalMs: 0, maxBatchRows: 1500 });
    for (let i = 0; i < 2500; i++) {
      w.appendAmiRecord({ pbx: 'p', receivedAt: i, event: 'E', linkedid: i % 2 ? 'l' : null, fields: ['Event', 'E', 'N', String(i)] });
      w.appendCti({ type: 't', at: i, scope: { queue: 'q' }, payload: { i } });
    }
    await w.close();
    expect(w.stats()).toMatchObject({ written: 5000, batches: 4 });
    expect(await count('ami_events')).toBe(2500);
    const last = await t.handle.db.selectFrom('cti_events').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ at: 2499, queue: 'q', payload: '{"i":2499}' });
  });

  it('keeps quotes, backslashes, commas, braces and non-ASCII text intact', async () => {
    const nasty = ['Event', 'UserEvent', 'Data', 'a "quoted", {braced} \\ back\\slash, ünïcödé ☎', 'Empty', ''];
    const w = writer();
    w.appendAmiRecord({ pbx: 'p', receivedAt: 1, event: 'UserEvent', uniqueid: 'u"1', fields: nasty });
    w.appendCti({ type: 'x', at: 1, scope: { agent: '{a,b}' }, payload: { s: 'NULL', q: '"' } });
    await w.close();
    const [ami] = await t.handle.db.selectFrom('ami_events').selectAll().execute();
    expect(JSON.parse(ami!.fields)).toEqual(nasty);
    expect(ami!.uniqueid).toBe('u"1');
    const [cti] = await createArchiveReader({ db: t.handle.db }).ctiEventsAfter(0);
    expect(cti).toMatchObject({ agent: '{a,b}', pbx: null, payload: { s: 'NULL', q: '"' } });
  });

  it('builds archive rows from hand-made AMI messages, skipping responses', async () => {
    const w = writer();
    expect(w.appendAmi('pbx1', new AmiMessage(['Response', 'Success', 'ActionID', '1'], 5))).toBe(false);
    expect(w.appendAmi('pbx1', new AmiMessage(['Event', 'Hangup', 'Uniqueid', 'u1', 'Linkedid', 'l1'], 6))).toBe(true);
    await w.close();
    const rows = await t.handle.db.selectFrom('ami_events').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ event: 'Hangup', uniqueid: 'u1', linkedid: 'l1', received_at: 6 })]);
    expect(w.stats().skipped).toBe(1);
  });
});
