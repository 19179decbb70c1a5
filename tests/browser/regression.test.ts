/** Regression in Chromium: the predicted value shaded on a diverging map with its colour bar, the loss. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from './browser';
import { statusText } from './probes';
import { browserSuite } from './suite';

const suite = browserSuite();

/** Shares of the field canvas's pixels that are orange-ish (r > b + 40) and blue-ish (b > r + 40). */
function fieldHues(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.field')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i]! > d[i + 2]! + 40) orange++;
      if (d[i + 2]! > d[i]! + 40) blue++;
    }
    return [orange / (d.length / 4), blue / (d.length / 4)];
  });
}

describe('regression, in Chromium', () => {
  it('shades the six Gaussians’ predicted values, with a colour bar, and shows the loss, no accuracy', async () => {
    const { page, errors } = await suite.open(
      '?data=gauss&noise=0.1&hidden=8,8&opt=adam&lr=0.01&reg=0.001&passes=3000',
    );
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state === 'finished',
      undefined,
      { timeout: 30000 },
    );
    const status = await statusText(page);
    expect(status).toMatch(/loss\s*0\.0\d+/);
    expect(status).not.toMatch(/accuracy/);
    const bar = page.getByTestId('color-bar');
    expect(await bar.getAttribute('aria-label')).toBe('Shading: predicted value (points: their targets)');
    // Three bumps up (blue) and three down (orange): both hues cover a good part of the field.
    await expect.poll(() => fieldHues(page)).toSatisfy(([o, b]) => o > 0.05 && b > 0.05);
    expect(await page.getByRole('button', { name: 'Edit points' }).isDisabled()).toBe(true);
    await page.evaluate(() => document.querySelector('.inside')?.scrollIntoView());
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('.diagram-edges canvas')?.dataset.edges) > 0,
    );
    expect(errors).toEqual([]);
  });

  it('says the baseline and the gallery’s accuracy do not apply, and draws on a phone', async () => {
    const { page, errors } = await suite.open('?data=plane&hidden=3&lr=0.003&view=baseline');
    await expect
      .poll(() => page.getByTestId('baseline-not-applicable').textContent())
      .toMatch(/does not apply/);
    const gallery = await suite.open('?data=plane&hidden=3&lr=0.003&passes=300&view=gallery');
    await expect
      .poll(() => gallery.page.getByTestId('gallery-no-accuracy').textContent())
      .toMatch(/does not apply/);
    await expect.poll(() => gallery.page.locator('.tile').count()).toBeGreaterThan(1);
    expect(await gallery.page.locator('.tile-acc').count()).toBe(0);
    expect(gallery.errors).toEqual([]);
    const phone = await suite.open('?data=plane&hidden=3&lr=0.003&passes=500', PHONE);
    await phone.page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state === 'finished',
    );
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
