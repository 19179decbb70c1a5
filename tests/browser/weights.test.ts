/** Weights by hand in Chromium: pick a link of the diagram, see its exact value, type a new one. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/url';
import { diagramLayout } from '../../src/ui/inside/NetworkDiagram';
import { Session } from '../../src/worker/session';
import { PHONE } from './browser';
import { plotHash, statusPass } from './probes';
import { browserSuite } from './suite';

/** A slow, stable run: last-bit differences between JavaScript engines do not grow (see the README on chaos). */
const QUERY = '?passes=1000000&lr=0.002';
const suite = browserSuite();

/** Where, on the page, 40% of the way along the link from input x to hidden unit 2 is. */
async function linkPoint(page: Page): Promise<{ x: number; y: number }> {
  await page.evaluate(() => document.querySelector('.inside')?.scrollIntoView());
  const svg = page.getByRole('group', { name: 'Network diagram' });
  await svg.waitFor();
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>('.diagram-edges canvas')?.dataset.edges) > 0,
  );
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  // The page's layout: a row for every feature in the input column (the aspect moves no node centre).
  const d = diagramLayout([2, 3, 2], 1, ['x1', 'x2'], true);
  const s = Math.min(box.width / d.width, box.height / d.height);
  const [a, b] = [d.layers[0]!, d.layers[1]!];
  // Past the input toggle's target, which takes its row up to just beyond the node.
  const t = 0.4;
  const x = a.x + t * (b.x - a.x);
  const y = a.ys[0]! + t * (b.ys[1]! - a.ys[0]!);
  return {
    x: box.x + (box.width - d.width * s) / 2 + x * s,
    y: box.y + (box.height - d.height * s) / 2 + y * s,
  };
}

async function pause(page: Page): Promise<number> {
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.pass) > 0,
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.state === 'paused',
  );
  return statusPass(page);
}

const valueShown = (page: Page) => page.locator('.weight-value').textContent();

describe('weights by hand, in Chromium', () => {
  it('a click on a link shows its exact weight; a typed one takes effect on the running network', async () => {
    const { page, errors } = await suite.open(QUERY);
    const pass = await pause(page);
    await page.mouse.click(...(Object.values(await linkPoint(page)) as [number, number]));
    const dialog = page.getByRole('dialog', { name: 'Weight from input x₁ to hidden 1, unit 2' });
    await dialog.waitFor();

    // Every digit of the float64, and the weight the same run trained in Node has at that pass.
    const session = new Session(0, decodeConfig(QUERY).config, 1.5);
    session.advance(pass, Number.POSITIVE_INFINITY, () => 0);
    const expected = session.weights().W[0]![1]!;
    await expect.poll(async () => Number(await valueShown(page))).toBeCloseTo(expected, 9);
    const shown = (await valueShown(page)) ?? '';
    expect(String(Number(shown))).toBe(shown);
    expect(shown.replace(/^-?0?\.?|e.*$/g, '').replace('.', '').length).toBeGreaterThanOrEqual(12);

    const loss = await page.getByTestId('status').textContent();
    const plot = await plotHash(page);
    await dialog.getByRole('textbox', { name: 'New weight' }).fill('-1.5');
    await page.keyboard.press('Enter');
    // Paused: the next snapshot holds exactly the value typed, and the run says it was edited.
    await expect.poll(() => valueShown(page)).toBe('-1.5');
    await expect.poll(() => page.getByTestId('status').getAttribute('data-edited')).toBe('true');
    const status = (await page.getByTestId('status').textContent()) ?? '';
    expect(status).toContain('weights edited by hand');
    expect(status).not.toBe(loss);
    await expect.poll(() => plotHash(page)).not.toBe(plot);
    expect(await page.getByText('The link does not keep weights edited by hand.').isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Bad input: a message, and the weight stays.
    await dialog.getByRole('textbox', { name: 'New weight' }).fill('two');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('status').textContent()).toBe('“two” is not a number.');
    expect(await valueShown(page)).toBe('-1.5');

    // Training goes on from the edited network.
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => statusPass(page)).toBe(pass + 1);
    await expect.poll(() => valueShown(page)).not.toBe('-1.5');
    expect(Math.abs(Number(await valueShown(page)) + 1.5)).toBeLessThan(0.1);

    // Escape, in the dialog, closes it and gives the focus back to its button.
    await dialog.getByRole('textbox', { name: 'New weight' }).focus();
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit a weight');
    expect(errors).toEqual([]);
  });

  it('a tap picks a link on a phone', async () => {
    const { page, errors } = await suite.open(QUERY, PHONE, { touch: true });
    await pause(page);
    const p = await linkPoint(page);
    await page.touchscreen.tap(p.x, p.y);
    const dialog = page.getByRole('dialog', { name: 'Weight from input x₁ to hidden 1, unit 2' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'New weight' }).fill('0.75');
    await dialog.getByRole('button', { name: 'Set' }).tap();
    await expect.poll(() => valueShown(page)).toBe('0.75');
    await dialog.scrollIntoViewIfNeeded();
    expect(errors).toEqual([]);
  });
});
