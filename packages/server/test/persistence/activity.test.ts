import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecordInput } from '../../src/persistence/repositories/call-records.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe.each(dialects)('timesheet, call records and audit on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a sign-in, state changes and a sign-out that closes the open interval', async () => {
    const ts = t.repos.timesheet;
    const s = await ts.openSession({ agentId: 'ag1', pbx: 'pbx1', extension: '1011', workstationId: 'ws-1', at: 1000 });
    expect(await ts.openSessionOf('ag1')).toEqual(s);
    await ts.changeState({ agentId: 'ag1', sessionId: s.id, pbx: 'pbx1', extension: '1011', state: 'ready', at: 1000 });
    await ts.changeState({ agentId: 'ag1', sessionId: s.id, pbx: 'pbx1', extension: '1011', state: 'paused', reason: 'lunch', at: 5000 });
    expect(await ts.closeSession(s.id, { at: 9000, reason: 'logout' })).toBe(true);
    expect(await ts.closeSession(s.id, { at: 9500 })).toBe(false);
    expect(await ts.openSessionOf('ag1')).toBeUndefined();
    const intervals = await ts.listIntervals({ agentId: 'ag1' });
    expect(intervals.map((i) => [i.state, i.reason, i.from, i.to])).toEqual([
      ['ready', null, 1000, 5000],
      ['paused', 'lunch', 5000, 9000],
    ]);
    expect(await ts.listSessions({ agentId: 'ag1' })).toEqual([
      { ...s, signedOutAt: 9000, reason: 'logout' },
    ]);
  });

  it('lists only sessions and intervals overlapping a window', async () => {
    const ts = t.repos.timesheet;
    const s = await ts.openSession({ agentId: 'ag2', pbx: 'pbx1', extension: '1012', at: 20_000 });
    await ts.changeState({ agentId: 'ag2', sessionId: s.id, pbx: 'pbx1', extension: '1012', state: 'ready', at: 20_000 });
    expect((await ts.listSessions({ from: 9000, to: 15_000 })).map((x) => x.agentId)).toEqual([]);
    expect((await ts.listSessions({ from: 8000, to: 25_000 })).map((x) => x.agentId)).toEqual(['ag1', 'ag2']);
    expect((await ts.listIntervals({ from: 21_000 })).map((x) => x.agentId)).toEqual(['ag2']);
  });

  it('closes whatever was left open after an unclean stop', async () => {
    const result = await t.repos.timesheet.closeDangling(30_000, 'server-restart');
    expect(result).toEqual({ sessions: 1, intervals: 1 });
    const [ag2] = await t.repos.timesheet.listSessions({ agentId: 'ag2' });
    expect(ag2).toMatchObject({ signedOutAt: 30_000, reason: 'server-restart' });
    expect(await t.repos.timesheet.closeDangling(31_000, 'again')).toEqual({ sessions: 0, intervals: 0 });
  });

  const call = (linkedid: string, extra: Partial<CallRecordInput> = {}): CallRecordInput => ({
    pbx: 'pbx1',
    linkedid,
    direction: 'inbound',
    queue: 'lang-en',
    callerNumber: '+15551234567',
    startedAt: 1_000_000,
    outcome: 'answered',
    agentsOffered: ['1011', '1012'],
    answeredBy: '1012',
    waitSeconds: 12.5,
    talkSeconds: 60,
    ...extra,
  });

  it('writes a call record once per linkedid and replaces it when the call is written again', async () => {
    const first = await t.repos.callRecords.upsert(call('1700000000.1'));
    expect(first).toMatchObject({ linkedid: '1700000000.1', agentsOffered: ['1011', '1012'], waitSeconds: 12.5, transferred: false, transfers: [] });
    t.clock.now += 1000;
    const again = await t.repos.callRecords.upsert(
      call('1700000000.1', { wrapupSeconds: 15, transfers: [{ at: 1_030_000, kind: 'attended', from: '1012', to: '1013' }] }),
    );
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ wrapupSeconds: 15, transferred: true, transfers: [{ kind: 'attended', to: '1013' }], updatedAt: t.clock.now });
    expect(await t.repos.callRecords.count({ pbx: 'pbx1' })).toBe(1);
    // The same linkedid on another Asterisk is another call.
    await t.repos.callRecords.upsert(call('1700000000.1', { pbx: 'pbx2' }));
    expect(await t.repos.callRecords.count()).toBe(2);
    expect(await t.repos.callRecords.get(first.id)).toEqual(again);
  });

  it('bulk-upserts many records in one go', async () => {
    const inputs = Array.from({ length: 1200 }, (_, i) => call(`bulk.${i}`, { startedAt: 2_000_000 + i }));
    expect(await t.repos.callRecords.upsertMany(inputs)).toBe(1200);
    expect(await t.repos.callRecords.upsertMany(inputs.slice(0, 10).map((c) => ({ ...c, outcome: 'abandoned' as const })))).toBe(10);
    expect(await t.repos.callRecords.count({ from: 2_000_000 })).toBe(1200);
    expect(await t.repos.callRecords.count({ from: 2_000_000, outcome: 'abandoned' })).toBe(10);
  });

  it('rejects unknown outcomes and negative durations', async () => {
    await expect(t.repos.callRecords.upsert(call('bad.1', { outcome: 'lost' as never }))).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
    await expect(t.repos.callRecords.upsert(call('bad.2', { talkSeconds: -1 }))).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
  });

  it('appends audit entries and finds them by user, command and result, newest first', async () => {
    const audit = t.repos.audit;
    t.clock.now = 50_000;
    await audit.append({ userId: 'u1', username: 'maria', role: 'agent', ip: '10.0.0.5', channel: 'rest', command: 'queue.pause', args: { reason: 'lunch' }, result: 'ok' });
    t.clock.now = 51_000;
    await audit.append({ userId: 'u2', username: 'sofia', role: 'supervisor', channel: 'ws', command: 'call.barge', args: { extension: '1011' }, result: 'error', errorCode: 'CTI_ERR_FORBIDDEN' });
    t.clock.now = 52_000;
    const lastId = await audit.append({ userId: 'u1', username: 'maria', channel: 'ami', command: 'queue.pause', result: 'ok' });
    const all = await audit.query();
    expect(all.map((e) => e.id)).toEqual([lastId, lastId - 1, lastId - 2]);
    expect(all[2]).toMatchObject({ at: 50_000, ip: '10.0.0.5', args: { reason: 'lunch' }, errorCode: null });
    expect((await audit.query({ userId: 'u1', command: 'queue.pause' })).map((e) => e.channel)).toEqual(['ami', 'rest']);
    expect((await audit.query({ result: 'error' })).map((e) => e.errorCode)).toEqual(['CTI_ERR_FORBIDDEN']);
    expect((await audit.query({ from: 51_000, to: 52_000 })).map((e) => e.username)).toEqual(['sofia']);
    expect((await audit.query({ beforeId: lastId, limit: 1 })).map((e) => e.command)).toEqual(['call.barge']);
    expect(await audit.prune(51_000)).toBe(1);
    expect(await audit.query()).toHaveLength(2);
  });
});
