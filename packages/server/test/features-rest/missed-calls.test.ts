import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecordInput } from '../../src/persistence/repositories/call-records.ts';
import { buildRestApp, DAY, FROM, type RestApp } from './helpers/rest-app.ts';

const at = (time: string) => Date.parse(`${DAY}T${time}Z`);
const call = (c: Partial<CallRecordInput> & Pick<CallRecordInput, 'linkedid' | 'outcome' | 'startedAt'>): CallRecordInput => ({
  pbx: 'main',
  direction: 'inbound',
  queue: 'lang-en',
  callerNumber: '+15557770000',
  ...c,
});

describe.each(['sqlite', 'postgres'] as const)('an agent’s missed calls on %s', (dialect) => {
  let t: RestApp;
  beforeAll(async () => {
    t = await buildRestApp({ now: () => at('18:00:00') }, dialect);
    const ts = t.repos.timesheet;
    // Alice sat at 1001 from 13:00 to 14:00; after her, someone else used 1001.
    const alice = await ts.openSession({ agentId: 'u-alice', pbx: 'main', extension: '1001', at: at('13:00:00') });
    await ts.closeSession(alice.id, { at: at('14:00:00') });
    await ts.openSession({ agentId: 'u-bob', pbx: 'main', extension: '1002', at: at('13:00:00') });
    await t.repos.callRecords.upsertMany([
      call({ linkedid: '1772460000.1', startedAt: at('13:10:00'), agentsOffered: ['1001', '1002'], answeredBy: '1002', answeredAgentId: 'u-bob', outcome: 'answered' }),
      call({ linkedid: '1772460000.2', startedAt: at('13:20:00'), agentsOffered: ['1001'], outcome: 'abandoned', callerNumber: '+15557770002' }),
      call({ linkedid: '1772460000.3', startedAt: at('13:30:00'), agentsOffered: ['1001'], answeredBy: '1001', answeredAgentId: 'u-alice', outcome: 'answered' }),
      call({ linkedid: '1772460000.4', startedAt: at('14:30:00'), agentsOffered: ['1001'], outcome: 'abandoned' }),
      call({ linkedid: '1772460000.5', startedAt: at('13:40:00'), agentsOffered: ['1002', '10011'], outcome: 'abandoned' }),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const missed = async (headers: Record<string, string>, query = `from=${encodeURIComponent(FROM)}`) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/agents/me/missed-calls?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<Record<string, unknown>>;
  };

  it('lists the calls that rang at her phone while she sat there and went elsewhere, newest first', async () => {
    expect(await missed(t.as.agent)).toEqual([
      {
        callId: '1772460000.2',
        startedAt: `${DAY}T13:20:00.000Z`,
        callerNumber: '+15557770002',
        callerName: null,
        customerId: null,
        queue: 'lang-en',
        extension: '1001',
        outcome: 'abandoned',
        answeredBy: null,
        answeredAgentId: null,
      },
      expect.objectContaining({ callId: '1772460000.1', extension: '1001', outcome: 'answered', answeredBy: '1002', answeredAgentId: 'u-bob' }),
    ]);
  });

  it('leaves out the calls she answered, calls at her extension after she left, and calls that never rang at her', async () => {
    const ids = (await missed(t.as.agent)).map((c) => c.callId);
    expect(ids).not.toContain('1772460000.3');
    expect(ids).not.toContain('1772460000.4');
    expect(ids).not.toContain('1772460000.5');
  });

  it("lists each agent's own: Bob missed the calls offered to him and answered by nobody", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'correct horse battery' } });
    const bob = { authorization: `Bearer ${res.json().accessToken as string}` };
    expect((await missed(bob)).map((c) => c.callId)).toEqual(['1772460000.5']);
  });

  it('answers an empty list to a user who is not an agent, and starts at the last 24 hours by default', async () => {
    expect(await missed(t.as.admin)).toEqual([]);
    expect((await missed(t.as.agent, 'limit=1')).map((c) => c.callId)).toEqual(['1772460000.2']);
  });
});
