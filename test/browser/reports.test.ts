import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecordInput } from '../../packages/server/src/persistence/repositories/call-records.ts';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';

/**
 * A fixed day two days ago (UTC; the browser runs in UTC too) with six calls into `support`,
 * whose service-level threshold T is 20 s (demo seed):
 *
 *   #  start  outcome    wait  talk  hold  wrap-up  handle
 *   1  09:10  answered     5   100     0     20      120
 *   2  09:40  answered    10   200    10     30      240
 *   3  10:05  answered    15    50     0     10       60
 *   4  10:30  answered    50   160     0     20      180
 *   5  10:50  abandoned   60
 *   6  14:15  abandoned    5   (a short abandon: within T)
 *
 * offered 6, answered 4, abandoned 2
 * service level = answered within T / (answered + unanswered after T) = 3 / (4 + 1) = 60.0%
 * ASA = (5 + 10 + 15 + 50) / 4 = 20 s
 * AHT = (120 + 240 + 60 + 180) / 4 = 150 s = 2m 30s
 * abandon rate = 2 / 6 = 33.3%
 * calls by hour: 09:00 → 2 offered (2 answered), 10:00 → 3 (2 answered, 1 abandoned), 14:00 → 1 (abandoned); ASA at 09:00 = 7.5 s, 10:00 = 32.5 s
 */
function scenario(): CallRecordInput[] {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - 2);
  const at = (hh: number, mm: number) => Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm);
  const call = (n: number, start: number, outcome: 'answered' | 'abandoned', wait: number, talk = 0, hold = 0, wrapup = 0): CallRecordInput => ({
    pbx: 'main',
    linkedid: `report-${n}`,
    direction: 'inbound',
    queue: 'support',
    callerNumber: `+1555000000${n}`,
    startedAt: start,
    answeredAt: outcome === 'answered' ? start + wait * 1000 : null,
    endedAt: start + (wait + talk + hold) * 1000,
    waitSeconds: wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapupSeconds: wrapup,
    outcome,
    answeredBy: outcome === 'answered' ? '1004' : null,
  });
  return [
    call(1, at(9, 10), 'answered', 5, 100, 0, 20),
    call(2, at(9, 40), 'answered', 10, 200, 10, 30),
    call(3, at(10, 5), 'answered', 15, 50, 0, 10),
    call(4, at(10, 30), 'answered', 50, 160, 0, 20),
    call(5, at(10, 50), 'abandoned', 60),
    call(6, at(14, 15), 'abandoned', 5),
  ];
}

describe('the reports page in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  beforeAll(async () => {
    server = await startTestServer();
    await server.repos.callRecords.upsertMany(scenario());
    b = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('shows the service level, ASA, AHT, abandon rate and calls by hour computed by hand for a fixed day', async () => {
    const { page } = b;
    await logIn(page, 'admin');
    await page.getByTestId('nav-admin-reports').click();
    await page.locator('[data-testid="report-view"][data-report="queue-summary"]').waitFor();
    await page.getByTestId('report-queue').selectOption('support');
    await untilText(page, 'report-kpi-offered', '6');
    expect(await kpi(page, 'answered')).toBe('4');
    expect(await kpi(page, 'abandoned')).toBe('2');
    expect(await kpi(page, 'serviceLevel')).toBe('60.0%');
    expect(await kpi(page, 'asaSeconds')).toBe('20s');
    expect(await kpi(page, 'ahtSeconds')).toBe('2m 30s');
    expect(await kpi(page, 'abandonRate')).toBe('33.3%');
    await page.getByTestId('report-chart-percent').waitFor();
    await b.shot('reports-1-queues');

    await page.getByTestId('report-tab-calls-by-hour').click();
    await page.locator('[data-testid="report-view"][data-report="calls-by-hour"]').waitFor();
    await page.getByTestId('report-chart-number').waitFor();
    const rows = await page.getByTestId('report-row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    const busy = rows.filter((cells) => cells[1] !== '0');
    // Hour, offered, answered, abandoned, ASA.
    expect(busy).toEqual([
      ['09:00', '2', '2', '0', '8s'],
      ['10:00', '3', '2', '1', '33s'],
      ['14:00', '1', '0', '1', '—'],
    ]);
    expect(rows).toHaveLength(24);
    await b.shot('reports-2-calls-by-hour');
  }, 120_000);
});

function kpi(page: Page, column: string): Promise<string> {
  return text(page.getByTestId(`report-kpi-${column}`)).then((t) => t.trim());
}

async function untilText(page: Page, testId: string, value: string): Promise<void> {
  await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === v, [testId, value] as const, {
    timeout: 15_000,
  });
}
