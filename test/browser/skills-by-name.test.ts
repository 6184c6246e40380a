import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';

/**
 * Skills by name: the admin creates a new agent with a username and a password, picks her skills
 * by name in the agent form, the agent list shows names (never an id), and the new agent signs in.
 */
describe('skills by name in Chromium', () => {
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

  it('creates Nadia with a username, a password and skills picked by name; she signs in', async () => {
    const { page } = b;
    await logIn(page, 'admin');
    await page.getByTestId('nav-admin-agents').click();
    await page.getByTestId('admin-agents-table').waitFor();
    await page.getByTestId('crud-create').click();
    const dialog = page.getByTestId('crud-dialog');
    await dialog.getByTestId('field-name').fill('Nadia Haddad');
    await dialog.getByTestId('field-username').fill('nadia');
    await dialog.getByTestId('field-password').fill('nadia-secret-1');
    await dialog.getByTestId('field-defaultExtension').fill('1009');
    const add = dialog.getByTestId('field-skills-add');
    // The menu offers skills by their names; their ids (UUIDs here) never show.
    const offered = (await add.locator('option').allInnerTexts()).map((o) => o.trim());
    expect(offered).toEqual(expect.arrayContaining(['Arabic', 'English', 'French']));
    expect(offered.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await add.selectOption({ label: 'Arabic' });
    await add.selectOption({ label: 'French' });
    const rows = dialog.getByTestId('skill-picker-row');
    expect((await rows.allInnerTexts()).map((r) => r.split('\n')[0]?.trim())).toEqual(['Arabic', 'French']);
    await rows.nth(1).locator('input').fill('60');
    await b.shot('admin-new-agent-skills-by-name');
    await dialog.getByTestId('entity-save').click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid="crud-row"]', { hasText: 'Nadia Haddad' });
    await row.waitFor();
    expect(await text(row.getByTestId('agent-username'))).toBe('nadia');
    const pills = await text(row.getByTestId('agent-skills'));
    expect(pills).toContain('Arabic · 100');
    expect(pills).toContain('French · 60');
    // Names only: no UUID anywhere in the agent list.
    expect(await text(page.getByTestId('admin-agents-table'))).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await b.shot('admin-agents-by-name');

    // Nadia signs in with the username and password the admin gave her.
    const nadia = await b.context.newPage();
    await nadia.goto(server.url);
    await nadia.getByTestId('login-username').fill('nadia');
    await nadia.getByTestId('login-password').fill('nadia-secret-1');
    await nadia.getByTestId('login-submit').click();
    await nadia.getByTestId('app-shell').waitFor();
    const me = (await nadia.evaluate(async () => document.body.innerText)) as string;
    expect(me).toMatch(/nadia/i);
    await nadia.close();
  });
});
