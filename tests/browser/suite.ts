/**
 * One browser suite per test file: serves the build under a sub-path with a strict CSP, launches
 * Chromium once, and closes every page a test opened after that test.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DESKTOP, launch, openPage, type WatchedPage } from './browser';
import { type StaticServer, serveDist } from './server';

/**
 * Most tests want the run flat out, not the time-lapse a first visit plays: `speed=max` is added to a
 * path that names no speed. Pass `lapse: true` (or a speed in the path) to see what a visitor sees.
 */
export function withSpeed(path: string): string {
  if (/[?&]speed=/.test(path)) return path;
  if (path === '') return '?speed=max';
  return path.startsWith('?') ? `${path}&speed=max` : path;
}

export interface OpenOptions {
  /** Scripts run in the page before its own. */
  init?: string[];
  touch?: boolean;
  /** Open the path as given, at the default speed (the time-lapse). */
  lapse?: boolean;
  /** Called with the address of every request of the page, its workers and its service worker. */
  onRequest?: (url: string) => void;
}

export interface Suite {
  /** The site's address (ends with the sub-path). */
  readonly url: string;
  open(path?: string, viewport?: typeof DESKTOP, opts?: OpenOptions): Promise<WatchedPage>;
}

export function browserSuite(root = 'dist'): Suite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'index.html')))
      throw new Error(`${root}/ is missing: run \`npm run build\` first`);
    await mkdir('test-results', { recursive: true });
    server = await serveDist({ root, base: '/some/sub/path/', csp: true });
    browser = await launch();
  });

  afterEach(async () => {
    for (const w of pages.splice(0)) await w.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get url() {
      return server!.url;
    },
    async open(path = '', viewport = DESKTOP, opts = {}) {
      const w = await openPage(browser!, viewport, opts.touch ? { hasTouch: true, isMobile: true } : {});
      for (const script of opts.init ?? []) await w.context.addInitScript({ content: script });
      const { onRequest } = opts;
      if (onRequest) w.context.on('request', (r) => onRequest(r.url()));
      pages.push(w);
      await w.page.goto(`${server!.url}${opts.lapse ? path : withSpeed(path)}`);
      return w;
    },
  };
}
