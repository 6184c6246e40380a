import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRestApp, FROM, type RestApp, TO } from './helpers/rest-app.ts';

let fx: RestApp;
beforeAll(async () => {
  fx = await buildRestApp();
});
afterAll(async () => {
  await fx.close();
});

const get = (url: string, headers: Record<string, string>) => fx.app.inject({ url, headers });
const range = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
const callIds = (body: { items: { callId: string }[] }) => body.items.map((c) => c.callId.split('.')[1]);

describe('call log', () => {
  it('shows an admin every call, newest first, with filters and paging', async () => {
    expect(callIds((await get('/api/calls', fx.as.admin)).json())).toEqual(['5', '4', '3', '2', '1']);
    expect(callIds((await get('/api/calls?outcome=abandoned', fx.as.admin)).json())).toEqual(['5', '2']);
    expect(callIds((await get('/api/calls?queue=lang-fr', fx.as.admin)).json())).toEqual(['5', '4']);
    expect(callIds((await get('/api/calls?number=5551234567', fx.as.admin)).json())).toEqual(['1']);
    expect(callIds((await get('/api/calls?agent=u-bob', fx.as.admin)).json())).toEqual(['4']);
    expect(callIds((await get(`/api/calls?from=${encodeURIComponent('2026-03-02T10:00:00Z')}`, fx.as.admin)).json())).toEqual(['5', '4', '3']);
    const page = (await get('/api/calls?limit=2&offset=1', fx.as.admin)).json();
    expect(page.total).toBe(5);
    expect(callIds(page)).toEqual(['4', '3']);
  });

  it("limits agents to their own calls, and supervisors and integrations to their queues and agents", async () => {
    expect(callIds((await get('/api/calls', fx.as.agent)).json())).toEqual(['3', '1']);
    expect(callIds((await get('/api/calls?agentId=u-bob', fx.as.agent)).json())).toEqual([]);
    expect(callIds((await get('/api/calls', fx.as.supervisor)).json())).toEqual(['3', '2', '1']);
    expect(callIds((await get('/api/calls', fx.as.integration)).json())).toEqual(['3', '2', '1']);
  });

  it('exports the log as CSV in the requested time zone, within the same reach', async () => {
    const all = await get('/api/calls.csv?timeZone=Europe/Paris', fx.as.admin);
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toMatch(/^text\/csv/);
    expect(all.headers['content-disposition']).toMatch(/attachment; filename="calls-/);
    const lines = all.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^started_at,answered_at,ended_at,pbx,linkedid,direction,queue,caller_number/);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^2026-03-02T10:05:00\+01:00,2026-03-02T10:05:05\+01:00,.*,main,1772442300\.1,inbound,lang-en,\+15551234567/);

    const mine = (await get('/api/calls.csv', fx.as.agent)).body.trimEnd().split('\r\n');
    expect(mine).toHaveLength(3);
    expect(mine.slice(1).every((l) => l.includes(',u-alice,'))).toBe(true);
    const badZone = await get('/api/calls.csv?timeZone=Mars/Olympus', fx.as.admin);
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().code).toBe('CTI_ERR_REPORT_RANGE');
  });
});

