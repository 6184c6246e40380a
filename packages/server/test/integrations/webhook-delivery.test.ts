import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/integrations/webhooks/signature.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';
import { adminApi } from './support/admin-api.ts';
import { type Received, type Receiver, startReceiver } from './support/receiver.ts';

/** What the README tells receivers to do, written out without the server's helper. */
function readmeVerify(secret: string, header: string, rawBody: string, nowSeconds: number): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const queueOf = (r: Received) => (r.body.payload.queue as string | null | undefined) ?? r.body.scope.queue ?? null;

describe('webhooks: signed deliveries to real receivers, retries, scope (demo server, real sockets)', () => {
  let server: TestServer;
  let api: Awaited<ReturnType<typeof adminApi>>;
  const receivers: Receiver[] = [];
  const receiver = async (options?: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    server = await startTestServer({
      wrapup: { seconds: 0, mode: 'timeout' },
      webhooks: { allowPrivateAddresses: true, backoffBaseMs: 20, backoffMaxMs: 200, pollIntervalMs: 20, maxAttempts: 4, timeoutMs: 2000, concurrencyPerSubscription: 2 },
    });
    api = await adminApi(server.url);
    await server.agents.signIn(await userId(server, 'alice'), { extension: '1001' });
    server.demo!.sim.setPhone('1001', { mode: 'answer', answerAfterMs: 50 });
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await server?.close();
  });

  it('a receiver checks the signature of a support call with the secret it was given; a changed body fails', async () => {
    const hooks = await receiver();
    const crm = await api.integration('crm-support', ['support'], hooks.url, ['call.ringing', 'call.answered', 'call.ended']);
    server.demo!.sim.placeCall({ queue: 'support', callerNumber: '+442079460018', callerName: 'Ada Lovelace', talkMs: 100 });
    await waitFor('the call ended at the receiver', () => hooks.received.find((r) => r.body.type === 'call.ended'));

    // Up to two deliveries are in flight per subscription here: receivers order by `at`.
    const types = [...hooks.received].sort((a, b) => a.body.at.localeCompare(b.body.at)).map((r) => r.body.type);
    expect(types.indexOf('call.ringing')).toBeLessThan(types.indexOf('call.answered'));
    expect(types.indexOf('call.answered')).toBeLessThan(types.indexOf('call.ended'));
    for (const r of hooks.received) {
      const header = String(r.headers['amiable-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const now = Math.floor(Date.now() / 1000);
      expect(readmeVerify(crm.secret, header, r.raw, now)).toBe(true);
      expect(verifySignature(crm.secret, header, r.raw, now)).toBe(true);
      expect(readmeVerify(crm.secret, header, r.raw.replace('support', 'sales'), now)).toBe(false);
      expect(readmeVerify('whsec_wrong', header, r.raw, now)).toBe(false);
      expect(verifySignature(crm.secret, header, r.raw, now + 3600)).toBe(false);
      expect(r.headers['amiable-delivery']).toBe(r.body.id);
      expect(r.headers['amiable-event']).toBe(r.body.type);
      expect(r.body.subscriptionId).toBe(crm.subscriptionId);
    }
    const ringing = hooks.received.find((r) => r.body.type === 'call.ringing')!;
    expect(ringing.body.payload).toMatchObject({ queue: 'support', callerNumber: '+442079460018', extension: '1001' });
    const log = await api.deliveries(crm.subscriptionId);
    expect(log.filter((d) => d.status === 'delivered').length).toBe(hooks.received.length);
    expect(log.every((d) => d.attempts === 1 && d.responseCode === 200)).toBe(true);
  });

  it('an integration scoped to one queue never receives another queue’s events', async () => {
    const enHooks = await receiver();
    const supportHooks = await receiver();
    const types = ['call.ringing', 'call.answered', 'call.ended', 'queue.stats'];
    await api.integration('crm-en', ['lang-en'], enHooks.url, types);
    await api.integration('crm-support-2', ['support'], supportHooks.url, types);
    for (const queue of ['support', 'lang-en', 'support']) {
      const target = queue === 'support' ? supportHooks : enHooks;
      const ended = () => target.received.filter((r) => r.body.type === 'call.ended').length;
      const before = ended();
      server.demo!.sim.placeCall({ queue, callerNumber: '+33612345678', talkMs: 100 });
      await waitFor(`the ${queue} call ended at its receiver`, () => ended() > before);
    }
    await waitFor('both receivers saw their calls', () =>
      supportHooks.received.filter((r) => r.body.type === 'call.ended').length >= 2 && enHooks.received.some((r) => r.body.type === 'call.ended'),
    );
    expect(enHooks.received.length).toBeGreaterThan(0);
    expect(enHooks.received.filter((r) => queueOf(r) !== 'lang-en')).toEqual([]);
    expect(supportHooks.received.filter((r) => queueOf(r) !== 'support')).toEqual([]);
    expect(enHooks.received.some((r) => r.body.type === 'queue.stats')).toBe(true);
  });

  it('a receiver answering 500 gets the same delivery again, attempt after attempt, until it answers 200', async () => {
    const attempts = new Map<string, number>();
    const hooks = await receiver({
      answer: (r) => {
        const n = (attempts.get(r.body.id) ?? 0) + 1;
        attempts.set(r.body.id, n);
        return n <= 2 ? 500 : 200;
      },
    });
    const crm = await api.integration('flaky', ['support'], hooks.url, ['call.ringing']);
    const test = await api.call<{ id: string; status: string }>('POST', `/api/webhooks/${crm.subscriptionId}/test`);
    expect(test.status).toBe(202);
    expect(test.body.status).toBe('pending');
    await waitFor('three attempts', () => hooks.received.filter((r) => r.body.id === test.body.id).length === 3 || undefined);
    const seen = hooks.received.filter((r) => r.body.id === test.body.id);
    expect(seen.map((r) => r.headers['amiable-attempt'])).toEqual(['1', '2', '3']);
    expect(seen.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(seen.every((r) => r.raw === seen[0]!.raw)).toBe(true);
    expect(seen[0]!.body.type).toBe('webhook.test');
    const entry = await waitForLog(crm.subscriptionId, test.body.id, 'delivered');
    expect(entry).toMatchObject({ attempts: 3, responseCode: 200, lastError: null });
  });

  it('a receiver that keeps answering 500 gets maxAttempts tries, then the delivery is marked failed with the last error', async () => {
    const hooks = await receiver({ answer: () => 500 });
    const crm = await api.integration('broken', ['support'], hooks.url, ['call.ringing']);
    const test = await api.call<{ id: string }>('POST', `/api/webhooks/${crm.subscriptionId}/test`);
    const entry = await waitForLog(crm.subscriptionId, test.body.id, 'failed');
    expect(entry).toMatchObject({ attempts: 4, responseCode: 500, lastError: 'HTTP 500' });
    expect(hooks.received.filter((r) => r.body.id === test.body.id).map((r) => r.headers['amiable-attempt'])).toEqual(['1', '2', '3', '4']);
  });

  it('a receiver that never answers holds only its own slots: another subscription is delivered meanwhile', async () => {
    const dead = await receiver();
    dead.hang(true);
    const alive = await receiver();
    const stuck = await api.integration('dead', ['support'], dead.url, ['call.ringing']);
    const fine = await api.integration('alive', ['support'], alive.url, ['call.ringing']);
    for (let i = 0; i < 5; i++) await api.call('POST', `/api/webhooks/${stuck.subscriptionId}/test`);
    await waitFor('the dead receiver holds its slots', () => dead.received.length >= 2);
    const test = await api.call<{ id: string }>('POST', `/api/webhooks/${fine.subscriptionId}/test`);
    await waitFor('the live receiver got its delivery', () => alive.received.some((r) => r.body.id === test.body.id));
    // Two slots per subscription: the dead receiver never has more than two requests open at once.
    expect(dead.received.length).toBe(2);
    expect(await api.deliveries(stuck.subscriptionId)).toSatisfy((log: Array<{ status: string }>) => log.every((d) => d.status === 'pending'));
  });

  it('refuses a bad subscription with a coded error naming the field', async () => {
    const key = await api.call<{ id: string }>('POST', '/api/api-keys', { name: 'bad-subs', scope: { agents: [], extensions: [], queues: ['support'] } });
    const bad = async (body: Record<string, unknown>) => api.call<{ code: string; details: { errors: Array<{ path: string }> } }>('POST', '/api/webhooks', body);
    const ftp = await bad({ apiKeyId: key.body.id, url: 'ftp://crm.example/hooks', eventTypes: ['call.ringing'] });
    expect([ftp.status, ftp.body.code, ftp.body.details.errors[0]!.path]).toEqual([400, 'CTI_ERR_WEBHOOK_URL', '/body/url']);
    const creds = await bad({ apiKeyId: key.body.id, url: 'https://user:pw@crm.example/hooks', eventTypes: ['call.ringing'] });
    expect([creds.status, creds.body.code]).toEqual([400, 'CTI_ERR_WEBHOOK_URL']);
    const type = await bad({ apiKeyId: key.body.id, url: 'https://crm.example/hooks', eventTypes: ['call.ringing', 'call.exploded'] });
    expect([type.status, type.body.code, type.body.details.errors[0]!.path]).toEqual([400, 'CTI_ERR_WEBHOOK_EVENT_TYPE', '/body/eventTypes/1']);
    const noKey = await bad({ apiKeyId: 'no-such-key', url: 'https://crm.example/hooks', eventTypes: ['call.ringing'] });
    expect([noKey.status, noKey.body.code, noKey.body.details.errors[0]!.path]).toEqual([400, 'CTI_ERR_WEBHOOK_API_KEY', '/body/apiKeyId']);
    const extra = await bad({ apiKeyId: key.body.id, url: 'https://crm.example/hooks', eventTypes: ['call.ringing'], secret: 'mine' });
    expect([extra.status, extra.body.code]).toEqual([400, 'CTI_ERR_VALIDATION']);
  });

  async function waitForLog(subscriptionId: string, deliveryId: string, status: string) {
    for (let i = 0; i < 400; i++) {
      const entry = (await api.deliveries(subscriptionId)).find((d) => d.id === deliveryId);
      if (entry?.status === status) return entry;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`delivery ${deliveryId} never became ${status}`);
  }
});
