import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/url';
import { DESKTOP, type WatchedPage } from './browser';
import { inkShares, longTasksDuring, query, repeatFor, statusText, WATCH_LONG_TASKS } from './probes';
import { browserSuite } from './suite';

const suite = browserSuite();

function open(path: string, viewport = DESKTOP, init: string[] = []): Promise<WatchedPage> {
  return suite.open(path, viewport, { init });
}

const GALLERY = '[data-testid="gallery-status"]';

/** Waits until every tile of the gallery has ended. */
async function waitForGallery(page: Page): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const s = document.querySelector<HTMLElement>(sel);
      return !!s && s.dataset.total !== '0' && s.dataset.done === s.dataset.total;
    },
    GALLERY,
    { timeout: 120000 },
  );
}

async function waitForRunEnd(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const state = document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state;
      return state === 'finished' || state === 'converged';
    },
    undefined,
    { timeout: 60000 },
  );
}

/** Train and test accuracy as a tile, the baseline or the status line shows them ("97.5%"). */
function accuracies(text: string): string[] {
  return [...text.matchAll(/(\d+\.\d)%/g)].map((m) => m[1]!);
}

describe('the experiments in Chromium', () => {
  it('fills in the gallery, and a tile loads its configuration into the URL and the status', async () => {
    const { page, errors } = await open('?test=0.3&passes=3000&view=gallery');
    const tiles = page.getByRole('list', { name: 'Decision boundaries by hidden size' }).getByRole('link');
    await expect.poll(() => tiles.count()).toBe(7);
    await waitForGallery(page);
    const texts = await tiles.allTextContents();
    expect(texts.map((t) => t.split(' hidden unit')[0])).toEqual(['1', '2', '3', '4', '5', '20', '50']);
    for (const t of texts) expect(t).toMatch(/train \d+\.\d%test \d+\.\d%/);
    // Every tile draws its boundary: a canvas paints in the animation frame after its last grid came,
    // so the status can say "done" one frame before the last tile is drawn.
    await expect
      .poll(async () => (await inkShares(page, '.tile canvas')).filter((share) => share > 0.9).length)
      .toBe(7);

    const tile = page.getByRole('link', { name: /^5 hidden units/ });
    const tileAcc = accuracies((await tile.textContent()) ?? '');
    await tile.click();
    await page.waitForFunction(() => window.location.search.includes('hidden=5&'));
    const { config } = decodeConfig(await query(page));
    expect(config).toMatchObject({ hidden: [5], test: 0.3, passes: 3000, data: 'moons' });
    expect(await query(page)).not.toContain('view=');
    expect(await page.getByRole('slider', { name: 'Hidden layer size' }).getAttribute('aria-valuetext')).toBe(
      '5 units',
    );
    await waitForRunEnd(page);
    const status = await statusText(page);
    expect(status).toMatch(/of 3,000/);
    // The playground's run of the tile's configuration ends exactly where the tile's did.
    expect(accuracies(status)).toEqual(tileAcc);
    expect(errors).toEqual([]);
  });

  it('has no long task over 50 ms on the main thread while the gallery trains', async () => {
    const { page, errors } = await open('?test=0.3&passes=8000&view=gallery', DESKTOP, [WATCH_LONG_TASKS]);
    // From the moment the first tile shows a boundary: the page's own start-up is not measured.
    await page.waitForFunction(() => document.querySelector('.tile[data-state="training"] canvas'));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.tile-acc')].some((e) => /\d%/.test(e.textContent ?? '')),
    );
    const input = page.getByRole('textbox', { name: 'Hidden sizes' });
    const box = await input.boundingBox();
    if (!box) throw new Error('no box for the sizes field');
    // Meanwhile the person hovers over tiles and types: input events only, no test scripts.
    const { long, own, around } = await longTasksDuring(page, async () => {
      await repeatFor(2500, 4, async (round) => {
        await page.mouse.move(100 + (round % 5) * 150, 420 + (round % 2) * 200, { steps: 5 });
        await page.mouse.click(box.x + box.width - 5, box.y + box.height / 2);
        await page.keyboard.press('End');
        await page.keyboard.type(round % 2 ? '' : ' ');
      });
    });
    const done = await page.evaluate(
      (sel) => Number(document.querySelector<HTMLElement>(sel)?.dataset.done),
      GALLERY,
    );
    expect({ own, long, around }).toEqual({ own: [], long, around });
    // The gallery was really training during the measurement.
    expect(done).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('fits the logistic-regression baseline in its worker and shows it beside the network', async () => {
    const { page, errors } = await open('?view=baseline');
    const baseline = page.getByTestId('baseline-accuracy');
    await expect.poll(() => baseline.textContent(), { timeout: 30000 }).toBe('train 85.0%');
    await expect.poll(() => page.getByText(/^C = 2\.78, chosen by 5-fold/).count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('network-accuracy').textContent(), { timeout: 60000 })
      .toBe('train 97.5%');
    // Both plots draw their boundary (in the frame after their data came).
    await expect
      .poll(async () => (await inkShares(page, '.versus-plot canvas')).filter((share) => share > 0.5).length)
      .toBe(2);
    expect(errors).toEqual([]);
  });

  it('lays out the equations as MathML', async () => {
    const { page, errors } = await open('?view=equations&hidden=8,5');
    const table = page.getByRole('table', { name: /^Forward propagation/ });
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.textContent()).toContain('200 × 8 · 8 × 5 + 1 × 5 → 200 × 5');
    // MathML Core layout: a fraction is taller than a line of text, a subscript sits lower than its base.
    const layout = await page.evaluate(() => {
      const frac = document.querySelector('mfrac')!.getBoundingClientRect();
      const sub = document.querySelector('msub')!;
      const [base, index] = [...sub.children].map((c) => c.getBoundingClientRect());
      return { fracHeight: frac.height, baseBottom: base!.bottom, indexBottom: index!.bottom };
    });
    expect(layout.fracHeight).toBeGreaterThan(28);
    expect(layout.indexBottom).toBeGreaterThan(layout.baseBottom);
    expect(errors).toEqual([]);
  });

  it('loads an exercise’s preset into the playground', async () => {
    const { page, errors } = await open('?view=exercises');
    await page.getByRole('link', { name: 'Spiral, two layers of 20' }).click();
    await page.waitForFunction(() => window.location.search.includes('hidden=20,20&'));
    expect(decodeConfig(await query(page)).config).toMatchObject({ data: 'spiral', classes: 3 });
    await expect.poll(() => statusText(page)).toMatch(/Pass [\d,]+ of 5,000/);
    expect(errors).toEqual([]);
  });
});
