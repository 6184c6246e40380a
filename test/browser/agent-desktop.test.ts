import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiGet, apiLogin } from './support/rest.ts';
import { formatCell } from '../../packages/web/src/lib/report-format.ts';
import type { Locator } from 'playwright-core';

interface ReportResult {
  columns: Array<{ key: string; label: string; type: string }>;
  rows: Array<Record<string, unknown>>;
  totals?: Record<string, unknown> | null;
}

describe('the agent desktop in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 8, mode: 'timeout' } });
    // The browser connects from 127.0.0.1: register that address as a desk with extension 1001.
    await server.repos.workstations.create({ name: 'Desk Test', ip: '127.0.0.1', pbx: 'main', extension: '1001' });
    b = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('signs alice in at her detected desk, pops Jane Customer on a lang-en call, counts wrap-up down, returns to Ready and logs the times', async () => {
    const { page } = b;
    const sim = server.demo!.sim;
    await logIn(page, 'alice');
    await page.getByTestId('nav-desktop').click();

    // Sign-in: the server recognises the desk from the client's IP.
    const detected = page.getByTestId('detected-workstation');
    await detected.waitFor();
    expect(await text(detected)).toMatch(/Desk Test[\s\S]*1001/);
    await b.shot('desktop-1-sign-in');
    await page.getByTestId('btn-signin').click();
    await page.getByTestId('agent-desktop').waitFor();
    expect(await text(page.getByTestId('session-extension'))).toContain('1001');
    const alice = server.agents.list().find((a) => a.extension === '1001');
    expect(alice?.workstationId).toBeTruthy();
    const stateBar = page.getByTestId('state-bar');
    if ((await stateBar.getAttribute('data-state')) !== 'ready') await page.getByTestId('btn-ready').click();
    await page.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();
    await b.shot('desktop-2-ready');

    // A caller rings: the pop shows the caller and the customer's card.
    sim.setPhone('1001', { mode: 'noanswer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    await page.locator('[data-testid="screen-pop"][data-phase="ringing"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('customer-card').waitFor();
    expect(await text(page.getByTestId('pop-queue'))).toBe('lang-en');
    expect(await text(page.getByTestId('pop-language'))).toBe('EN');
    expect(await text(page.getByTestId('customer-name'))).toContain('Jane Customer');
    expect(await text(page.getByTestId('customer-address'))).toContain('12 Harbor Lane, Springfield, IL');
    expect(await text(page.getByTestId('customer-language'))).toContain('EN');
    expect(await text(page.getByTestId('customer-number'))).toMatch(/555.*123.*4567/);
    await b.shot('desktop-3-ringing');

    // The agent picks up, talks, and the call ends.
    sim.answer('1001');
    await page.locator('[data-testid="screen-pop"][data-phase="answered"]').waitFor();
    await page.locator('[data-testid="state-bar"][data-state="on-call"]').waitFor();
    await page.getByTestId('btn-hangup').waitFor();
    await b.shot('desktop-4-on-call');
    await page.waitForTimeout(1_200);
    sim.hangupPhone('1001');

    // Wrap-up counts down from 8 seconds.
    await page.locator('[data-testid="state-bar"][data-state="wrap-up"]').waitFor();
    const remaining = page.getByTestId('wrapup-remaining');
    const first = seconds(await text(remaining));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(8);
    await page.waitForTimeout(2_100);
    const later = seconds(await text(remaining));
    expect(later).toBeLessThan(first);
    expect(server.agents.get(alice!.agentId)?.state).toBe('wrap-up');
    await b.shot('desktop-5-wrap-up');

    // Ready ends wrap-up early.
    await page.getByTestId('btn-end-wrapup').click();
    await page.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();
    expect(server.agents.get(alice!.agentId)?.state).toBe('ready');

    // Today's history: the answered call and the timesheet intervals.
    await page.locator('[data-testid="today-call"]').first().waitFor({ timeout: 10_000 });
    const call = await text(page.getByTestId('today-call').first());
    expect(call).toMatch(/555.*123.*4567/);
    expect(call).toContain('answered');
    await page.getByTestId('today-history').getByRole('button').first().click();
    await page.getByTestId('today-times').waitFor();
    await page.waitForTimeout(500);
    const shown = await statsOf(page.getByTestId('today-times'));

    const token = await apiLogin(server.url, 'admin');
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const sheet = await apiGet<ReportResult>(
      server.url,
      token,
      `/api/reports/agent-timesheet?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&agentId=${alice!.agentId}`,
    );
    const row = sheet.rows[0]!;
    // One session, with time in every state the call went through: ready, ringing, on the call (≥ 1.2 s), wrap-up (≥ 2 s).
    expect(row.sessions).toBe(1);
    expect(row.readySeconds).toBeGreaterThan(0);
    expect(row.ringingSeconds).toBeGreaterThan(0);
    expect(row.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(row.wrapupSeconds).toBeGreaterThanOrEqual(2);
    // The desktop shows the same closed intervals as the report.
    expect(shown.Sessions).toBe('1');
    expect(shown['On call']).toBe(formatCell(row.talkSeconds as number, 'seconds'));
    expect(shown.Ringing).toBe(formatCell(row.ringingSeconds as number, 'seconds'));
    expect(shown['Wrap-up']).toBe(formatCell(row.wrapupSeconds as number, 'seconds'));
    await b.shot('desktop-6-today');
  }, 120_000);
});

/** "0:07" or "7s" → 7. */
function seconds(text: string): number {
  const parts = text.trim().replace(/s$/, '').split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

/** The label → value pairs of a row of `.stat` figures, as displayed (labels in their source case). */
async function statsOf(scope: Locator): Promise<Record<string, string>> {
  const pairs = await scope.locator('.stat').evaluateAll((nodes) =>
    nodes.map((n) => [n.querySelector('.stat-label')?.textContent ?? '', n.querySelector('.stat-value')?.textContent ?? '']),
  );
  return Object.fromEntries(pairs.map(([k, v]) => [k!.trim(), v!.trim()]));
}