describe('reports', () => {
  it('computes service level, speed of answer, handle time and abandon rate per queue', async () => {
    const res = await get(`/api/reports/queue-summary?${range}`, fx.as.admin);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ report: 'queue-summary', from: FROM, to: TO });
    expect(report.columns.map((c: { key: string }) => c.key)).toContain('serviceLevel');
    expect(report.rows).toEqual([
      // lang-en AHT = (60 talk + 10 wrap-up from the timesheet + 120 talk) / 2.
      { queue: 'lang-en', offered: 3, answered: 2, abandoned: 1, serviceLevel: 33.33, asaSeconds: 15, ahtSeconds: 95, abandonRate: 33.33, talkSeconds: 180, holdSeconds: 0, wrapupSeconds: 10, longestWaitSeconds: 30, thresholdSeconds: 20 },
      { queue: 'lang-fr', offered: 2, answered: 1, abandoned: 1, serviceLevel: 100, asaSeconds: 3, ahtSeconds: 90, abandonRate: 50, talkSeconds: 90, holdSeconds: 0, wrapupSeconds: 0, longestWaitSeconds: 10, thresholdSeconds: 20 },
    ]);
    expect(report.totals).toMatchObject({ queue: 'All queues', offered: 5, answered: 3, abandoned: 2, serviceLevel: 50, asaSeconds: 11, ahtSeconds: 93.33, abandonRate: 40 });
  });

  it("uses a queue's own service-level threshold once an admin sets it", async () => {
    const set = await fx.app.inject({ method: 'PATCH', url: '/api/queues/lang-en', headers: fx.as.admin, payload: { serviceLevelSeconds: 30 } });
    expect(set.statusCode).toBe(200);
    const rows = (await get(`/api/reports/queue-summary?${range}&queue=lang-en`, fx.as.admin)).json().rows;
    // 30 s: both answered calls are in time and the abandon at 30 s no longer counts against it.
    expect(rows).toEqual([expect.objectContaining({ queue: 'lang-en', thresholdSeconds: 30, serviceLevel: 100 })]);
    await fx.app.inject({ method: 'DELETE', url: '/api/queues/lang-en', headers: fx.as.admin });
  });

  it("gives supervisors and integrations their queues only, and refuses agents and other queues", async () => {
    for (const who of [fx.as.supervisor, fx.as.integration]) {
      const rows = (await get(`/api/reports/queue-summary?${range}`, who)).json().rows;
      expect(rows.map((r: { queue: string }) => r.queue)).toEqual(['lang-en']);
      const other = await get(`/api/reports/queue-summary?${range}&queue=lang-fr`, who);
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('CTI_ERR_FORBIDDEN');
    }
    expect((await get(`/api/reports/queue-summary?${range}`, fx.as.agent)).statusCode).toBe(403);
    expect((await get(`/api/reports/agent-activity?${range}&agentId=u-bob`, fx.as.supervisor)).statusCode).toBe(403);
  });

  it('reports agent activity and the timesheet of the agents in reach', async () => {
    const activity = (await get(`/api/reports/agent-activity?${range}`, fx.as.admin)).json();
    expect(activity.rows).toEqual([
      { agent: 'Alice Martin', answered: 2, talkSeconds: 180, holdSeconds: 0, wrapupSeconds: 10, ahtSeconds: 95, averageRingSeconds: 0, transferred: 0 },
      { agent: 'Bob Dubois', answered: 1, talkSeconds: 90, holdSeconds: 0, wrapupSeconds: 0, ahtSeconds: 90, averageRingSeconds: 0, transferred: 0 },
    ]);
    expect(activity.totals).toMatchObject({ answered: 3, talkSeconds: 270, ahtSeconds: 93.33 });
    const teamOnly = (await get(`/api/reports/agent-activity?${range}`, fx.as.supervisor)).json();
    expect(teamOnly.rows.map((r: { agent: string }) => r.agent)).toEqual(['Alice Martin']);

    const sheet = (await get(`/api/reports/agent-timesheet?${range}&agent=u-alice`, fx.as.supervisor)).json();
    expect(sheet.rows).toEqual([
      {
        agent: 'Alice Martin',
        sessions: 1,
        firstSignInAt: '2026-03-02T09:00:00.000Z',
        lastSignOutAt: '2026-03-02T12:00:00.000Z',
        signedInSeconds: 10800,
        readySeconds: 8930,
        ringingSeconds: 0,
        talkSeconds: 60,
        wrapupSeconds: 10,
        pausedSeconds: 1800,
        occupancy: 0.78,
      },
    ]);
  });

  it('sums paused time by reason', async () => {
    const pauses = (await get(`/api/reports/pause-summary?${range}`, fx.as.admin)).json();
    expect(pauses.rows).toEqual([{ label: 'Lunch', code: 'lunch', paid: 'no', pausedSeconds: 1800, agents: 1, share: 100 }]);
    expect(pauses.totals).toMatchObject({ pausedSeconds: 1800, agents: 1 });
  });

  it('buckets calls by hour of the day in the requested time zone, and by day', async () => {
    const utc = (await get(`/api/reports/calls-by-hour?${range}&interval=hour`, fx.as.admin)).json();
    expect(utc.rows).toHaveLength(24);
    expect(utc.rows.slice(9, 12)).toEqual([
      { hour: '09:00', offered: 2, answered: 1, abandoned: 1, asaSeconds: 5 },
      { hour: '10:00', offered: 2, answered: 2, abandoned: 0, asaSeconds: 14 },
      { hour: '11:00', offered: 1, answered: 0, abandoned: 1, asaSeconds: null },
    ]);
    expect(utc.totals).toMatchObject({ offered: 5, answered: 3, asaSeconds: 11 });
    const paris = (await get(`/api/reports/calls-by-hour?${range}&timeZone=%2B01:00`, fx.as.admin)).json();
    expect(paris.rows[10]).toMatchObject({ hour: '10:00', offered: 2 });
    const days = (await get(`/api/reports/calls-by-hour?${range}&interval=day`, fx.as.admin)).json();
    expect(days.rows).toEqual([{ day: '2026-03-02', offered: 5, answered: 3, abandoned: 2, asaSeconds: 11 }]);
    expect((await get(`/api/reports/calls-by-day?${range}`, fx.as.admin)).json().rows).toEqual(days.rows);
  });

  it('returns the call log as a report and every report as CSV', async () => {
    const log = (await get(`/api/reports/call-log?${range}`, fx.as.admin)).json();
    expect(log.rows).toHaveLength(5);
    expect(log.rows[0]).toMatchObject({ startedAt: '2026-03-02T11:00:00.000Z', queue: 'lang-fr', outcome: 'abandoned', agent: null });
    expect(log.rows.map((r: { agent: string | null }) => r.agent)).toContain('Bob Dubois');
    const csv = await get(`/api/reports/queue-summary?${range}&format=csv`, fx.as.admin);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toEqual([
      'queue,offered,answered,abandoned,serviceLevel,asaSeconds,ahtSeconds,abandonRate,talkSeconds,holdSeconds,wrapupSeconds,longestWaitSeconds,thresholdSeconds',
      'lang-en,3,2,1,33.33,15,95,33.33,180,0,10,30,20',
      'lang-fr,2,1,1,100,3,90,50,90,0,0,10,20',
      '',
    ]);
    const logCsv = (await get(`/api/reports/call-log?${range}&format=csv`, fx.as.integration)).body.trimEnd().split('\r\n');
    expect(logCsv).toHaveLength(4);
  });

  it('refuses unknown reports, missing and inverted ranges', async () => {
    const unknown = await get(`/api/reports/horoscope?${range}`, fx.as.admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/queue-summary/);
    expect((await get('/api/reports/queue-summary', fx.as.admin)).json().code).toBe('CTI_ERR_VALIDATION');
    const inverted = await get(`/api/reports/queue-summary?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`, fx.as.admin);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ code: 'CTI_ERR_REPORT_RANGE', details: { field: 'to' } });
    // The call log and CSV downloads refuse it the same way, before any query.
    for (const url of ['/api/reports/call-log', '/api/reports/abandon-by-wait']) {
      const res = await get(`${url}?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}&format=csv`, fx.as.admin);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('to');
    }
  });
});
