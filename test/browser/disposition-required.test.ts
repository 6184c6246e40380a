import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiLogin } from './support/rest.ts';

/**
 * Disposition required before Ready, as people see it: the admin makes lang-en require a
 * disposition on the Dispositions page; after a lang-en call alice's Ready is disabled with the
 * reason (and the server refuses it too); she picks a code, writes a note, corrects the customer's
 * company; Ready works; the admin's call log shows the disposition and the note.
 */
describe('disposition required before Ready (Chromium)', () => {
  let server: TestServer;
  let admin: BrowserSession;
  let desk: BrowserSession;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 600, mode: 'manual' } });
    await server.repos.workstations.create({ name: 'Desk Test', ip: '127.0.0.1', pbx: 'main', extension: '1001' });
    admin = await openBrowser(server.url);
    desk = await openBrowser(server.url);
  }, 60_000);
  afterAll(async () => {
    await desk?.close();
    await admin?.close();
    await server?.close();
  });

  it('holds Ready until alice picks a code and writes a note, then the call log shows them', async () => {
    // The admin makes lang-en require a disposition (its demo codes are already there).
    const a = admin.page;
    await logIn(a, 'admin');
    await a.goto('/#/admin/dispositions');
    await a.getByTestId('dispositions-queue-lang-en').click();
    const editor = a.getByTestId('dispositions-editor');
    await editor.waitFor();
    expect(await a.getByTestId('dispositions-code').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'resolved', 'callback', 'escalated', 'wrong-number',
    ]);
    // A bad code is refused in the page with a sentence naming the line and field.
    await a.getByTestId('dispositions-add').click();
    await a.getByTestId('dispositions-code').last().fill('not valid');
    await a.getByTestId('dispositions-save').click();
    expect(await text(a.getByTestId('dispositions-problem'))).toMatch(/Code on line 5/);
    await a.getByTestId('dispositions-code').last().fill('sold');
    await a.getByTestId('dispositions-label').last().fill('Sold');
    await a.getByTestId('dispositions-required').check();
    await a.getByTestId('dispositions-save').click();
    await a.getByTestId('dispositions-queue-lang-en').filter({ hasText: 'Required before Ready' }).waitFor();
    expect((await server.repos.dispositions.get('main', 'lang-en'))?.required).toBe(true);
    await admin.shot('dispositions-1-admin');

    // Alice takes a lang-en call and hangs up.
    const p = desk.page;
    await logIn(p, 'alice');
    await p.getByTestId('nav-desktop').click();
    await p.getByTestId('btn-signin').click();
    await p.getByTestId('agent-desktop').waitFor();
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 200 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer', talkMs: 800 });
    await p.locator('[data-testid="state-bar"][data-state="wrap-up"]').waitFor({ timeout: 20_000 });

    // Ready is disabled, with the reason, and the server refuses it as well.
    const panel = p.getByTestId('wrapup-panel');
    await panel.getByTestId('wrapup-required').waitFor();
    const ready = p.getByTestId('btn-end-wrapup');
    expect(await ready.isDisabled()).toBe(true);
    expect(await ready.getAttribute('title')).toMatch(/Choose a disposition for your last call \(queue lang-en\)/);
    expect(await text(p.getByTestId('wrapup-ready-blocked'))).toMatch(/Choose a disposition/);
    const token = await apiLogin(server.url, 'alice');
    const refused = await fetch(`${server.url}/api/commands/agent.endWrapup`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('CTI_ERR_DISPOSITION_REQUIRED');
    await desk.shot('dispositions-2-wrapup-blocked');

    // She corrects the customer's company, picks a code and writes a note.
    await panel.getByTestId('wrapup-customer').waitFor();
    await panel.getByTestId('wrapup-customer-company').fill('Springfield Plumbing');
    await panel.getByTestId('wrapup-customer-save').click();
    await expect.poll(async () => (await server.repos.customers.search({ q: 'Jane Customer' })).items[0]?.company).toBe('Springfield Plumbing');
    await panel.getByTestId('wrapup-disposition').selectOption('callback');
    await panel.getByTestId('wrapup-notes').fill('Call back Monday about the invoice');
    await panel.getByTestId('wrapup-save').click();
    await panel.getByTestId('wrapup-saved').waitFor();
    await p.locator('[data-testid="btn-end-wrapup"]:not([disabled])').waitFor();
    await desk.shot('dispositions-3-wrapup-done');
    await ready.click();
    await p.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();

    // The admin's call log shows the disposition and the note.
    await a.goto('/#/admin/calls');
    const row = a.getByTestId('call-log-row').filter({ hasText: 'lang-en' }).first();
    await row.waitFor();
    expect(await text(row.getByTestId('call-log-disposition'))).toContain('callback');
    expect(await text(row.getByTestId('call-log-notes'))).toBe('Call back Monday about the invoice');
    await admin.shot('dispositions-4-call-log');
  }, 180_000);
});
