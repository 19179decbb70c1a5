/** Launching Debian's Chromium, and a page that records every uncaught error and console error. */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors, CSP violations, crashed workers. */
  errors: string[];
}

/** Reports every securitypolicyviolation event of the document to the test. */
const CSP_PROBE = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  }, true);
`;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
  extra: { deviceScaleFactor?: number; isMobile?: boolean; hasTouch?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, ...extra });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) => w.on('close', () => undefined));
  // Content-Security-Policy violations of the page (the browser also logs most of them, but not all).
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => errors.push(`csp: ${text}`));
  await context.addInitScript({ content: CSP_PROBE });
  return { context, page, errors };
}
