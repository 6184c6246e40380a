import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe.each(dialects)('dispositions on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a queue’s codes in order with the required flag, and replaces them on a second write', async () => {
    await t.repos.dispositions.set('main', 'sales', {
      required: true,
      codes: [
        { code: 'sale', label: 'Sale' },
        { code: 'no-sale', label: ' No sale ' },
      ],
    });
    expect(await t.repos.dispositions.get('main', 'sales')).toMatchObject({
      required: true,
      codes: [
        { code: 'sale', label: 'Sale' },
        { code: 'no-sale', label: 'No sale' },
      ],
    });
    await t.repos.dispositions.set('main', 'sales', { required: false, codes: [{ code: 'callback', label: 'Call back' }] });
    const list = await t.repos.dispositions.list();
    expect(list.map((q) => [q.queue, q.required, q.codes.map((c) => c.code)])).toEqual([['sales', false, ['callback']]]);
    expect(await t.repos.dispositions.remove('main', 'sales')).toBe(true);
    expect(await t.repos.dispositions.get('main', 'sales')).toBeUndefined();
  });

  it('refuses a bad code, a duplicate, an empty label and a required queue without codes, naming the field', async () => {
    const bad = (codes: Array<{ code: string; label: string }>, required = false) => t.repos.dispositions.set('main', 'support', { required, codes });
    await expect(bad([{ code: 'has space', label: 'x' }])).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD', details: { 'codes/0/code': 'has space' } });
    await expect(
      bad([
        { code: 'a', label: 'A' },
        { code: 'a', label: 'Again' },
      ]),
    ).rejects.toMatchObject({ details: { 'codes/1/code': 'a' } });
    await expect(bad([{ code: 'a', label: '   ' }])).rejects.toMatchObject({ details: { 'codes/0/label': '   ' } });
    await expect(bad([], true)).rejects.toMatchObject({ details: { codes: 0 } });
    expect(await t.repos.dispositions.get('main', 'support')).toBeUndefined();
  });

  it('stores the disposition and notes with the call record, and a record written again keeps them', async () => {
    const call = { pbx: 'main', linkedid: '1700000000.42', direction: 'inbound' as const, queue: 'sales', startedAt: 1_700_000_000_000, outcome: 'answered' as const };
    await t.repos.callRecords.upsert(call);
    const set = await t.repos.callRecords.setDisposition('main', call.linkedid, { disposition: 'sale', notes: 'Wants the blue one' });
    expect(set).toMatchObject({ disposition: 'sale', notes: 'Wants the blue one' });
    await t.repos.callRecords.upsert({ ...call, talkSeconds: 42 });
    expect(await t.repos.callRecords.getByLinkedid('main', call.linkedid)).toMatchObject({ talkSeconds: 42, disposition: 'sale', notes: 'Wants the blue one' });
    expect(await t.repos.callRecords.setDisposition('main', call.linkedid, { notes: null })).toMatchObject({ disposition: 'sale', notes: null });
    expect(await t.repos.callRecords.setDisposition('main', 'no-such-call', { disposition: 'sale' })).toBeUndefined();
    const counted = await t.handle.db
      .selectFrom('call_records')
      .select(['disposition', (eb) => eb.fn.countAll<number>().as('n')])
      .where('disposition', 'is not', null)
      .groupBy('disposition')
      .execute();
    expect(counted.map((r) => [r.disposition, Number(r.n)])).toEqual([['sale', 1]]);
  });

  it('keeps the call an agent owes a disposition for with her presence', async () => {
    const presence = {
      agentId: 'agent-1', sessionId: 'session-1', pbx: 'main', extension: '1001', workstationId: null, state: 'wrap-up',
      reason: 'wrap-up', since: 1, wrapupEndsAt: 2, pauseAfterCall: null, queues: [],
    };
    await t.repos.agentPresence.save({ ...presence, dispositionDue: { callId: '1700000000.42', queue: 'sales' } });
    expect((await t.repos.agentPresence.list())[0]?.dispositionDue).toEqual({ callId: '1700000000.42', queue: 'sales' });
    await t.repos.agentPresence.save({ ...presence, dispositionDue: null });
    expect((await t.repos.agentPresence.list())[0]?.dispositionDue).toBeNull();
  });
});
