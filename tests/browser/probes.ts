/** Things the browser tests read from the page. */
import type { Page } from 'playwright-core';

/** A hash of the plot canvas, read through a small copy (cheap enough to call every frame). */
export function plotHash(page: Page): Promise<number> {
  return page.evaluate(() => {
    const layers = [...document.querySelectorAll<HTMLCanvasElement>('.plot canvas')];
    if (layers.length === 0 || layers[0]!.width === 0) return 0;
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 40;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    for (const src of layers) ctx.drawImage(src, 0, 0, 64, 40);
    const d = ctx.getImageData(0, 0, 64, 40).data;
    let h = 0;
    for (let i = 0; i < d.length; i++) h = (Math.imul(h, 31) + d[i]!) | 0;
    return h;
  });
}

/** How many different non-blank pictures of the plot the page has shown (see `watchPlot`). */
export const WATCH_PLOT = `
  window.__plotHashes = new Set();
  const tick = () => {
    const layers = [...document.querySelectorAll('.plot canvas')];
    if (layers.length > 0 && layers[0].width > 0) {
      const c = document.createElement('canvas');
      c.width = 32; c.height = 20;
      const ctx = c.getContext('2d');
      for (const src of layers) ctx.drawImage(src, 0, 0, 32, 20);
      const d = ctx.getImageData(0, 0, 32, 20).data;
      let h = 0, ink = 0;
      for (let i = 0; i < d.length; i++) { h = (Math.imul(h, 31) + d[i]) | 0; if (d[i] !== 0) ink++; }
      if (ink > 0) {
        if (window.__plotHashes.size === 0) window.__firstDrawn = performance.now();
        window.__plotHashes.add(h);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/**
 * Records long tasks from the first moment of the page, and long animation frames with the scripts
 * in them, so that a failure says what was slow.
 */
export const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 45) continue;
        window.__longFrames.push({
          start: Math.round(e.startTime),
          duration: Math.round(e.duration),
          renderMs: e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0,
          scripts: e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + 'ms'),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

export function statusText(page: Page): Promise<string> {
  return page.locator('[data-testid="status"]').evaluate((el) => el.textContent ?? '');
}

export function statusPass(page: Page): Promise<number> {
  return page.locator('[data-testid="status"]').evaluate((el) => Number((el as HTMLElement).dataset.pass));
}

export function query(page: Page): Promise<string> {
  return page.evaluate(() => window.location.search);
}

interface Entry {
  start: number;
  duration: number;
}

/**
 * Main-thread tasks over 50 ms since `t0` (recorded by WATCH_LONG_TASKS), and the long animation frames
 * around each: on a failure those say what ran.
 */
export async function longTasksSince(page: Page, t0: number): Promise<{ long: Entry[]; around: Entry[] }> {
  const { tasks, frames } = await page.evaluate((since) => {
    const w = window as unknown as { __longTasks: Entry[]; __longFrames: Entry[] };
    return {
      tasks: w.__longTasks.filter((e) => e.start >= since),
      frames: w.__longFrames.filter((e) => e.start >= since),
    };
  }, t0);
  const long = tasks.filter((e) => e.duration > 50);
  return { long, around: frames.filter((f) => long.some((t) => Math.abs(t.start - f.start) < 100)) };
}
