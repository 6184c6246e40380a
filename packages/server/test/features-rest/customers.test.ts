import { afterEach, describe, expect, it } from 'vitest';
import { buildRestApp, type RestApp } from './helpers/rest-app.ts';

let fx: RestApp;
afterEach(async () => {
  await fx?.close();
});

const csvPost = (url: string, headers: Record<string, string>, body: string) =>
  fx.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });

describe('customer directory', () => {
  it('lets an integration create a customer that an agent then finds by the number in any format', async () => {
    fx = await buildRestApp();
    const created = await fx.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: fx.as.integration,
      payload: { name: 'John Carter', phoneNumbers: ['555 234-5678'], address: '88 Elm Street', language: 'en', notes: 'Prefers e-mail' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'John Carter',
      phoneNumbers: ['+15552345678'],
      address: '88 Elm Street',
      company: null,
      email: null,
      externalUrl: null,
    });

    for (const number of ['+1 555 234 5678', '5552345678', '15552345678']) {
      const found = await fx.app.inject({ url: `/api/customers/lookup?number=${encodeURIComponent(number)}`, headers: fx.as.agent });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toMatchObject({ total: 1, items: [{ id: created.json().id, name: 'John Carter' }] });
    }
    const unknown = await fx.app.inject({ url: '/api/customers/lookup?number=%2B15550000000', headers: fx.as.agent });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CTI_ERR_NOT_FOUND');
  });

  it('searches by name or digits, pages, edits and deletes customers', async () => {
    fx = await buildRestApp();
    const byName = await fx.app.inject({ url: '/api/customers?q=jane', headers: fx.as.agent });
    expect(byName.json()).toMatchObject({ total: 1, items: [{ name: 'Jane Customer', phoneNumbers: ['+15551234567'] }] });
    const byDigits = await fx.app.inject({ url: '/api/customers?q=3361', headers: fx.as.agent });
    expect(byDigits.json().items.map((c: { name: string }) => c.name)).toEqual(['Pierre Martin']);
    const page = await fx.app.inject({ url: '/api/customers?limit=1&offset=1', headers: fx.as.agent });
    expect(page.json()).toMatchObject({ total: 2, items: [{ name: 'Pierre Martin' }] });

    const { jane } = fx.customers;
    const edited = await fx.app.inject({
      method: 'PATCH',
      url: `/api/customers/${jane}`,
      headers: fx.as.supervisor,
      payload: { notes: 'Premium plan', phoneNumbers: ['+15551234567', '+1 555 111 2222'] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ notes: 'Premium plan', phoneNumbers: ['+15551112222', '+15551234567'] });

    const taken = await fx.app.inject({ method: 'POST', url: '/api/customers', headers: fx.as.admin, payload: { name: 'Copy', phoneNumbers: ['+15551112222'] } });
    expect(taken.statusCode).toBe(409);
    const badNumber = await fx.app.inject({ method: 'POST', url: '/api/customers', headers: fx.as.admin, payload: { name: 'Odd', phoneNumbers: ['12'] } });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().details.reason).toBe('CTI_ERR_INVALID_PHONE_NUMBER');
    const unstored = await fx.app.inject({ method: 'POST', url: '/api/customers', headers: fx.as.admin, payload: { name: 'Acme', phoneNumbers: ['+15553334444'], email: 'a@acme.test' } });
    expect(unstored.statusCode).toBe(400);
    expect(unstored.json().details.errors[0].path).toBe('/body/email');

    expect((await fx.app.inject({ method: 'DELETE', url: `/api/customers/${jane}`, headers: fx.as.admin })).statusCode).toBe(204);
    expect((await fx.app.inject({ url: `/api/customers/${jane}`, headers: fx.as.agent })).statusCode).toBe(404);
  });

  it('keeps the company a customer is created with, changes it and clears it', async () => {
    fx = await buildRestApp();
    const created = await fx.app.inject({ method: 'POST', url: '/api/customers', headers: fx.as.integration, payload: { name: 'Ann Lee', company: 'Acme Corp', phoneNumbers: ['+15553334444'] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Ann Lee', company: 'Acme Corp' });
    const id = created.json().id as string;
    expect((await fx.app.inject({ url: `/api/customers/lookup?number=%2B15553334444`, headers: fx.as.agent })).json().items[0].company).toBe('Acme Corp');
    const moved = await fx.app.inject({ method: 'PATCH', url: `/api/customers/${id}`, headers: fx.as.supervisor, payload: { company: 'Globex' } });
    expect(moved.json()).toMatchObject({ company: 'Globex', phoneNumbers: ['+15553334444'] });
    await fx.app.inject({ method: 'PATCH', url: `/api/customers/${id}`, headers: fx.as.supervisor, payload: { company: null } });
    expect((await fx.app.inject({ url: `/api/customers/${id}`, headers: fx.as.agent })).json().company).toBeNull();
  });

  it("shows the customer card's last calls, whoever answered them", async () => {
    fx = await buildRestApp();
    const { pierre } = fx.customers;
    // Alice did not take Pierre's call (Bob did), but the customer card shows it to her.
    const calls = await fx.app.inject({ url: `/api/calls?customerId=${pierre}&limit=5`, headers: fx.as.agent });
    expect(calls.statusCode).toBe(200);
    expect(calls.json()).toEqual({
      total: 1,
      items: [
        {
          callId: '1772447400.4',
          pbx: 'main',
          direction: 'inbound',
          callerNumber: '+33612345678',
          callerName: null,
          calledNumber: null,
          queue: 'lang-fr',
          agentId: 'u-bob',
          agentName: 'Bob Dubois',
          extension: '1002',
          customerId: pierre,
          startedAt: '2026-03-02T10:30:00.000Z',
          answeredAt: '2026-03-02T10:30:03.000Z',
          endedAt: '2026-03-02T10:31:33.000Z',
          waitSeconds: 3,
          talkSeconds: 90,
          outcome: 'answered',
          hangupCause: 16,
          recordingFile: null,
          disposition: null,
          notes: null,
        },
      ],
    });
    const same = await fx.app.inject({ url: `/api/customers/${pierre}/calls`, headers: fx.as.agent });
    expect(same.json()).toEqual(calls.json());
    expect((await fx.app.inject({ url: '/api/customers/nobody/calls', headers: fx.as.agent })).statusCode).toBe(404);
  });
});

describe('customer CSV import', () => {
  const FILE = [
    'number,name,address,language,notes',
    '+15551234567,Jane Customer,12 Harbor Lane,en,Renewed',
    'not-a-number,Bad Number,,en,',
    '+15552345678,,,en,',
    '(555) 345-6789,Emily Stone,5 Birch Road,en,',
    '+15554567890,Michael Brown,,klingon-language,',
    '"+15555678901","O\'Brien, Liam","19 Cedar Court",en,"VIP"',
  ].join('\r\n');

  it('writes the good rows in best-effort mode and reports the bad ones by line number', async () => {
    fx = await buildRestApp();
    const res = await csvPost('/api/customers/import?mode=best-effort', fx.as.admin, FILE);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'best-effort', status: 'done', total: 6, processed: 6, created: 2, inserted: 2, updated: 1, committed: true, rejectedCount: 3 });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 6]);
    expect(report.rejected[0]).toMatchObject({ line: 3, values: { number: 'not-a-number', name: 'Bad Number' } });
    expect(report.rejected[0].reason).toMatch(/not a valid phone number/);
    expect(report.rejected[1].reason).toMatch(/name is required/);
    expect(report.rejected[2].reason).toMatch(/language/);

    const jane = await fx.app.inject({ url: `/api/customers/${fx.customers.jane}`, headers: fx.as.admin });
    expect(jane.json()).toMatchObject({ address: '12 Harbor Lane', notes: 'Renewed' });
    const liam = await fx.app.inject({ url: '/api/customers/lookup?number=%2B15555678901', headers: fx.as.agent });
    expect(liam.json().items[0]).toMatchObject({ name: "O'Brien, Liam", notes: 'VIP' });
    const audit = fx.audit.entries().find((e) => e.action === 'customer.import');
    expect(audit).toMatchObject({ ok: true, username: 'dave', args: { mode: 'best-effort', rows: 6, rejected: 3 } });
  });

  it('writes nothing in all-or-nothing mode when a row is bad', async () => {
    fx = await buildRestApp();
    const res = await csvPost('/api/customers/import', fx.as.integration, FILE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'all-or-nothing', status: 'done', committed: false, created: 0, updated: 0, rejectedCount: 3 });
    expect((await fx.app.inject({ url: '/api/customers', headers: fx.as.admin })).json().total).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(fx.audit.entries().find((e) => e.action === 'customer.import')).toMatchObject({ ok: false, code: 'CTI_ERR_VALIDATION' });
  });

  it('refuses a file without the required columns, an empty body and JSON', async () => {
    fx = await buildRestApp();
    const header = await csvPost('/api/customers/import', fx.as.admin, 'phone,fullname\n+15551234567,Jane\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().code).toBe('CTI_ERR_CSV_IMPORT');
    expect((await csvPost('/api/customers/import', fx.as.admin, '')).statusCode).toBe(400);
    const json = await fx.app.inject({ method: 'POST', url: '/api/customers/import', headers: fx.as.admin, payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('CTI_ERR_VALIDATION');
    const agent = await csvPost('/api/customers/import', fx.as.agent, FILE);
    expect(agent.statusCode).toBe(403);
  });

  it('answers 202 for a long import and lets its owner follow it to the end', async () => {
    fx = await buildRestApp({ import: { waitMs: 0 } });
    const lines = ['number,name,language'];
    for (let i = 0; i < 3000; i++) lines.push(`+1555${String(2000000 + i)},Customer ${i},en`);
    const started = await csvPost('/api/customers/import?mode=all-or-nothing', fx.as.admin, lines.join('\n'));
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', committed: false });
    const id = started.json().id;

    expect((await fx.app.inject({ url: `/api/customers/import/${id}`, headers: fx.as.integration })).statusCode).toBe(404);
    let report = started.json();
    for (let i = 0; i < 200 && report.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      report = (await fx.app.inject({ url: `/api/customers/import/${id}`, headers: fx.as.admin })).json();
      expect(report.processed).toBeLessThanOrEqual(3000);
    }
    expect(report).toMatchObject({ status: 'done', total: 3000, processed: 3000, created: 3000, committed: true, rejected: [] });
    expect((await fx.app.inject({ url: '/api/customers?limit=1', headers: fx.as.admin })).json().total).toBe(3002);
  });
});
