import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../packages/server/test/integrations/support/receiver.ts';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiLogin, eventually } from './support/rest.ts';

describe('webhooks on the admin console’s integrations page, in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  let receiver: Receiver;
  beforeAll(async () => {
    server = await startTestServer({ webhooks: { allowPrivateAddresses: true, pollIntervalMs: 50 } });
    receiver = await startReceiver();
    b = await openBrowser(server.url);
    const token = await apiLogin(server.url, 'admin');
    const res = await fetch(`${server.url}/api/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Timesheet', scope: { agents: [], extensions: [], queues: ['sales'] } }),
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await receiver?.close();
    await server?.close();
  });

  it('refuses a bad URL with a sentence naming it, creates a webhook, shows its secret once, sends a test and logs it as delivered', async () => {
    const { page } = b;
    await logIn(page, 'admin');
    await page.getByTestId('nav-admin-integrations').click();
    await page.getByTestId('webhooks').waitFor();
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-url').fill('ftp://crm.example/hooks');
    await page.getByTestId('webhook-save').click();
    expect(await text(page.getByTestId('webhook-error'))).toContain('http:// or https://');

    await page.getByTestId('webhook-url').fill(receiver.url);
    await page.getByTestId('webhook-save').click();
    const secret = await text(page.getByTestId('webhook-secret'));
    expect(secret).toMatch(/^whsec_/);
    await b.shot('webhooks-1-created');
    await page.keyboard.press('Escape');

    const row = page.getByTestId('webhook-row');
    expect(await text(row)).toContain('Timesheet');
    await row.getByTestId('webhook-test').click();
    await eventually(() => receiver.received.find((r) => r.body.type === 'webhook.test'), 'the test delivery');
    await row.getByTestId('webhook-log').click();
    const delivered = await eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      const t = await text(page.getByTestId('webhook-deliveries'));
      return t.includes('delivered') ? t : undefined;
    }, 'the log to show the delivery');
    expect(delivered).toContain('webhook.test');
    expect(delivered).toContain('200');
    await b.shot('webhooks-2-log');
  });
});
