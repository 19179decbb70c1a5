/**
 * The page trains on the WebAssembly SIMD engine and says so; the tutorial's run ends where the core
 * (JavaScript engine, in Node) ends it, at the same pass with the same loss. Without
 * 'wasm-unsafe-eval' in the page's Content-Security-Policy the worker cannot compile the module and
 * trains in JavaScript, and says that instead.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { fmtNum } from '../../src/ui/format';
import { Session } from '../../src/worker/session';
import { launch, openPage } from './browser';
import { type StaticServer, serveDist } from './server';
import { browserSuite } from './suite';

const suite = browserSuite();

/** The tutorial's run as the worker runs it, to its end, on the JavaScript engine. */
function tutorialEnd(): { state: string; pass: number; loss: string } {
  const s = new Session(0, { ...DEFAULT_CONFIG }, 1);
  while (s.end === null) s.advance(1e6, Number.POSITIVE_INFINITY, () => 0);
  const snap = s.snapshot(false, 0);
  return { state: snap.state, pass: snap.pass, loss: fmtNum(snap.trainLoss) };
}

async function runEnd(page: Page) {
  await page.waitForFunction(
    () =>
      /^(finished|converged)$/.test(
        document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state ?? '',
      ),
    undefined,
    { timeout: 30000 },
  );
  const status = page.getByTestId('status');
  return {
    state: await status.getAttribute('data-state'),
    pass: Number(await status.getAttribute('data-pass')),
    text: (await status.textContent()) ?? '',
  };
}

describe('the training engine in the browser', () => {
  it('reports the WebAssembly SIMD engine and trains the tutorial to the core’s final pass and loss', async () => {
    const want = tutorialEnd();
    const w = await suite.open('?speed=max');
    const end = await runEnd(w.page);
    const engine = w.page.getByTestId('engine');
    expect(await engine.getAttribute('data-engine')).toBe('wasm');
    expect(await engine.textContent()).toBe('engine: WebAssembly SIMD');
    expect(end.state).toBe(want.state);
    expect(end.pass).toBe(want.pass);
    expect(end.text).toContain(`loss ${want.loss}`);
    expect(w.errors).toEqual([]);
  });

  describe('under a policy that forbids compiling WebAssembly', () => {
    let server: StaticServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await serveDist({
        base: '/p/',
        csp: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'",
      });
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('falls back to the JavaScript engine, says so, and ends the run where the core does', async () => {
      const want = tutorialEnd();
      const w = await openPage(browser);
      await w.page.goto(`${server.url}?speed=max`);
      const end = await runEnd(w.page);
      const engine = w.page.getByTestId('engine');
      expect(await engine.getAttribute('data-engine')).toBe('js');
      expect(await engine.textContent()).toBe('engine: JavaScript');
      expect(end.pass).toBe(want.pass);
      expect(end.text).toContain(`loss ${want.loss}`);
      await w.context.close();
    });
  });
});
