import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { logIn, openBrowser, text } from './support/browser.ts';

/** The page's width as laid out: wider than the window means a sideways scroll. */
function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

/** True when the element's box lies wholly inside the window. */
async function fullyVisible(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height;
}

/** The relative luminance (0 black … 1 white) of a CSS `rgb()` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the layout in Chromium', () => {
  let server: TestServer;
  let shots: string;
  beforeAll(async () => {
    server = await startTestServer();
    // The browser connects from 127.0.0.1: register that address as a desk with extension 1001.
    await server.repos.workstations.create({ name: 'Desk Test', ip: '127.0.0.1', pbx: 'main', extension: '1001' });
    shots = mkdtempSync(join(tmpdir(), 'amiable-layout-'));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  it('the Arabic layout: an Arabic browser gets the app right to left, in Arabic, with the navigation on the right', async () => {
    const b = await openBrowser(server.url, { locale: 'ar-MA' });
    try {
      const { page } = b;
      await page.goto('/');
      await page.getByTestId('login-form').waitFor();
      const html = page.locator('html');
      expect(await html.getAttribute('dir')).toBe('rtl');
      expect(await html.getAttribute('lang')).toBe('ar');
      expect(await text(page.getByTestId('login-submit'))).toBe('تسجيل الدخول');
      // The language switch is on the login page too, and shows the language in use.
      expect(await page.getByTestId('language-switch').inputValue()).toBe('ar');

      // A wrong password is told as a sentence in Arabic, not as a code.
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      expect(await text(page.getByTestId('login-error'))).toBe('اسم المستخدم أو كلمة المرور غير صحيحة.');

      await logIn(page, 'admin');
      await page.getByTestId('nav-admin-customers').click();
      await page.getByTestId('admin-customers').waitFor();
      expect(await text(page.getByTestId('nav'))).toContain('الإدارة');
      expect(await text(page.locator('.page-header h1'))).toBe('العملاء');

      // The navigation sits on the inline-start side, which is the right in Arabic.
      const nav = await page.getByTestId('nav').boundingBox();
      const main = await page.locator('main.main').boundingBox();
      const width = page.viewportSize()?.width ?? 0;
      expect(nav && main).toBeTruthy();
      expect(nav!.x).toBeGreaterThanOrEqual(main!.x + main!.width - 1);
      expect(Math.round(nav!.x + nav!.width)).toBe(width);
      // Table cells start on the right too.
      const header = await page.locator('[data-testid="admin-customers-table"] th').first().evaluate((th) => getComputedStyle(th).textAlign);
      expect(['start', 'right']).toContain(header);

      const file = join(shots, 'arabic-customers.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(0);
    } finally {
      await b.close();
    }
  }, 90_000);

  it('the 390 px layout: desk, wallboard and admin fit a phone, and Transfer and Hang up stay on screen during a call', async () => {
    const b = await openBrowser(server.url, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = b;
      const sim = server.demo!.sim;
      await logIn(page, 'alice');
      // On a phone the navigation is a bar with a menu button.
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-desktop').click();
      await page.getByTestId('btn-signin').click();
      await page.getByTestId('agent-desktop').waitFor();
      const stateBar = page.getByTestId('state-bar');
      if ((await stateBar.getAttribute('data-state')) !== 'ready') await page.getByTestId('btn-ready').click();
      await page.locator('[data-testid="state-bar"][data-state="ready"]').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

      // A call: the controls fit the screen.
      sim.setPhone('1001', { mode: 'noanswer' });
      sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
      await page.locator('[data-testid="screen-pop"][data-phase="ringing"]').waitFor({ timeout: 15_000 });
      sim.answer('1001');
      await page.locator('[data-testid="state-bar"][data-state="on-call"]').waitFor();
      const transfer = page.getByTestId('btn-transfer');
      const hangup = page.getByTestId('btn-hangup');
      await transfer.waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await transfer.scrollIntoViewIfNeeded();
      expect(await fullyVisible(page, transfer)).toBe(true);
      await hangup.scrollIntoViewIfNeeded();
      expect(await fullyVisible(page, hangup)).toBe(true);
      await b.shot('layout-390-desk-on-call');
      await hangup.click();
      await page.locator('[data-testid="state-bar"]:not([data-state="on-call"])').waitFor();

      // The wallboard and an admin page, as the administrator.
      await page.getByTestId('logout').click();
      await logIn(page, 'admin');
      await page.goto('/#/wallboard');
      await page.locator('.queue-tile').first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await b.shot('layout-390-wallboard');
      await page.goto('/#/admin/customers');
      await page.getByTestId('admin-customers-table').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      // A wide table scrolls inside its card instead of widening the page.
      const wrap = page.locator('[data-testid="admin-customers"] .table-wrap');
      expect(await wrap.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
      await b.shot('layout-390-admin-customers');
    } finally {
      await b.close();
    }
  }, 120_000);

  it('dark mode: a browser that prefers dark gets a dark page with readable text', async () => {
    const b = await openBrowser(server.url, { colorScheme: 'dark' });
    try {
      const { page } = b;
      await page.goto('/');
      await page.getByTestId('login-form').waitFor();
      const colours = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const panel = getComputedStyle(document.querySelector('.login-panel') as Element);
        return { bg: body.backgroundColor, text: body.color, panel: panel.backgroundColor };
      });
      expect(luminance(colours.bg)).toBeLessThan(0.05);
      expect(luminance(colours.panel)).toBeLessThan(0.05);
      expect(contrast(colours.text, colours.panel)).toBeGreaterThanOrEqual(7);
      await logIn(page, 'admin');
      await page.goto('/#/admin/customers');
      await page.getByTestId('admin-customers-table').waitFor();
      const cell = await page.locator('[data-testid="admin-customers-table"] td').first().evaluate((td) => getComputedStyle(td).color);
      const card = await page.locator('[data-testid="admin-customers"] .card').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(contrast(cell, card)).toBeGreaterThanOrEqual(4.5);
      await b.shot('layout-dark-admin-customers');
    } finally {
      await b.close();
    }
  }, 90_000);
});
