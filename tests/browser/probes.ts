/** Things the browser tests read from the page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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
  const addTasks = (entries) => {
    for (const e of entries) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  };
  const addFrames = (entries) => {
    for (const e of entries) {
      if (e.duration < 45) continue;
      window.__longFrames.push({
        start: Math.round(e.startTime),
        duration: Math.round(e.duration),
        renderMs: e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0,
        scripts: e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + 'ms'),
      });
    }
  };
  const observers = [];
  const watch = (type, add) => {
    try {
      const o = new PerformanceObserver((list) => add(list.getEntries()));
      o.observe({ type, buffered: true });
      observers.push([o, add]);
    } catch {}
  };
  watch('longtask', addTasks);
  watch('long-animation-frame', addFrames);
  // Entries not yet delivered to the observers (their callbacks run later, at low priority).
  window.__takeLongTasks = () => {
    for (const [o, add] of observers) add(o.takeRecords());
  };
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

/** A main-thread task from Chromium's trace: wall and thread (CPU) time in ms. */
export interface TracedTask {
  wall: number;
  cpu: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
}

const TRACE_MARK = 'nn-test-trace-main-thread';

/**
 * Runs `round` (given its index) again and again for `ms` and at least `rounds` times, however slowly a
 * busy machine delivers the input; returns how many rounds ran.
 */
export async function repeatFor(
  ms: number,
  rounds: number,
  round: (i: number) => Promise<void>,
): Promise<number> {
  const until = Date.now() + ms;
  let i = 0;
  while (Date.now() < until || i < rounds) await round(i++);
  return i;
}

/**
 * The page's tasks over 50 ms while `during` runs. Besides the long-task entries (WATCH_LONG_TASKS,
 * wall time), Chromium traces the page's main thread meanwhile, so each task has its thread time too:
 * `own` are the tasks that ran over 50 ms of CPU, the page's own doing; a task that only took 50 ms of
 * wall time waited for a core that the machine gave to other processes (on 2 shared cores, the worker
 * and Chromium's own processes among them). `around`: the long animation frames near each long task,
 * with the scripts in them, so that a failure says what ran.
 */
export async function longTasksDuring(
  page: Page,
  during: () => Promise<void>,
): Promise<{ long: Entry[]; own: TracedTask[]; around: Entry[] }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  const t0 = (await page.evaluate(() => performance.now())) as number;
  // Chromium records tasks' thread times only with the devtools timeline category on.
  await browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  let trace: Buffer;
  try {
    // The mark is traced on the page's main thread: it names the thread to read.
    await page.evaluate((name) => performance.mark(name), TRACE_MARK);
    await during();
    // A task that began in `during` is recorded when it ends: let the page run one task more.
    await page.evaluate(() => new Promise((next) => setTimeout(next, 0)));
  } finally {
    trace = await browser.stopTracing();
  }
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = events.find((e) => e.name === TRACE_MARK);
  if (!mark) throw new Error("the trace has no mark from the page's main thread");
  const traced = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid,
  );
  if (!traced.some((e) => e.tdur !== undefined)) throw new Error('the trace has no thread times');
  const own = traced
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.cpu > 50);
  const { tasks, frames } = await page.evaluate((since) => {
    const w = window as unknown as { __longTasks: Entry[]; __longFrames: Entry[]; __takeLongTasks(): void };
    w.__takeLongTasks();
    return {
      tasks: w.__longTasks.filter((e) => e.start >= since),
      frames: w.__longFrames.filter((e) => e.start >= since),
    };
  }, t0);
  const long = tasks.filter((e) => e.duration > 50);
  return { long, own, around: frames.filter((f) => long.some((t) => Math.abs(t.start - f.start) < 100)) };
}

/**
 * The share of painted pixels of each canvas under `selector`. A canvas paints in the animation frame
 * after its data came, so poll this rather than reading it once when the text says "done".
 */
export function inkShares(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLCanvasElement>(sel)].map((c) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) ink++;
        return ink / (d.length / 4);
      }),
    selector,
  );
}

/**
 * Presses `key` on the slider until its text is `text` (at most 40 presses), one change at a time: the
 * text follows a key press after a render, so a busy machine would otherwise read the old value and step
 * past the one wanted.
 */
export async function stepSliderTo(page: Page, name: string, text: string, key = 'ArrowLeft'): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.focus();
  for (let i = 0; i < 40; i++) {
    const before = await slider.getAttribute('aria-valuetext');
    if (before === text) return;
    await page.keyboard.press(key);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(before);
  }
  expect(await slider.getAttribute('aria-valuetext')).toBe(text);
}
