/**
 * The page's layout on a phone and on a desktop, in Chromium: the plot in view while a setting moves,
 * targets a finger can hit, explanations by touch, one scrolling page. (The diagram's live heatmaps
 * without long tasks: inside-data.test.ts.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from './browser';
import { browserSuite } from './suite';

const suite = browserSuite();

/** Records, every frame from now on, whether the plot's box lies within the viewport. */
const WATCH_PLOT_BOX = `
  window.__plotBoxes = { frames: 0, outside: [] };
  const tick = () => {
    const plot = document.querySelector('.plot');
    if (plot && window.__watchPlot) {
      const r = plot.getBoundingClientRect();
      window.__plotBoxes.frames++;
      if (r.top < -0.5 || r.bottom > innerHeight + 0.5 || r.height < 100)
        window.__plotBoxes.outside.push([Math.round(r.top), Math.round(r.bottom)]);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

async function showInside(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('.inside')?.scrollIntoView());
  await page.locator('.diagram').waitFor();
  await page.locator('.diagram').scrollIntoViewIfNeeded();
}

describe('on a phone (390 x 844, touch)', () => {
  it('keeps the plot in view while the hidden-size slider is being moved', async () => {
    const { page, errors } = await suite.open('', PHONE, { touch: true, init: [WATCH_PLOT_BOX] });
    // Nothing is wider than the screen (the page does not pan sideways).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    const slider = page.getByRole('slider', { name: 'Hidden layer size', exact: true });
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    // The slider is on screen and not under the plot: a finger reaches it.
    const hit = await page.evaluate(
      ([x, y]) =>
        document.elementFromPoint(x!, y!)?.getAttribute('aria-label') ??
        (document.elementFromPoint(x!, y!) as HTMLInputElement | null)?.labels?.[0]?.textContent,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe('Hidden layer size');
    await page.evaluate(() => {
      (window as unknown as { __watchPlot: boolean }).__watchPlot = true;
    });
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 20, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 25 });
    await page.mouse.up();
    await page.waitForFunction(() => window.location.search.includes('hidden='));
    const seen = await page.evaluate(
      () => (window as unknown as { __plotBoxes: { frames: number; outside: number[][] } }).__plotBoxes,
    );
    expect(seen.frames).toBeGreaterThan(3);
    expect(seen.outside).toEqual([]);
    // The status line has scrolled away; the plot carries the pass and the loss.
    expect(
      await page
        .getByTestId('status')
        .boundingBox()
        .then((b) => b && b.y + b.height < 0),
    ).toBe(true);
    const pass = page.getByTestId('plot-pass');
    // (Between runs there is nothing to say until the new run's first snapshot.)
    await expect.poll(() => pass.isVisible()).toBe(true);
    await expect.poll(() => pass.textContent()).toMatch(/^pass [\d,]+ · loss [\d.]+$/);
    expect(errors).toEqual([]);
  });

  it('gives every button, link, slider, field and toggle a target of at least 44 x 44 px', async () => {
    const { page, errors } = await suite.open('', PHONE, { touch: true });
    await showInside(page);
    await page.waitForFunction(() => document.querySelectorAll('.diagram .unit[role="button"]').length === 3);
    const small = await page.evaluate(() => {
      const targets: Element[] = [
        ...document.querySelectorAll('button, a[href], select, input, [role="button"], .file-button'),
      ];
      const out: string[] = [];
      let checked = 0;
      for (const el of targets) {
        // A toggle's target is its label; a file input's is its button-like label.
        const input = el instanceof HTMLInputElement ? el : null;
        const target =
          input && ['checkbox', 'radio', 'file'].includes(input.type) ? (input.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        checked++;
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        if (r.height < 44 || r.width < 44)
          out.push(`${el.tagName} "${name}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
      }
      return { checked, out };
    });
    expect(small.checked).toBeGreaterThan(40);
    expect(small.out).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens an explanation by a tap, and closes it by another', async () => {
    const { page, errors } = await suite.open('', PHONE, { touch: true });
    const about = page.getByRole('button', { name: 'About Learning rate' });
    await about.scrollIntoViewIfNeeded();
    const text = page.locator(`#${(await about.getAttribute('aria-controls'))?.replace(/:/g, '\\:')}`);
    expect(await text.isVisible()).toBe(false);
    await about.tap();
    await expect.poll(() => about.getAttribute('aria-expanded')).toBe('true');
    expect(await text.isVisible()).toBe(true);
    expect(await text.textContent()).toContain('the step size of gradient descent');
    await about.tap();
    await expect.poll(() => text.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('on a desktop (1280 x 800)', () => {
  it('scrolls as one page: no element of its own scrolls, and the plot stays in view down to Export', async () => {
    const { page, errors } = await suite.open('');
    await page.locator('.diagram-wrap, .inside').first().waitFor();
    await showInside(page);
    const scrollers = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(s.overflowY);
        })
        .map((el) => el.className || el.tagName),
    );
    expect(scrollers).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
    // The last settings are reached by scrolling the page, with the plot beside them.
    await page.getByRole('button', { name: 'Export as NumPy' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    const plot = await page.locator('.plot').boundingBox();
    expect(plot && plot.y >= 0 && plot.y + plot.height <= 800).toBe(true);
    expect(errors).toEqual([]);
  });
});
