import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecordInput } from '../../packages/server/src/persistence/repositories/call-records.ts';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';

/**
 * A fixed day two days ago (UTC; the browser runs in UTC too) with six calls into `support`,
 * whose service-level threshold T is 20 s (demo seed). David (1004) answers; his wrap-up after
 * each call is in the timesheet (where a live server records it), starting as the call ends:
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
 * abandons by wait: #6 (5 s) in 0–10 s, #5 (60 s) in 60–120 s: 50% each
 */
const day = new Date();
day.setUTCDate(day.getUTCDate() - 2);
const at = (hh: number, mm: number) => Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm);

function scenario(david: string): (CallRecordInput & { wrapup: number })[] {
  const call = (n: number, start: number, outcome: 'answered' | 'abandoned', wait: number, talk = 0, hold = 0, wrapup = 0): CallRecordInput & { wrapup: number } => ({
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
    outcome,
    answeredBy: outcome === 'answered' ? '1004' : null,
    answeredAgentId: outcome === 'answered' ? david : null,
    wrapup,
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
    const david = (await server.repos.users.getByUsername('david'))!.id;
    const calls = scenario(david);
    await server.repos.callRecords.upsertMany(calls.map(({ wrapup: _w, ...c }) => c));
    // David's day: signed in 08:00-16:00, on each call from its answer, then in wrap-up.
    const ts = server.repos.timesheet;
    const session = await ts.openSession({ agentId: david, pbx: 'main', extension: '1004', at: at(8, 0) });
    const state = (state: 'ready' | 'on-call' | 'wrap-up', when: number) =>
      ts.changeState({ agentId: david, sessionId: session.id, pbx: 'main', extension: '1004', state, at: when });
    await state('ready', at(8, 0));
    for (const c of calls.filter((c) => c.outcome === 'answered')) {
      await state('on-call', c.answeredAt!);
      await state('wrap-up', c.endedAt!);
      await state('ready', c.endedAt! + c.wrapup * 1000);
    }
    await ts.closeSession(session.id, { at: at(16, 0) });
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

  it('shows abandons by wait, titles its charts by what they plot, downloads it as CSV and prints without navigation', async () => {
    const { page } = b;
    await page.getByTestId('report-tab-abandon-by-wait').click();
    await page.locator('[data-testid="report-view"][data-report="abandon-by-wait"]').waitFor();
    const rows = await page.getByTestId('report-row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    // Wait bucket, abandoned, share, cumulative share.
    expect(rows).toEqual([
      ['0–10 s', '1', '50.0%', '50.0%'],
      ['10–30 s', '0', '0.0%', '50.0%'],
      ['30–60 s', '0', '0.0%', '50.0%'],
      ['60–120 s', '1', '50.0%', '100.0%'],
      ['≥ 120 s', '0', '0.0%', '100.0%'],
    ]);
    expect(await text(page.getByTestId('report-chart-title-number'))).toBe('Abandoned');
    expect(await text(page.getByTestId('report-chart-title-percent'))).toBe('Share, Cumulative share');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^abandon-by-wait_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['Wait before hanging up,Abandoned,Share,Cumulative share', '0–10 s,1,50,50', '10–30 s,0,0,50']);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.nav').isVisible()).toBe(false);
    expect(await page.getByTestId('report-export').isVisible()).toBe(false);
    expect(await page.getByTestId('report-table').isVisible()).toBe(true);
    await b.shot('reports-3-abandons-print');
    await page.emulateMedia({ media: 'screen' });

    // The Timesheet's count chart plots sessions, and says so.
    await page.getByTestId('report-tab-agent-timesheet').click();
    await page.locator('[data-testid="report-view"][data-report="agent-timesheet"]').waitFor();
    expect(await text(page.getByTestId('report-chart-title-number'))).toBe('Sessions');
  }, 120_000);

  it('agrees on David: the same wrap-up in the Agents report and the Timesheet', async () => {
    const { page } = b;
    const cellsOf = async (report: string) => {
      await page.getByTestId(`report-tab-${report}`).click();
      await page.locator(`[data-testid="report-view"][data-report="${report}"]`).waitFor();
      const heads = await page.locator('[data-testid="report-table"] thead th').allTextContents();
      const row = await page.getByTestId('report-row').first().locator('td').allTextContents();
      return Object.fromEntries(heads.map((h, i) => [h.trim(), (row[i] ?? '').trim()]));
    };
    const agents = await cellsOf('agent-activity');
    const sheet = await cellsOf('agent-timesheet');
    expect(agents.Agent).toBe('David Stone');
    // Wrap-up 20 + 30 + 10 + 20 = 80 s; AHT = (510 talk + 10 hold + 80 wrap-up) / 4 = 150 s.
    expect(agents['Wrap-up time']).toBe('1m 20s');
    expect(sheet['Wrap-up']).toBe('1m 20s');
    expect(agents['Average handle time']).toBe('2m 30s');
  }, 60_000);

  it('explains a reversed date range instead of running the report', async () => {
    const { page } = b;
    const from = await page.getByTestId('range-from').inputValue();
    const before = new Date(Date.parse(from) - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('range-to').fill(before);
    const sentence = await text(page.getByTestId('report-range-error'));
    expect(sentence).toBe(`The “To” date (${before}) is before the “From” date (${from}). Choose a “To” date on or after the “From” date to run the report.`);
    expect(await page.getByTestId('report-view').count()).toBe(0);
  }, 60_000);
});

function kpi(page: Page, column: string): Promise<string> {
  return text(page.getByTestId(`report-kpi-${column}`)).then((t) => t.trim());
}

async function untilText(page: Page, testId: string, value: string): Promise<void> {
  await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === v, [testId, value] as const, {
    timeout: 15_000,
  });
}
