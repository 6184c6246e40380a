import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiLogin } from './support/rest.ts';

describe('queue alerts on the wallboard, in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  beforeAll(async () => {
    // Nobody signed in: a caller waits in lang-en until they give up.
    server = await startTestServer({ demo: { callsPerMinute: 0, autoSignIn: false } });
    b = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it("turns the lang-en tile to the alert colour when a caller's wait crosses the admin's threshold, then when the service level falls below target", async () => {
    const admin = await apiLogin(server.url, 'admin');
    const res = await fetch(`${server.url}/api/queues/lang-en`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ longestWaitAlertSeconds: 3, serviceLevelTargetPercent: 80 }),
    });
    expect(res.status).toBe(200);

    const { page } = b;
    await logIn(page, 'sam');
    await page.getByTestId('nav-wallboard').click();
    const tile = page.getByTestId('queue-tile-lang-en');
    await tile.waitFor();
    expect(await tile.getAttribute('data-alert')).toBe('none');

    const caller = server.demo!.sim.placeCall({ queue: 'lang-en', callerNumber: '+15551230000', callerName: 'Patient Caller' });
    await page.waitForFunction(() => document.querySelector('[data-testid="queue-tile-lang-en"] [data-testid="queue-waiting"]')?.textContent === '1');
    // Under the threshold the tile only warns; past 3 s it alerts, and says why.
    await page.locator('[data-testid="queue-tile-lang-en"][data-alert="longest-wait"]').waitFor({ timeout: 15_000 });
    expect(await text(tile.getByTestId('queue-alerts'))).toBe('A caller has waited 3 s or more');
    expect(await page.getByTestId('queue-tile-lang-fr').getAttribute('data-alert')).toBe('none');
    await b.shot('wallboard-alert-1-longest-wait');

    // The caller gives up: nobody waits any more, and today's service level (0 %) is below the 80 % target.
    caller.hangup();
    await page.locator('[data-testid="queue-tile-lang-en"][data-alert="service-level"]').waitFor({ timeout: 15_000 });
    expect(await text(tile.getByTestId('queue-alerts'))).toBe('Service level below the 80 % target');
    expect(await text(tile.getByTestId('queue-service-level'))).toBe('0%');
    await b.shot('wallboard-alert-2-service-level');
  }, 90_000);
});
