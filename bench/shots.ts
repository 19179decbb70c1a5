/**
 * Screenshots for a person to look at (not a test): every view of the built site on desktop (1280x800)
 * and phone (390x844), each taken once its run or computation has ended, saved to shots/. Exits with
 * status 1 if a page logged an error. Run with `npm run shots`; `--reuse` keeps an existing build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, launch, openPage, PHONE } from '../tests/browser/browser';
import { serveDist } from '../tests/browser/server';
import { buildSite } from './browserKit';

const OUT = 'shots';
const DONE = /finished|converged|diverged|not learning/;

async function runEnded(page: Page): Promise<void> {
  await page.waitForFunction(
    (re) => new RegExp(re).test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
    DONE.source,
    { timeout: 120000 },
  );
}

interface Shot {
  name: string;
  query: string;
  /** Waits for what the shot is of, and sets it up. */
  ready: (page: Page) => Promise<void>;
  full?: boolean;
}

const SHOTS: Shot[] = [
  { name: 'playground', query: '', ready: runEnded },
  {
    name: 'spiral',
    query:
      'data=spiral&classes=3&n=300&noise=0.1&hidden=20,20&act=tanh&lr=0.003&reg=0.001&test=0.2&passes=5000',
    ready: runEnded,
  },
  { name: 'diverged', query: 'lr=1', ready: runEnded },
  { name: 'not-learning', query: 'lr=0.25', ready: runEnded },
  {
    name: 'inside',
    query: 'hidden=4,3',
    full: true,
    ready: async (page) => {
      await runEnded(page);
      await page.locator('.inside').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'hidden 1, unit 2' }).focus();
      await page.locator('.unit-field canvas[data-unit="1:1"]').waitFor();
      // The panel is a chunk fetched when it scrolls near, after the run ended: its heatmaps come with
      // the worker's next answer. 11 fields: 2 inputs, 4 and 3 hidden units, 2 outputs.
      await page.locator('.diagram-fields canvas[data-fields="11"]').waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    },
  },
  {
    name: 'pinned',
    query: '',
    ready: async (page) => {
      await runEnded(page);
      await page.getByRole('button', { name: 'Pin this run' }).click();
      await page.getByRole('slider', { name: 'Hidden layer size', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await page
        .getByText(/finished at pass 20,000/)
        .first()
        .waitFor();
      await runEnded(page);
    },
  },
  {
    name: 'gallery',
    query: 'view=gallery&test=0.5&noise=0.4&reg=0.0001',
    ready: (page) =>
      page
        .waitForFunction(
          () => {
            const s = document.querySelector<HTMLElement>('[data-testid="gallery-status"]');
            return !!s && s.dataset.total !== '0' && s.dataset.done === s.dataset.total;
          },
          undefined,
          { timeout: 120000 },
        )
        .then(() => undefined),
  },
  {
    name: 'baseline',
    query: 'view=baseline',
    ready: async (page) => {
      await page.getByTestId('baseline-accuracy').getByText(/%/).waitFor({ timeout: 60000 });
      // The view shows the network's run in its own words, not in the status line.
      await page.waitForFunction(
        () => /finished|converged/.test(document.body.textContent ?? ''),
        undefined,
        {
          timeout: 120000,
        },
      );
    },
  },
  { name: 'equations', query: 'view=equations', ready: (page) => page.locator('math').first().waitFor() },
  {
    name: 'exercises',
    query: 'view=exercises',
    ready: (page) => page.getByRole('article').first().waitFor(),
  },
];

async function main(): Promise<void> {
  const site = await buildSite(process.argv.includes('--reuse'), 'shots');
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist({ root: site, base: '/' });
  const browser = await launch();
  const failures: string[] = [];
  try {
    for (const shot of SHOTS) {
      for (const [device, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const w = await openPage(
          browser,
          viewport,
          device === 'phone' ? { hasTouch: true, isMobile: true } : {},
        );
        const file = join(OUT, `${shot.name}-${device}.png`);
        try {
          // The first shot is what a visitor sees (the time-lapse); the others go flat out.
          const speed = shot === SHOTS[0] ? '' : `${shot.query === '' ? '' : '&'}speed=max`;
          await w.page.goto(`${server.url}?${shot.query}${speed}`);
          await shot.ready(w.page);
          await w.page.screenshot({ path: file, fullPage: shot.full === true || device === 'phone' });
          console.log(`${file}${w.errors.length > 0 ? `  ERRORS: ${w.errors.join('; ')}` : ''}`);
          if (w.errors.length > 0) failures.push(file);
        } catch (e) {
          console.log(`${file}  FAILED: ${(e as Error).message.split('\n')[0]}`);
          failures.push(file);
        } finally {
          await w.context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failures.length > 0) {
    console.log(`${failures.length} shot(s) failed or logged errors`);
    process.exit(1);
  }
}

await main();
