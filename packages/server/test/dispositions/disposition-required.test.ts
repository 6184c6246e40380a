/**
 * "Disposition required before Ready" on the whole server (simulated PBX, real HTTP, WebSocket and
 * AMI-port sockets), on SQLite and PostgreSQL: the admin configures a queue's codes over REST, the
 * agent's Ready is refused on every channel after a call from that queue (and the wrap-up timeout
 * leaves her in wrap-up, saying why), she writes the disposition and notes on her own call only,
 * and then she is Ready and the call log shows them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { PG_URL, dropSchema } from '../persistence/test-database.ts';
import { call, command, login } from '../security/support/identities.ts';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';

const CODES = [
  { code: 'resolved', label: 'Resolved' },
  { code: 'callback', label: 'Call back' },
];

describe.each(['sqlite', 'postgres'] as const)('disposition required before Ready on %s', (driver) => {
  let server: TestServer;
  let log: ReturnType<typeof recordEvents>;
  const schema = `amiable_disp_${randomBytes(5).toString('hex')}`;
  const clients: Array<{ close(): void }> = [];
  let admin: string;
  let alice: string;
  let aliceId: string;
  let callId: string;

  beforeAll(async () => {
    server = await startTestServer({
      database: driver === 'sqlite' ? { driver } : { driver, url: PG_URL, schema },
      // The wrap-up ends by itself after a second, unless a disposition is owed.
      wrapup: { seconds: 1, mode: 'timeout' },
      amiPort: { enabled: true, port: 0 },
    });
    log = recordEvents(server);
    admin = (await login(server.url, 'admin', 'admin-demo')).accessToken;
    alice = (await login(server.url, 'alice', 'alice-demo')).accessToken;
    aliceId = await userId(server, 'alice');
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    log?.stop();
    await server?.close();
    if (driver === 'postgres') await dropSchema(schema);
  });

  it('lets the admin configure a queue’s codes, refusing a bad one with the field named, and agents only read them', async () => {
    const bad = await call(server.url, 'PUT', '/api/dispositions/lang-en', admin, { required: true, codes: [...CODES, { code: 'resolved', label: 'Again' }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'CTI_ERR_VALIDATION', details: { errors: [{ path: '/body/codes/2/code' }] } });
    const asAgent = await call(server.url, 'PUT', '/api/dispositions/lang-en', alice, { required: false, codes: CODES });
    expect(asAgent.status).toBe(403);
    const saved = await call(server.url, 'PUT', '/api/dispositions/lang-en', admin, { required: true, codes: CODES });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ queue: 'lang-en', required: true, codes: CODES });
    const read = await call(server.url, 'GET', '/api/dispositions/lang-en', alice);
    expect(read.body).toMatchObject({ required: true, codes: CODES });
    // The demo seeds codes for its five queues; none of them is required.
    const all = await call(server.url, 'GET', '/api/dispositions', alice);
    expect((all.body.items as Array<{ queue: string; required: boolean }>).map((q) => `${q.queue}:${q.required}`).sort()).toEqual([
      'lang-ar:false', 'lang-en:true', 'lang-fr:false', 'sales:false', 'support:false',
    ]);
  });

  it('keeps alice in wrap-up after a lang-en call, refusing Ready over REST, WebSocket and the AMI port, even after the wrap-up time', async () => {
    await server.agents.signIn(aliceId, {});
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer', talkMs: 300 });
    const wrapup = await waitFor('alice owes a disposition', () =>
      log.of('agent.state').find((e) => e.payload.agentId === aliceId && e.payload.state === 'wrap-up' && e.payload.dispositionDue),
    );
    callId = wrapup.payload.dispositionDue!.callId;
    expect(wrapup.payload.dispositionDue).toEqual({ callId, queue: 'lang-en' });

    const rest = await command(server.url, alice, 'agent.ready', {});
    expect(rest.status).toBe(409);
    expect(rest.body).toMatchObject({ code: 'CTI_ERR_DISPOSITION_REQUIRED', details: { field: 'disposition', callId, queue: 'lang-en' } });
    expect(rest.body.message).toMatch(/Pick a disposition for your last call \(queue lang-en\)/);

    const ws = await TestClient.connect(`${server.url.replace('http', 'ws')}/api/ws`, alice);
    clients.push({ close: () => ws.ws.close() });
    const result = await ws.command('r1', 'agent.ready', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CTI_ERR_DISPOSITION_REQUIRED' } });

    const ami = await RawClient.connect(server.amiPort!.port);
    clients.push(ami);
    expect((await ami.login('alice', 'alice-demo', 'off')).get('Response')).toBe('Success');
    ami.action(['Action', 'QueuePause'], ['ActionID', 'unpause'], ['Interface', 'PJSIP/1001'], ['Paused', 'false']);
    const refused = await ami.next((m) => m.get('ActionID') === 'unpause');
    expect(refused.get('Response')).toBe('Error');
    expect(refused.get('Message')).toMatch(/Pick a disposition/);

    // The wrap-up time runs out: the return to Ready is refused too, and the desk is told why.
    const told = await waitFor('the timeout is refused', () =>
      log.of('agent.error').find((e) => e.payload.agentId === aliceId && e.payload.code === 'CTI_ERR_DISPOSITION_REQUIRED'),
    );
    expect(told.payload.action).toBe('wrap-up-timeout');
    expect(server.agents.get(aliceId)).toMatchObject({ state: 'wrap-up', dispositionDue: { callId, queue: 'lang-en' } });
    expect(server.demo!.sim.snapshot().members.filter((m) => m.interface === 'PJSIP/1001').every((m) => m.paused)).toBe(true);
  });

  it('lets only alice (or an admin) write the call’s disposition, with a code of its queue', async () => {
    const bilal = (await login(server.url, 'bilal', 'bilal-demo')).accessToken;
    const path = `/api/calls/${encodeURIComponent(callId)}/disposition`;
    const notHers = await call(server.url, 'PUT', path, bilal, { disposition: 'resolved' });
    expect(notHers.status).toBe(403);
    // Permission before existence: a call that does not exist answers the same 403 to an agent, a 404 to an admin.
    expect((await call(server.url, 'PUT', '/api/calls/1.999/disposition', alice, { disposition: 'resolved' })).status).toBe(403);
    expect((await call(server.url, 'PUT', '/api/calls/1.999/disposition', admin, { disposition: 'resolved' })).status).toBe(404);
    const foreign = await call(server.url, 'PUT', path, alice, { disposition: 'sale' });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ code: 'CTI_ERR_UNKNOWN_DISPOSITION', details: { field: 'disposition', queue: 'lang-en' } });
    expect((await command(server.url, alice, 'agent.ready', {})).status).toBe(409);
  });

  it('makes alice Ready once she writes it (her wrap-up time is over), and the call log and its CSV show it', async () => {
    const path = `/api/calls/${encodeURIComponent(callId)}/disposition`;
    const saved = await call(server.url, 'PUT', path, alice, { disposition: 'callback', notes: 'Call back on Monday\nabout the invoice' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ callId, disposition: 'callback', notes: 'Call back on Monday\nabout the invoice' });
    await waitFor('alice is Ready', () => server.agents.get(aliceId)?.state === 'ready');
    expect(server.agents.get(aliceId)?.dispositionDue).toBeNull();

    const logged = await call(server.url, 'GET', '/api/calls?queue=lang-en', admin);
    expect(logged.body.items).toEqual([expect.objectContaining({ callId, disposition: 'callback', notes: 'Call back on Monday\nabout the invoice' })]);
    const res = await fetch(`${server.url}/api/calls.csv?queue=lang-en`, { headers: { authorization: `Bearer ${admin}` } });
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toMatch(/,disposition,notes$/);
    expect(csv).toContain(',callback,"Call back on Monday\nabout the invoice"\r\n');
    let audited = await server.repos.audit.query({ command: 'call.disposition', result: 'ok' });
    for (let i = 0; i < 200 && audited.length === 0; i++) {
      await new Promise((done) => setTimeout(done, 25));
      audited = await server.repos.audit.query({ command: 'call.disposition', result: 'ok' });
    }
    expect(audited.map((e) => e.username)).toEqual(['alice']);
  });
});
