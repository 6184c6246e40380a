import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { type BrowserSession, logIn, openBrowser, text } from './support/browser.ts';
import { apiGet, apiLogin } from './support/rest.ts';

/**
 * 10,000 customers (header on line 1, customer i on line i + 2) with three bad rows:
 * line 1001 has no name, line 5002 an unparseable number, line 9999 no number at all.
 */
const BAD_LINES = [1001, 5002, 9999];

function customersCsv(): string {
  const lines = ['number,name,address,language,notes'];
  for (let i = 0; i < 10_000; i++) {
    const line = i + 2;
    const number = `+44 20 7946 ${String(i).padStart(4, '0')}`;
    const name = `Customer ${i}`;
    if (line === 1001) lines.push(`${number},,1 Test Street,en,`);
    else if (line === 5002) lines.push(`call-me-maybe,${name},2 Test Street,en,`);
    else if (line === 9999) lines.push(`,${name},3 Test Street,en,`);
    else lines.push(`${number},${name},"${i} Long Road, London",${i % 2 ? 'en' : 'fr'},imported`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the customer CSV import in Chromium', () => {
  let server: TestServer;
  let b: BrowserSession;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser(server.url);
    dir = mkdtempSync(join(tmpdir(), 'amiable-csv-'));
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports 10,000 customers, lists the three bad rows by line number, and keeps every other row', async () => {
    const { page } = b;
    const token = await apiLogin(server.url, 'admin');
    const seeded = (await apiGet<{ total: number }>(server.url, token, '/api/customers?limit=1')).total;
    expect(seeded).toBeGreaterThan(0);
    const file = join(dir, 'customers.csv');
    writeFileSync(file, customersCsv());

    await logIn(page, 'admin');
    await page.getByTestId('nav-admin-customers').click();
    await page.getByTestId('admin-customers').waitFor();
    await page.getByTestId('open-import').click();
    await page.getByTestId('customer-import').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    // Keep the good rows even though some are bad.
    await page.getByTestId('import-all-or-nothing').uncheck();
    await b.shot('import-1-ready');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-success').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-progress').getAttribute('data-value')).toBe('100');
    expect(await text(page.getByTestId('import-success'))).toMatch(/9,?997 created/);

    const rows = page.getByTestId('import-bad-row');
    expect(await rows.count()).toBe(3);
    const lines = (await rows.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-line'))))).sort((a, b) => a - b);
    expect(lines).toEqual(BAD_LINES);
    expect(await text(page.locator('[data-testid="import-bad-row"][data-line="1001"]'))).toMatch(/name is required/);
    expect(await text(page.locator('[data-testid="import-bad-row"][data-line="5002"]'))).toMatch(/not a valid phone number/);
    expect(await text(page.locator('[data-testid="import-bad-row"][data-line="9999"]'))).toMatch(/number is required/);
    // The customer list reloads with the new rows, a page at a time.
    await page.getByTestId('crud-truncated').waitFor();
    expect(await text(page.getByTestId('crud-truncated'))).toContain(`of ${(seeded + 9_997).toLocaleString('en-GB')}`);
    expect(await page.getByTestId('crud-row').count()).toBeGreaterThan(0);
    await b.shot('import-2-done');

    // Nothing else was lost: the seeded customers plus 9,997 imported ones.
    const after = await apiGet<{ total: number }>(server.url, token, '/api/customers?limit=1');
    expect(after.total).toBe(seeded + 9_997);
    const found = await apiGet<{ items: Array<{ name: string }> }>(server.url, token, `/api/customers/lookup?number=${encodeURIComponent('+442079469998')}`);
    expect(found.items.map((c) => c.name)).toEqual(['Customer 9998']);
    // Line 1001 (customer 999, no name) was not imported.
    const missing = await fetch(`${server.url}/api/customers/lookup?number=${encodeURIComponent('+442079460999')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
  }, 150_000);
});
