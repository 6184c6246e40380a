import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { eventually } from './support/rest.ts';

const AGENT_EXTENSIONS = ['1002', '1003', '1004', '1005', '1006'];

describe('the supervisor wallboard in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  beforeAll(async () => {
    // bilal..farid are signed in and ready; no wrap-up so answered agents come straight back.
    server = await startTestServer({ demo: { callsPerMinute: 0, autoSignIn: true }, wrapup: { seconds: 0, mode: 'timeout' } });
    await eventually(() => (server.agents.list().filter((a) => a.state === 'ready').length >= 5 ? true : undefined), 'five ready agents', 15_000);
    b = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('counts callers waiting and answered in the lang-en tile as calls arrive, and force-pauses an agent from the grid', async () => {
    const { page } = b;
    const sim = server.demo!.sim;
    await logIn(page, 'sam');
    await page.getByTestId('nav-wallboard').click();
    const tile = page.getByTestId('queue-tile-lang-en');
    await tile.waitFor();
    expect(await figure(tile.page(), 'lang-en', 'queue-waiting')).toBe('0');
    expect(await figure(page, 'lang-en', 'queue-answered')).toBe('0');
    const readyBefore = Number(await figure(page, 'lang-en', 'queue-ready'));
    expect(readyBefore).toBeGreaterThan(0);
    await b.shot('wallboard-1-quiet');

    // Two callers arrive while nobody picks up: the tile shows them waiting.
    for (const ext of AGENT_EXTENSIONS) sim.setPhone(ext, { mode: 'noanswer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15552345678', callerName: 'John Carter' });
    await untilFigure(page, 'lang-en', 'queue-waiting', '2');
    await b.shot('wallboard-2-waiting');

    // Agents pick both calls up: nobody waits any more, two answered, agents on call.
    // The queue rings its agents for the caller at the head, so pick up as each call rings.
    let answered = 0;
    await eventually(() => {
      for (const ext of AGENT_EXTENSIONS) if (sim.answer(ext)) answered++;
      return answered >= 2 ? true : undefined;
    }, 'two calls answered');
    await untilFigure(page, 'lang-en', 'queue-waiting', '0');
    await untilFigure(page, 'lang-en', 'queue-oncall', '2');
    await b.shot('wallboard-3-on-call');
    // Asterisk counts a queue call as completed when it ends.
    for (const ext of AGENT_EXTENSIONS) sim.hangupPhone(ext);
    await untilFigure(page, 'lang-en', 'queue-oncall', '0');
    await untilFigure(page, 'lang-en', 'queue-answered', '2');
    expect(await figure(page, 'lang-en', 'queue-abandoned')).toBe('0');
    await b.shot('wallboard-4-answered');

    // Force a pause from the agents grid.
    const target = server.agents.list().find((a) => a.state === 'ready')!;
    const row = page.getByTestId(`agent-row-${target.agentId}`);
    await row.getByTestId('agent-actions').click();
    await b.shot('wallboard-5-actions');
    await page.getByTestId('action-pause-break').click();
    await page.locator(`[data-testid="agent-row-${target.agentId}"][data-state="paused"]`).waitFor();
    expect(await text(row.getByTestId('agent-state'))).toMatch(/paused|break/i);
    const after = await eventually(() => {
      const a = server.agents.get(target.agentId);
      return a?.state === 'paused' ? a : undefined;
    }, 'the agent paused on the server');
    expect(after.reason).toBe('break');
    expect(sim.snapshot().members.filter((m) => m.interface === `PJSIP/${target.extension}`).every((m) => m.paused)).toBe(true);
    await b.shot('wallboard-6-paused');
  }, 120_000);
});

function figure(page: Page, queue: string, id: string): Promise<string> {
  return text(page.getByTestId(`queue-tile-${queue}`).getByTestId(id)).then((t) => t.trim());
}

async function untilFigure(page: Page, queue: string, id: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([q, i, v]) => document.querySelector(`[data-testid="queue-tile-${q}"] [data-testid="${i}"]`)?.textContent?.trim() === v,
    [queue, id, value] as const,
    { timeout: 15_000 },
  ).catch(async (err: unknown) => {
    await page.screenshot({ path: `screenshots/wallboard-failed-${queue}-${id}.png`, fullPage: true });
    throw new Error(`${queue} ${id} never showed ${value} (now ${await figure(page, queue, id)})`, { cause: err });
  });
}
