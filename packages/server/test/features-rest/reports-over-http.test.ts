import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecordInput } from '../../src/persistence/repositories/call-records.ts';
import { login } from '../security/support/identities.ts';
import { type TestServer, startTestServer } from '../support/test-server.ts';

/**
 * The new reports through a running server (HTTP on a real port, SQLite), on one day:
 *
 *   call  queue    start  outcome    wait  agent  talk  wrap-up (timesheet)
 *   h1    support  09:10  answered     8   alice   100   40 (09:11:48-09:12:28)
 *   h2    support  09:50  abandoned   25
 *   h3    support  10:20  abandoned  130
 *   h4    sales    10:40  abandoned    4
 */
const FROM = '2026-05-04T00:00:00.000Z';
const TO = '2026-05-05T00:00:00.000Z';
const at = (hms: string) => Date.parse(`2026-05-04T${hms}Z`);

describe('reports over HTTP', () => {
  let server: TestServer;
  let token: string;
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const range = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;

  beforeAll(async () => {
    server = await startTestServer();
    const alice = (await server.repos.users.getByUsername('alice'))!;
    const call = (id: string, queue: string, start: string, outcome: 'answered' | 'abandoned', wait: number, talk = 0): CallRecordInput => ({
      pbx: 'main',
      linkedid: id,
      direction: 'inbound',
      queue,
      startedAt: at(start),
      endedAt: at(start) + (wait + talk) * 1000,
      answeredAt: outcome === 'answered' ? at(start) + wait * 1000 : null,
      waitSeconds: wait,
      talkSeconds: talk,
      outcome,
      ...(outcome === 'answered' ? { answeredBy: '1001', answeredAgentId: alice.id } : {}),
    });
    await server.repos.callRecords.upsertMany([
      call('h1', 'support', '09:10:00', 'answered', 8, 100),
      call('h2', 'support', '09:50:00', 'abandoned', 25),
      call('h3', 'support', '10:20:00', 'abandoned', 130),
      call('h4', 'sales', '10:40:00', 'abandoned', 4),
    ]);
    const ts = server.repos.timesheet;
    const s = await ts.openSession({ agentId: alice.id, pbx: 'main', extension: '1001', at: at('09:00:00') });
    const state = (state: 'ready' | 'on-call' | 'wrap-up', time: string) =>
      ts.changeState({ agentId: alice.id, sessionId: s.id, pbx: 'main', extension: '1001', state, at: at(time) });
    await state('ready', '09:00:00');
    await state('on-call', '09:10:08');
    await state('wrap-up', '09:11:48');
    await state('ready', '09:12:28');
    await ts.closeSession(s.id, { at: at('10:00:00') });
    await server.repos.dispositions.set('main', 'support', { required: false, codes: [{ code: 'solved', label: 'Problem solved' }] });
    await server.repos.callRecords.setDisposition('main', 'h1', { disposition: 'solved' });
    token = (await login(server.url, 'admin', 'admin-demo')).accessToken;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers abandon by wait bucket as JSON and as a CSV download', async () => {
    const res = await get(`/api/reports/abandon-by-wait?${range}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[]; totals: Record<string, unknown> };
    // h4 after 4 s, h2 after 25 s, h3 after 130 s: one each in 0-10, 10-30 and >= 120.
    expect(body.rows.map((r) => [r.wait, r.abandoned])).toEqual([
      ['0–10 s', 1],
      ['10–30 s', 1],
      ['30–60 s', 0],
      ['60–120 s', 0],
      ['≥ 120 s', 1],
    ]);
    expect(body.totals).toMatchObject({ abandoned: 3, share: 100 });

    const csv = await get(`/api/reports/abandon-by-wait?${range}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="abandon-by-wait-2026-05-04.csv"');
    expect((await csv.text()).split('\r\n').slice(0, 2)).toEqual(['wait,abandoned,share,cumulativeShare', '0–10 s,1,33.33,33.33']);
  });

  it('answers calls per queue and hour and agent occupancy, with queue and agent names', async () => {
    const hours = (await (await get(`/api/reports/calls-by-queue-hour?${range}`)).json()) as { rows: Record<string, unknown>[] };
    expect(hours.rows).toEqual([
      { queue: 'Sales', hour: '10:00', offered: 1, answered: 0, abandoned: 1 },
      { queue: 'Support', hour: '09:00', offered: 2, answered: 1, abandoned: 1 },
      { queue: 'Support', hour: '10:00', offered: 1, answered: 0, abandoned: 1 },
    ]);
    const occupancy = (await (await get(`/api/reports/agent-occupancy?${range}`)).json()) as { rows: Record<string, unknown>[] };
    // Signed in 3600 s, not paused; on call 100 s, wrap-up 40 s: (100 + 40) / 3600.
    expect(occupancy.rows).toEqual([
      {
        agent: 'Alice Martin',
        occupancy: Math.round((140 / 3600) * 10_000) / 100,
        signedInSeconds: 3600,
        pausedSeconds: 0,
        availableSeconds: 3600,
        onCallSeconds: 100,
        wrapupSeconds: 40,
      },
    ]);
    const agents = (await (await get(`/api/reports/agent-activity?${range}`)).json()) as { rows: Record<string, unknown>[] };
    expect(agents.rows).toEqual([expect.objectContaining({ agent: 'Alice Martin', talkSeconds: 100, wrapupSeconds: 40, ahtSeconds: 140 })]);
  });

  it("counts dispositions per queue by their label, with each code's share of the queue", async () => {
    const res = (await (await get(`/api/reports/disposition-counts?${range}`)).json()) as { rows: Record<string, unknown>[]; totals: Record<string, unknown> };
    // Support: h1 solved, h2 and h3 none; Sales: h4 none.
    expect(res.rows).toEqual([
      { queue: 'Sales', disposition: null, code: null, calls: 1, share: 100 },
      { queue: 'Support', disposition: null, code: null, calls: 2, share: 66.67 },
      { queue: 'Support', disposition: 'Problem solved', code: 'solved', calls: 1, share: 33.33 },
    ]);
    expect(res.totals).toMatchObject({ calls: 4 });
  });

  it('refuses a reversed range with 400, naming the field', async () => {
    const res = await get(`/api/reports/agent-occupancy?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'CTI_ERR_REPORT_RANGE', details: { field: 'to' } });
  });
});
