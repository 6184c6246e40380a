import ar from '../../packages/web/src/i18n/locales/ar/supervisor.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { userId } from '../../packages/server/test/workflow/helpers.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiGet, apiLogin, eventually } from './support/rest.ts';

interface AuditPage {
  items: Array<{ username: string | null; role: string | null; action: string; ok: boolean; args: { callId?: string; agentId?: string } | null }>;
}

/** Counts every sound the page could make: Web Audio contexts created and media elements played. */
const COUNT_SOUNDS = () => {
  const w = window as unknown as Record<string, unknown> & { __sounds: number };
  w.__sounds = 0;
  for (const name of ['AudioContext', 'webkitAudioContext']) {
    const Original = w[name] as (new (...args: unknown[]) => object) | undefined;
    if (!Original) continue;
    w[name] = class extends Original {
      constructor(...args: unknown[]) {
        super(...args);
        w.__sounds++;
      }
    };
  }
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    w.__sounds++;
    return play.call(this);
  };
};

describe("the supervisor's hang-up, in Chromium", () => {
  let server: TestServer;
  let b: BrowserSession;
  let alice: string;
  beforeAll(async () => {
    server = await startTestServer({ demo: { callsPerMinute: 0, autoSignIn: false } });
    alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    b = await openBrowser(server.url);
    await b.context.addInitScript(COUNT_SOUNDS);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('sam sees alice on a call, listens in, hangs it up from the grid, is told once the call is gone, and the audit log names sam', async () => {
    const { page } = b;
    const sim = server.demo!.sim;
    await logIn(page, 'sam');
    await page.getByTestId('nav-wallboard').click();
    const row = page.getByTestId(`agent-row-${alice}`);
    await row.waitFor();

    // A caller with no name rings alice while sam watches: the wallboard stays silent.
    sim.setPhone('1001', { mode: 'noanswer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+442079460123', talkMs: 300_000 });
    await page.locator(`[data-testid="agent-row-${alice}"][data-state="ringing"]`).waitFor({ timeout: 15_000 });
    await eventually(() => (sim.answer('1001') ? true : undefined), 'alice answers');
    await page.locator(`[data-testid="agent-row-${alice}"][data-state="on-call"]`).waitFor({ timeout: 15_000 });
    // Who alice talks to (the number as libphonenumber-js groups it) and through which queue.
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="agent-row-${id}"] [data-testid="agent-talking-to"]`)?.textContent?.includes('+44 20 7946 0123'),
      alice,
      { timeout: 10_000 },
    );
    expect(await text(row.getByTestId('agent-call-queue'))).toBe('lang-en');
    expect(await page.evaluate(() => (window as unknown as { __sounds: number }).__sounds)).toBe(0);
    await b.shot('supervisor-hangup-1-on-call');

    // Sam listens first: his phone (1010) rings and he answers; the wallboard says so once ChanSpy is attached.
    sim.setPhone('1010', { mode: 'answer', answerAfterMs: 300 });
    await row.getByTestId('agent-actions').click();
    await page.getByTestId('action-listen').click();
    await page.getByTestId('toast-success').filter({ hasText: "You are listening to Alice Martin's call." }).waitFor({ timeout: 20_000 });
    expect(await text(row.getByTestId('agent-supervision'))).toBe('sam is listening');
    expect(await row.getByTestId('agent-supervision').getAttribute('data-mode')).toBe('listen');
    await b.shot('supervisor-hangup-2-listening');
    sim.hangupPhone('1010');
    await row.getByTestId('agent-supervision').waitFor({ state: 'detached', timeout: 10_000 });

    // Hang up from the grid. The confirmation comes with the call's end, not with the command's answer.
    await row.getByTestId('agent-actions').click();
    await page.getByTestId('action-hangup').click();
    const toast = page.getByTestId('toast-success').filter({ hasText: "Alice Martin's call has been hung up." });
    await toast.waitFor({ timeout: 15_000 });
    expect(sim.snapshot().channels.filter((c) => c.endpoint === '1001')).toEqual([]);
    await page.locator(`[data-testid="agent-row-${alice}"]:not([data-state="on-call"])`).waitFor({ timeout: 10_000 });
    expect(await text(row.getByTestId('agent-talking-to'))).not.toContain('+44');
    await b.shot('supervisor-hangup-3-confirmed');

    // The audit log names sam, the supervisor who asked, with alice's call.
    const admin = await apiLogin(server.url, 'admin');
    const audit = await eventually(async () => {
      const page = await apiGet<AuditPage>(server.url, admin, '/api/audit?action=call.hangup&limit=20');
      return page.items.find((e) => e.ok && e.args?.agentId === alice);
    }, 'the audit record of the hang-up');
    expect(audit).toMatchObject({ username: 'sam', role: 'supervisor', action: 'call.hangup', ok: true });
    expect(await page.evaluate(() => (window as unknown as { __sounds: number }).__sounds)).toBe(0);

    // The same wallboard in Arabic: right to left, every string of the page translated.
    await page.goto('/?lang=ar#/wallboard');
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await text(page.getByTestId('wallboard').locator('h1'))).toBe(ar.title);
    const state = (await row.getAttribute('data-state')) as keyof typeof ar.state;
    expect(await text(row.getByTestId('agent-state'))).toBe(ar.state[state]);
    await b.shot('supervisor-hangup-4-arabic');
  }, 90_000);
});
