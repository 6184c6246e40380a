import type { WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';

declare global {
  interface Window {
    __notifications: Array<{ title: string; body: string | undefined }>;
    __hidden: boolean;
  }
}

/**
 * The ring alert and the offline state of the agent desk, in Chromium. The page's Notification
 * is wrapped to record what the desk shows, and the page's visibility can be set to "hidden"
 * (a headless browser has no other window to hide the tab behind).
 */
describe('the agent desk alerts and offline state in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  let blocked = false;
  const sockets: WebSocketRoute[] = [];

  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 0, mode: 'manual' } });
    await server.repos.workstations.create({ name: 'Desk Test', ip: '127.0.0.1', pbx: 'main', extension: '1001' });
    b = await openBrowser(server.url);
    await b.context.grantPermissions(['notifications'], { origin: server.url });
    await b.context.addInitScript(() => {
      window.__notifications = [];
      window.__hidden = false;
      const Real = window.Notification;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          window.__notifications.push({ title, body: options?.body });
          super(title, options);
        }
      }
      window.Notification = Recorded as typeof Notification;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (window.__hidden ? 'hidden' : 'visible') });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden });
    });
    // Every WebSocket of the page goes through here: passed on to the server, or refused while "blocked".
    await b.page.routeWebSocket(/\/api\/ws/, (ws) => {
      if (blocked) {
        ws.close({ code: 1006, reason: 'blocked by the test' });
        return;
      }
      ws.connectToServer();
      sockets.push(ws);
    });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('rings a hidden tab with a desktop notification, the tab title and an announcement, and stops when answered', async () => {
    const { page } = b;
    const sim = server.demo!.sim;
    await logIn(page, 'alice');
    await page.getByTestId('nav-desktop').click();
    await page.getByTestId('btn-signin').click();
    await page.getByTestId('agent-desktop').waitFor();
    const stateBar = page.getByTestId('state-bar');
    if ((await stateBar.getAttribute('data-state')) !== 'ready') await page.getByTestId('btn-ready').click();
    await page.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();
    // The permission was granted: the desk says so instead of offering the button.
    await page.getByTestId('notifications-on').waitFor();
    const title = await page.title();

    await page.evaluate(() => {
      window.__hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    sim.setPhone('1001', { mode: 'noanswer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    await page.locator('[data-testid="screen-pop"][data-phase="ringing"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => window.__notifications.length > 0);
    const shown = await page.evaluate(() => window.__notifications);
    expect(shown).toEqual([{ title: 'Ringing: Jane Customer', body: '+1 555 123 4567 through lang-en' }]);
    expect(await page.title()).toBe('Ringing: Jane Customer');
    expect(await page.getByTestId('ring-announcement').textContent()).toBe('Ringing: Jane Customer');
    await b.shot('desk-alert-ringing');

    sim.answer('1001');
    await page.locator('[data-testid="screen-pop"][data-phase="answered"]').waitFor();
    expect(await page.title()).toBe(title);
    expect(await page.getByTestId('ring-announcement').textContent()).toBe('');
    expect(await page.evaluate(() => window.__notifications.length)).toBe(1);
    sim.hangupPhone('1001');
    await page.locator('[data-testid="state-bar"][data-state="wrap-up"]').waitFor();
    await page.getByTestId('btn-end-wrapup').click();
    await page.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();
    await page.evaluate(() => {
      window.__hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
    });
  }, 90_000);

  it('says plainly when the server cannot be reached, disables the actions and freezes the timer, then confirms the state again', async () => {
    const { page } = b;
    const alice = server.agents.list().find((a) => a.extension === '1001')!;
    const banner = page.getByTestId('desk-offline');
    expect(await banner.count()).toBe(0);

    blocked = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1006, reason: 'blocked by the test' });
    await page.locator('[data-testid="desk-offline"][data-link="offline"]').waitFor({ timeout: 10_000 });
    expect(await text(banner)).toContain('The server cannot be reached.');
    for (const id of ['btn-pause', 'btn-signout', 'btn-dial']) expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    const frozen = await text(page.getByTestId('state-timer'));
    await page.waitForTimeout(2_200);
    expect(await text(page.getByTestId('state-timer'))).toBe(frozen);
    await b.shot('desk-offline');

    // While the desk is cut off, the agent is paused on the server: the desk learns it once back.
    await server.agents.pause(alice.agentId, 'break');
    blocked = false;
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('[data-testid="state-bar"][data-state="paused"]').waitFor();
    expect(await page.getByTestId('btn-ready').isDisabled()).toBe(false);
    const first = await text(page.getByTestId('state-timer'));
    await page.waitForTimeout(2_200);
    expect(await text(page.getByTestId('state-timer'))).not.toBe(first);
  }, 90_000);
});
