/** Input features and no hidden layer in Chromium: x₁² and x₂² alone separate the circles; toggles. */
import { describe, expect, it } from 'vitest';
import { PHONE } from './browser';
import { query, statusText } from './probes';
import { browserSuite } from './suite';

const suite = browserSuite();

describe('input features, in Chromium', () => {
  it('a linear model on x₁², x₂² learns the circles; each input node is labelled and has its field', async () => {
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
    // The diagram's input column: every feature a toggle, the network's two pressed and linked.
    const diagram = page.getByRole('group', { name: 'Network diagram' });
    const pressed = () =>
      page.$$eval('.diagram .toggle-node[aria-pressed="true"]', (els) =>
        els.map((e) => e.getAttribute('data-feature')),
      );
    await expect.poll(() => diagram.getByRole('button', { name: /^input / }).count()).toBe(7);
    await expect.poll(pressed).toEqual(['x1sq', 'x2sq']);
    const edges = () => page.locator('.diagram-edges canvas').getAttribute('data-edges');
    await expect.poll(edges).toBe('4');

    // A click on x₁ in the diagram: the link gains it, and the run restarts with a third input, linked.
    await diagram.getByRole('button', { name: 'input x₁', exact: true }).click();
    await expect.poll(() => query(page)).toContain('inputs=x1,x1sq,x2sq');
    await expect.poll(pressed).toEqual(['x1', 'x1sq', 'x2sq']);
    await expect.poll(edges).toBe('6');
    expect(await group.getByRole('button', { name: 'x₁', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // The Network group's toggle turns it off again, and the diagram follows.
    await group.getByRole('button', { name: 'x₁', exact: true }).click();
    await expect.poll(() => query(page)).toContain('inputs=x1sq,x2sq');
    await expect.poll(pressed).toEqual(['x1sq', 'x2sq']);
    expect(errors).toEqual([]);
  });

  it('fits a phone, toggles and all', async () => {
    const { page, errors } = await suite.open('?inputs=x1,x2,x1x2,sinx1&hidden=4', PHONE);
    const group = page.getByRole('group', { name: 'Input features' });
    await group.scrollIntoViewIfNeeded();
    const box = (await group.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // The diagram's toggles are 44 px targets on a phone.
    await page.evaluate(() => document.querySelector('.inside')?.scrollIntoView());
    const hit = page.locator('.diagram .toggle-node[data-feature="sinx2"] rect.hit');
    await hit.scrollIntoViewIfNeeded();
    expect((await hit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
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
    expect(errors).toEqual([]);
  });
});
