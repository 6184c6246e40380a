import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../server/test/integrations/support/receiver.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { createClient, type CtiClient, CtiServerError } from '../src/index.ts';

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the SDK manages webhook subscriptions on a running server', () => {
  let server: TestServer;
  let client: CtiClient;
  let receiver: Receiver;

  beforeAll(async () => {
    server = await startTestServer({ webhooks: { allowPrivateAddresses: true, pollIntervalMs: 20 } });
    receiver = await startReceiver();
    client = createClient({ baseUrl: server.url });
    await client.login('admin', 'admin-demo');
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await receiver?.close();
    await server?.close();
  });

  it('creates, lists, changes, tests, reads the delivery log of and deletes a subscription', async () => {
    const key = await client.api.apiKeys.create({ name: 'timesheet', scope: { agents: [], extensions: [], queues: ['sales'] } });
    const created = await client.api.webhooks.create({ apiKeyId: key.id, url: receiver.url, eventTypes: ['agent.state'] });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await client.api.webhooks.list({ apiKeyId: key.id })).items.map((s) => s.id)).toEqual([created.id]);
    expect('secret' in (await client.api.webhooks.get(created.id))).toBe(false);
    const changed = await client.api.webhooks.update(created.id, { eventTypes: ['agent.state', 'queue.member'], description: 'Timesheet sync' });
    expect(changed).toMatchObject({ eventTypes: ['agent.state', 'queue.member'], description: 'Timesheet sync', disabled: false });

    const test = await client.api.webhooks.test(created.id);
    expect(test).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0 });
    const delivered = await until(async () => {
      const log = await client.api.webhooks.deliveries(created.id, { status: 'delivered' });
      return log.items.find((d) => d.id === test.id);
    }, 'the test delivery');
    expect(delivered).toMatchObject({ attempts: 1, responseCode: 200, lastError: null, nextAttemptAt: null });
    expect(receiver.received.map((r) => r.body.id)).toContain(test.id);
    expect((await client.api.webhooks.get(created.id)).deliveries).toEqual({ pending: 0, delivered: 1, failed: 0 });

    const refused = await client.api.webhooks.update(created.id, { url: 'gopher://x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CtiServerError);
    expect(refused).toMatchObject({ code: 'CTI_ERR_WEBHOOK_URL', status: 400, details: { errors: [{ path: '/body/url' }] } });

    await client.api.webhooks.remove(created.id);
    expect((await client.api.webhooks.list({ apiKeyId: key.id })).items).toEqual([]);
  });
});
