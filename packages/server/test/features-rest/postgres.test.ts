/**
 * The same routes on PostgreSQL (a schema of its own, dropped afterwards): the queries the routes
 * write themselves (API keys, team supervisors, the scoped call log) and the reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRestApp, FROM, type RestApp, TO } from './helpers/rest-app.ts';

let fx: RestApp;
beforeAll(async () => {
  fx = await buildRestApp({}, 'postgres');
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

const get = (url: string, headers: Record<string, string>) => fx.app.inject({ url, headers });

describe('feature routes on PostgreSQL', () => {
  it('issues, lists, uses and revokes API keys', async () => {
    const created = await fx.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: fx.as.admin,
      payload: { name: 'PG key', scope: { agents: [], extensions: [], queues: ['lang-fr'] } },
    });
    expect(created.statusCode).toBe(201);
    const list = (await get('/api/api-keys', fx.as.admin)).json();
    expect(list.items.map((k: { name: string }) => k.name)).toEqual(['CRM connector', 'PG key']);
    const asKey = { 'x-api-key': created.json().key };
    expect((await get('/api/auth/me', asKey)).json()).toMatchObject({ role: 'integration', queues: ['lang-fr'] });
    await fx.app.inject({ method: 'PATCH', url: `/api/api-keys/${created.json().id}`, headers: fx.as.admin, payload: { disabled: true } });
    expect((await get('/api/auth/me', asKey)).json().code).toBe('CTI_ERR_USER_DISABLED');
  });

  it('stores and returns a customer\'s company', async () => {
    const created = await fx.app.inject({ method: 'POST', url: '/api/customers', headers: fx.as.integration, payload: { name: 'Ann Lee', company: 'Acme Corp', phoneNumbers: ['+15553334444'] } });
    expect(created.statusCode).toBe(201);
    expect((await get(`/api/customers/${created.json().id}`, fx.as.agent)).json()).toMatchObject({ name: 'Ann Lee', company: 'Acme Corp' });
  });

  it('reads team supervisors and the scoped call log', async () => {
    expect((await get('/api/teams/team-en', fx.as.agent)).json().supervisorIds).toEqual(['u-carol']);
    const calls = (await get('/api/calls', fx.as.supervisor)).json();
    expect(calls.total).toBe(3);
    expect(calls.items.map((c: { callId: string }) => c.callId)).toEqual(['1772445000.3', '1772443200.2', '1772442300.1']);
    const csv = (await get('/api/calls.csv', fx.as.agent)).body.trimEnd().split('\r\n');
    expect(csv).toHaveLength(3);
  });

  it('computes the reports as on SQLite', async () => {
    const range = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
    const queues = (await get(`/api/reports/queue-summary?${range}`, fx.as.admin)).json();
    expect(queues.totals).toMatchObject({ offered: 5, answered: 3, abandoned: 2, serviceLevel: 50, asaSeconds: 11, ahtSeconds: 93.33, abandonRate: 40 });
    const sheet = (await get(`/api/reports/agent-timesheet?${range}`, fx.as.admin)).json();
    expect(sheet.rows[0]).toMatchObject({ agent: 'Alice Martin', signedInSeconds: 10800, pausedSeconds: 1800, occupancy: 0.78 });
    const hours = (await get(`/api/reports/calls-by-hour?${range}`, fx.as.admin)).json();
    expect(hours.rows[10]).toMatchObject({ hour: '10:00', offered: 2, answered: 2, asaSeconds: 14 });
    // Wrap-up from the timesheet, credited to the call it follows, in the Agents and Queues reports alike.
    const agents = (await get(`/api/reports/agent-activity?${range}`, fx.as.admin)).json();
    expect(agents.totals).toMatchObject({ wrapupSeconds: 10, ahtSeconds: 93.33 });
    expect(queues.totals).toMatchObject({ wrapupSeconds: 10 });
    const perQueueHour = (await get(`/api/reports/calls-by-queue-hour?${range}`, fx.as.admin)).json();
    expect(perQueueHour.totals).toMatchObject({ offered: 5, answered: 3, abandoned: 2 });
    const abandons = (await get(`/api/reports/abandon-by-wait?${range}`, fx.as.admin)).json();
    // Abandons after 30 s (lang-en) and 10 s (lang-fr).
    expect(abandons.rows.map((r: { abandoned: number }) => r.abandoned)).toEqual([0, 1, 1, 0, 0]);
    const inverted = await get(`/api/reports/agent-occupancy?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`, fx.as.admin);
    expect(inverted.statusCode).toBe(400);
  });

  it('imports a CSV in one transaction', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/customers/import?mode=best-effort',
      headers: { ...fx.as.admin, 'content-type': 'text/csv' },
      payload: 'number,name\n+15551234567,Jane C.\nbad,Nobody\n+15556667777,New Person\n',
    });
    expect(res.json()).toMatchObject({ status: 'done', created: 1, updated: 1, committed: true, rejected: [{ line: 3 }] });
  });
});
