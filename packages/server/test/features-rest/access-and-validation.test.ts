import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRestApp, type RestApp } from './helpers/rest-app.ts';

let fx: RestApp;
beforeAll(async () => {
  fx = await buildRestApp();
});
afterAll(async () => {
  await fx.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const send = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) =>
  fx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('control characters never reach the directory', () => {
  const cases: { name: string; method: Method; url: string; body?: (bad: string) => unknown; path: string }[] = [
    { name: 'user display name', method: 'POST', url: '/api/users', body: (v) => ({ username: 'eve', password: 'long enough', displayName: v, role: 'agent' }), path: '/body/displayName' },
    { name: 'agent name', method: 'POST', url: '/api/agents', body: (v) => ({ name: v }), path: '/body/name' },
    { name: 'skill name', method: 'POST', url: '/api/skills', body: (v) => ({ name: v }), path: '/body/name' },
    { name: 'screen-pop template', method: 'POST', url: '/api/skill-queues', body: (v) => ({ skillId: 'en', queue: 'x', popupUrlTemplate: v }), path: '/body/popupUrlTemplate' },
    { name: 'workstation name', method: 'POST', url: '/api/workstations', body: (v) => ({ name: v, extension: '1050' }), path: '/body/name' },
    { name: 'pause reason label', method: 'POST', url: '/api/pause-reasons', body: (v) => ({ code: 'x', label: v }), path: '/body/label' },
    { name: 'team name', method: 'POST', url: '/api/teams', body: (v) => ({ name: v }), path: '/body/name' },
    { name: 'queue display name', method: 'PATCH', url: '/api/queues/lang-en', body: (v) => ({ displayName: v }), path: '/body/displayName' },
    { name: 'API key name', method: 'POST', url: '/api/api-keys', body: (v) => ({ name: v, scope: { agents: [], extensions: [], queues: [] } }), path: '/body/name' },
    { name: 'customer notes', method: 'POST', url: '/api/customers', body: (v) => ({ name: 'Mallory', phoneNumbers: ['+15557778888'], notes: v }), path: '/body/notes' },
    { name: 'customer name', method: 'PATCH', url: '/api/customers/CUSTOMER', body: (v) => ({ name: v }), path: '/body/name' },
    { name: 'wrap-up queue', method: 'PUT', url: '/api/settings/wrapup', body: (v) => ({ queues: [{ queue: v, seconds: 5 }] }), path: '/body/queues/0/queue' },
  ];
  for (const c of cases) {
    it(`refuses CR, LF and NUL in the ${c.name}`, async () => {
      const url = c.url.replace('CUSTOMER', fx.customers.jane);
      for (const bad of ['two\r\nlines', 'line\nbreak', 'nul\u0000byte', `Action: Originate\r\nApplication: System`]) {
        const res = await send(c.method, url, fx.as.admin, c.body?.(bad));
        expect(res.statusCode, `${c.name} ${JSON.stringify(bad)}`).toBe(400);
        expect(res.json().code).toBe('CTI_ERR_VALIDATION');
        expect(res.json().details.errors.map((e: { path: string }) => e.path)).toContain(c.path);
      }
    });
  }

  it('refuses control characters in query strings too, and writes nothing on refusal', async () => {
    for (const url of ['/api/customers?q=a%0D%0Ab', '/api/calls?queue=lang%0Aen', '/api/customers/lookup?number=555%000000']) {
      const res = await send('GET', url, fx.as.admin);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('CTI_ERR_VALIDATION');
    }
    expect((await send('GET', '/api/customers', fx.as.admin)).json().total).toBe(2);
    expect((await send('GET', '/api/skills', fx.as.admin)).json().total).toBe(2);
    expect((await send('GET', '/api/users', fx.as.admin)).json().total).toBe(5);
  });

  it('refuses unknown fields, wrong types and out-of-range numbers', async () => {
    const extra = await send('POST', '/api/skills', fx.as.admin, { name: 'Extra', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const type = await send('PATCH', '/api/agents/u-alice', fx.as.admin, { wrapupSeconds: '30' });
    expect(type.statusCode).toBe(400);
    const range = await send('PUT', '/api/settings/wrapup', fx.as.admin, { defaultSeconds: -1 });
    expect(range.json().details.errors[0].path).toBe('/body/defaultSeconds');
  });
});

describe('who may do what', () => {
  const expectStatus = async (method: Method, url: string, who: keyof RestApp['as'], status: number, payload?: unknown) => {
    const res = await send(method, url, fx.as[who], payload);
    expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBe(status);
    return res;
  };

  it('keeps users and API keys for admins', async () => {
    for (const who of ['agent', 'supervisor', 'integration'] as const) {
      await expectStatus('GET', '/api/users', who, 403);
      await expectStatus('GET', '/api/api-keys', who, 403);
      await expectStatus('PATCH', '/api/users/u-alice', who, 403, { displayName: 'Hacked' });
    }
    await expectStatus('GET', '/api/users', 'admin', 200);
    expect((await send('GET', '/api/users/u-alice', fx.as.admin)).json().displayName).toBe('Alice Martin');
  });

  it('lets everyone read the contact-centre directory and only admins change it', async () => {
    for (const url of ['/api/agents', '/api/skills', '/api/skill-queues', '/api/workstations', '/api/pause-reasons', '/api/teams', '/api/queues', '/api/settings/wrapup']) {
      for (const who of ['agent', 'supervisor', 'integration', 'admin'] as const) await expectStatus('GET', url, who, 200);
    }
    for (const who of ['agent', 'supervisor', 'integration'] as const) {
      await expectStatus('POST', '/api/skills', who, 403, { name: 'Sneaky' });
      await expectStatus('DELETE', '/api/pause-reasons/anything', who, 403);
      await expectStatus('PUT', '/api/settings/wrapup', who, 403, { defaultSeconds: 0 });
    }
    const refused = fx.audit.entries().filter((e) => e.code === 'CTI_ERR_FORBIDDEN' && e.action.startsWith('POST /api/skills'));
    expect(refused.map((e) => e.username).sort()).toEqual(['CRM connector', 'alice', 'carol']);
  });

  it('lets agents read customers and create one from a screen pop, as supervisors and integrations may', async () => {
    await expectStatus('GET', `/api/customers/${fx.customers.jane}`, 'agent', 200);
    await expectStatus('POST', '/api/customers', 'agent', 201, { name: 'Unknown caller', phoneNumbers: ['+15550003333'] });
    await expectStatus('POST', '/api/customers', 'supervisor', 201, { name: 'Walk-in', phoneNumbers: ['+15550001111'] });
    await expectStatus('POST', '/api/customers', 'integration', 201, { name: 'CRM sync', phoneNumbers: ['+15550002222'] });
  });

  it('refuses every route without credentials', async () => {
    for (const url of ['/api/users', '/api/agents', '/api/customers', '/api/customers/lookup?number=5551234567', '/api/calls', '/api/calls.csv', '/api/settings/wrapup', '/api/reports/queue-summary?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z']) {
      const res = await fx.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('CTI_ERR_UNAUTHENTICATED');
    }
    const wrongKey = await fx.app.inject({ url: '/api/agents', headers: { 'x-api-key': 'amk_not_a_real_key' } });
    expect(wrongKey.json().code).toBe('CTI_ERR_INVALID_CREDENTIALS');
  });

  it('audits every write with who did it and the outcome, without secrets', async () => {
    await send('POST', '/api/users', fx.as.admin, { username: 'frank', password: 'franks-password', displayName: 'Frank', role: 'supervisor' });
    await send('PATCH', '/api/workstations/missing', fx.as.admin, { name: 'Nope' });
    const entries = fx.audit.entries();
    const created = entries.find((e) => e.action === 'user.create');
    expect(created).toMatchObject({ ok: true, username: 'dave', role: 'admin', channel: 'rest' });
    expect(JSON.stringify(created?.args)).not.toContain('franks-password');
    expect(entries.find((e) => e.action === 'workstation.update')).toMatchObject({ ok: false, code: 'CTI_ERR_NOT_FOUND' });
  });
});

describe('wrap-up policy', () => {
  it('stores the default, the switches and per-queue overrides, and the agent workflow resolves them', async () => {
    expect((await send('GET', '/api/settings/wrapup', fx.as.agent)).json()).toEqual({
      defaultSeconds: 0,
      agentCanEnd: true,
      allowPauseAfterCall: true,
      allowExtensionChoice: true,
      queues: [],
    });
    const put = await send('PUT', '/api/settings/wrapup', fx.as.admin, {
      defaultSeconds: null,
      agentCanEnd: false,
      queues: [
        { queue: 'lang-en', seconds: 45 },
        { queue: 'lang-fr', seconds: null },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({
      defaultSeconds: null,
      agentCanEnd: false,
      allowPauseAfterCall: true,
      allowExtensionChoice: true,
      queues: [
        { queue: 'lang-en', seconds: 45 },
        { queue: 'lang-fr', seconds: null },
      ],
    });
    const { wrapupPolicy } = fx.repos;
    expect(await wrapupPolicy.resolve({ pbx: 'main', queue: 'lang-en' })).toEqual({ seconds: 45, mode: 'timeout', source: 'queue' });
    expect(await wrapupPolicy.resolve({ pbx: 'main', queue: 'lang-fr' })).toMatchObject({ mode: 'manual', source: 'queue' });
    expect(await wrapupPolicy.resolve({ pbx: 'main', queue: 'support' })).toMatchObject({ mode: 'manual', source: 'global' });

    const again = await send('PUT', '/api/settings/wrapup', fx.as.admin, { defaultSeconds: 30, queues: [{ queue: 'lang-en', seconds: 60 }] });
    expect(again.json()).toMatchObject({ defaultSeconds: 30, agentCanEnd: false, queues: [{ queue: 'lang-en', seconds: 60 }] });
    expect(fx.audit.entries().filter((e) => e.action === 'wrapupPolicy.update' && e.ok)).toHaveLength(2);
  });
});

describe('OpenAPI', () => {
  it('documents the feature routes from their schemas', async () => {
    const doc = (await fx.app.inject({ url: '/api/docs/json' })).json();
    for (const path of [
      '/api/users',
      '/api/agents/{id}',
      '/api/skill-queues',
      '/api/api-keys',
      '/api/customers/lookup',
      '/api/customers/import',
      '/api/customers/{id}/calls',
      '/api/settings/wrapup',
      '/api/calls',
      '/api/calls.csv',
      '/api/reports/{name}',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths['/api/customers'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
  });
});
