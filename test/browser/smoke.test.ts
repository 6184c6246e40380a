import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser } from './support/browser.ts';

describe('smoke', () => {
  let server: TestServer;
  let b: BrowserSession;
  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });
  it('logs in', async () => {
    await b.page.goto('/');
    await b.shot('smoke-login');
    await logIn(b.page, 'alice');
    await b.page.waitForTimeout(1000);
    await b.shot('smoke-desktop');
    expect(true).toBe(true);
  }, 60_000);
});
