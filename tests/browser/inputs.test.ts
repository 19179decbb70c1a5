/** Input features and no hidden layer in Chromium: x₁² and x₂² alone separate the circles; toggles. */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PHONE } from './browser';
import { query, statusText } from './probes';
import { browserSuite } from './suite';

const SHOTS = '/work/notes/shots-parity';
const suite = browserSuite();

describe('input features, in Chromium', () => {
  it('a linear model on x₁², x₂² learns the circles; each input node is labelled and has its field', async () => {
    await mkdir(SHOTS, { recursive: true });
    const { page, errors } = await suite.open(
      '?data=circles&noise=0.1&inputs=x1sq,x2sq&hidden=0&passes=2000',
    );
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state === 'finished',
      undefined,
      { timeout: 20000 },
    );
    // The NumPy reference's run (training-options.json, circles_squares_no_hidden): 99.5% of the points.
    expect(await statusText(page)).toMatch(/99\.5\s*%/);
    const group = page.getByRole('group', { name: 'Input features' });
    expect(await group.getByRole('button', { name: 'x₁²' }).getAttribute('aria-pressed')).toBe('true');
    expect(await group.getByRole('button', { name: 'x₁', exact: true }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await page.evaluate(() => document.querySelector('.inside')?.scrollIntoView());
    await expect
      .poll(() => page.locator('.diagram .node.input text').allTextContents())
      .toEqual(['x₁²', 'x₂²']);
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('.diagram-edges canvas')?.dataset.edges) > 0,
    );
    await page.screenshot({ path: `${SHOTS}/inputs-desktop.png` });
    await page.locator('.diagram-view').screenshot({ path: `${SHOTS}/inputs-diagram.png` });
    await group.screenshot({ path: `${SHOTS}/inputs-toggles.png` });

    await group.getByRole('button', { name: 'x₁', exact: true }).click();
    await expect.poll(() => query(page)).toContain('inputs=x1,x1sq,x2sq');
    await expect
      .poll(() => page.locator('.diagram .node.input text').allTextContents())
      .toEqual(['x₁', 'x₁²', 'x₂²']);
    expect(errors).toEqual([]);
  });

  it('fits a phone, toggles and all', async () => {
    const { page, errors } = await suite.open('?inputs=x1,x2,x1x2,sinx1&hidden=4', PHONE);
    const group = page.getByRole('group', { name: 'Input features' });
    await group.scrollIntoViewIfNeeded();
    const box = (await group.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SHOTS}/inputs-phone.png` });
    expect(errors).toEqual([]);
  });

  it('the equations view shows the features, L1 and Adam with live shapes', async () => {
    const { page, errors } = await suite.open(
      '?view=equations&inputs=x1,x1sq,sinx2&l1=0.01&opt=adam&hidden=4',
    );
    const forward = page.getByRole('table', { name: 'Forward propagation (one row per example)' });
    await forward.waitFor();
    expect(await forward.locator('td.shape').first().textContent()).toBe('200 × 3');
    await page.getByRole('table', { name: 'The update, every layer: Adam' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/equations-adam.png` });
    expect(errors).toEqual([]);
  });
});
