import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIST = join(ROOT, 'packages/web/dist');
export const SCREENSHOTS = join(ROOT, 'screenshots');
const CHROMIUM = process.env.AMIABLE_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with an actionable message when the web app or the browser is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIST}/index.html is missing). Run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with \`apt-get install chromium\` or set AMIABLE_CHROMIUM.`);
  }
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot as screenshots/<name>.png. */
  shot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/** How the browser presents itself: its language, window size and light or dark preference. */
export interface BrowserOptions {
  /** The browser's language (navigator.language and Accept-Language); en-GB by default. */
  locale?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** Headless Chromium with a fresh profile and one page pointed at the server. */
export async function openBrowser(baseURL: string, options: BrowserOptions = {}): Promise<BrowserSession> {
  assertPrerequisites();
  const profile = mkdtempSync(join(tmpdir(), 'amiable-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    ignoreDefaultArgs: ['--headless'],
    headless: true,
    baseURL,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'UTC',
  });
  const browser = context.browser() as Browser;
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    context,
    page,
    async shot(name, target = page) {
      // Sticky headers would otherwise be drawn mid-page in a full-page capture.
      await target.evaluate(() => window.scrollTo(0, 0));
      await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`The page raised errors: ${errors.join('; ')}`);
    },
  };
}

/** Signs in through the login form and waits for the application shell. */
export async function logIn(page: Page, username: string, password = `${username}-demo`): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

/** The rendered text of an element (Playwright's innerText, as the user sees it). */
export function text(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator API, not a DOM node.
  return locator.innerText();
}
