/**
 * The page embedded in another site: a host page of another origin frames it at 600x400, as a course
 * would, with the site sending a policy that allows that host to frame it (the suite's strict policy
 * says frame-ancestors 'none').
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, openPage, PHONE } from './browser';
import { STRICT_CSP, type StaticServer, serveDist } from './server';

let host: Server;
let hostUrl = '';
let site: StaticServer;
let browser: Browser;
/** The frame's `src`, per request path of the host. */
const frames = new Map<string, string>();

beforeAll(async () => {
  host = createServer((req, res) => {
    const src = frames.get(req.url ?? '');
    // The browser asks the course's site for its icon too.
    if (!src) return void res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>A course</title><body style="margin:20px;background:#eee">
       <p>Lesson 3: how big a hidden layer?</p>
       <iframe src="${src}" width="600" height="400" title="Neural network playground" style="border:0"></iframe>`,
    );
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  // The site's strict policy, but framed by the course's origin (the README's advice).
  site = await serveDist({
    base: '/some/sub/path/',
    csp: STRICT_CSP.replace("frame-ancestors 'none'", `frame-ancestors ${hostUrl}`),
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise<void>((ok) => {
    host.closeAllConnections();
    host.close(() => ok());
  });
});

async function framed(
  query: string,
  path: string,
): Promise<{ frame: Frame; errors: string[]; close: () => Promise<void> }> {
  frames.set(path, `${site.url}${query}`);
  const w = await openPage(browser, { width: 700, height: 520 });
  await w.page.goto(`${hostUrl}${path}`);
  const handle = await w.page.waitForSelector('iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(
    () => Number(document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.pass) > 0,
  );
  return { frame, errors: w.errors, close: () => w.context.close() };
}

describe('the page embedded in a course page of another origin', () => {
  it('fits 600x400 without scrollbars and shows only the named controls, in order', async () => {
    const { frame, errors, close } = await framed('?hidden=5&embed=1&controls=lr,hidden,data', '/lesson');
    try {
      const fit = await frame.evaluate(() => {
        const el = document.scrollingElement!;
        return {
          origin: window.location.origin,
          top: window.top === window ? 'same' : 'framed',
          width: window.innerWidth,
          height: window.innerHeight,
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          scrollHeight: el.scrollHeight,
          clientHeight: el.clientHeight,
        };
      });
      expect(fit.origin).not.toBe(hostUrl);
      expect(fit.top).toBe('framed');
      expect([fit.width, fit.height]).toEqual([600, 400]);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
      expect(fit.scrollHeight).toBeLessThanOrEqual(fit.clientHeight);

      const settings = frame.getByRole('region', { name: 'Settings' });
      const labels = await settings.locator('label').allTextContents();
      expect(labels).toEqual(['Learning rate', 'Hidden layer size', 'Dataset']);
      expect(await frame.getByRole('slider', { name: 'Regularization' }).count()).toBe(0);
      expect(await frame.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
      // Everything named is on screen, inside the frame.
      for (const name of ['Learning rate', 'Hidden layer size']) {
        const box = await frame.getByRole('slider', { name }).boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(20 + 400 + 60);
      }
      const plot = await frame.locator('.plot').boundingBox();
      expect(plot!.width).toBeGreaterThan(300);
      expect(plot!.height).toBeGreaterThan(250);

      // The controls work inside the frame: the run restarts with the new size, and the frame's URL keeps it.
      await frame.getByRole('slider', { name: 'Hidden layer size' }).focus();
      await frame.page().keyboard.press('ArrowRight');
      await expect.poll(() => frame.evaluate(() => window.location.search)).toContain('hidden=6');
      expect(await frame.evaluate(() => window.location.search)).toContain('embed=1&controls=lr,hidden,data');

      const link = frame.getByRole('link', { name: 'Open in the full playground' });
      expect(await link.getAttribute('target')).toBe('_blank');
      await link.focus();
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toContain('hidden=6');
      expect(href).not.toMatch(/embed=|controls=/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('is the plot only for an empty list, still without scrollbars, and names a bad key', async () => {
    const { frame, errors, close } = await framed('?embed=1&controls=bogus,', '/plot-only');
    try {
      expect(await frame.getByRole('alert').textContent()).toContain('“bogus” is not a setting');
      const fits = await frame.evaluate(() => {
        const el = document.scrollingElement!;
        return el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight;
      });
      expect(fits).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("the full page's Embed button gives the snippet of the current run, and the snippet frames it", async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const w = await openPage(browser, viewport);
      try {
        await w.page.goto(`${site.url}?hidden=4&lr=0.03`);
        await w.page.getByRole('button', { name: 'Embed' }).click();
        const dialog = w.page.getByRole('dialog', { name: 'Embed this run in a page' });
        const snippet = dialog.getByRole('textbox', { name: 'HTML to paste' });
        await expect.poll(() => snippet.inputValue()).toContain('controls=hidden,lr,reg');
        const panel = await dialog.boundingBox();
        expect(panel!.x).toBeGreaterThanOrEqual(0);
        expect(panel!.x + panel!.width).toBeLessThanOrEqual(viewport.width);
        if (viewport !== DESKTOP) continue;

        await dialog.getByRole('textbox', { name: /Controls shown/ }).fill('reg');
        const html = await snippet.inputValue();
        const src = /src="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
        expect(html).toMatch(/width="600" height="400"/);
        frames.set('/from-snippet', src);
        await w.page.goto(`${hostUrl}/from-snippet`);
        const frame = (await (await w.page.waitForSelector('iframe')).contentFrame())!;
        const settings = frame.getByRole('region', { name: 'Settings' });
        await settings.waitFor();
        expect(await settings.locator('label').allTextContents()).toEqual(['Regularization']);
        expect(await frame.evaluate(() => window.location.search)).toMatch(/hidden=4&.*lr=0\.03/);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    }
  });
});
