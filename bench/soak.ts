/**
 * Soak: the built site trains for 10 minutes in headless Chromium while a slider moves every few
 * seconds (each move starts a new run). Once a minute, after forced garbage collections (CDP
 * HeapProfiler.collectGarbage), it samples the page's JS heap (Runtime.getHeapUsage), the training
 * worker's JS heap (the same, through the worker's target), DOM nodes and event listeners. The
 * figure is the heap growth from the first minute to the last; the floor is 10 MB. Not in CI.
 *
 * Usage: npm run soak [-- --minutes=10]   (node bench/run.mjs soak --minutes=M)
 */
import type { CDPSession, Page } from 'playwright-core';
import { DESKTOP, launch, openPage } from '../tests/browser/browser';
import { WATCH_LONG_TASKS } from '../tests/browser/probes';
import { serveDist } from '../tests/browser/server';
import { buildSite, busiest, delay, machine } from './browserKit';

const MINUTES = Number(
  /^--minutes=(\d+(?:\.\d+)?)$/.exec(process.argv.find((a) => a.startsWith('--minutes=')) ?? '')?.[1] ?? 10,
);
const CHANGE_EVERY_MS = 5000;
const FLOOR_MB = 10;
const SLIDERS = ['Hidden layer size', 'Noise', 'Learning rate', 'Regularization'];

/** Counters only (no growing arrays, so the probe itself does not grow the heap it measures). */
const COUNTERS = `
  window.__soak = { paints: 0, gen: 0, frames: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'nn:paint') window.__soak.paints++;
      else if (e.name === 'nn:config') window.__soak.gen = e.detail.gen;
    }
  }).observe({ entryTypes: ['mark', 'measure'] });
  const frame = () => { window.__soak.frames++; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
`;

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/** Commands to the training worker's own target, through the page's CDP session (non-flat mode). */
class WorkerTarget {
  private session: string | null = null;
  private id = 1;
  private pending = new Map<number, (v: unknown) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.session = e.sessionId;
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id: number; result?: unknown };
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
  }

  async attach(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  send<T>(method: string): Promise<T | null> {
    const session = this.session;
    if (!session) return Promise.resolve(null);
    const id = this.id++;
    return new Promise<T | null>((ok) => {
      this.pending.set(id, (v) => ok(v as T));
      void this.cdp.send('Target.sendMessageToTarget', {
        sessionId: session,
        message: JSON.stringify({ id, method, params: {} }),
      });
      setTimeout(() => ok(null), 10000);
    });
  }
}

interface Sample {
  minute: number;
  page: HeapUsage;
  worker: HeapUsage | null;
  nodes: number;
  listeners: number;
  pass: number;
  gen: number;
  paints: number;
  fps: number;
  /** Long tasks (over 50 ms) since the page opened. */
  longTasks: number;
}

const mb = (b: number) => (b / 1e6).toFixed(2);

async function sample(
  page: Page,
  cdp: CDPSession,
  worker: WorkerTarget,
  minute: number,
  prev: Sample | null,
) {
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await worker.send('HeapProfiler.collectGarbage');
  }
  const heap = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  const workerHeap = await worker.send<HeapUsage>('Runtime.getHeapUsage');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const c = (await page.evaluate('window.__soak')) as { paints: number; gen: number; frames: number };
  const pass = Number(await page.locator('[data-testid="status"]').getAttribute('data-pass'));
  const longTasks = (await page.evaluate('window.__longTasks.length')) as number;
  const s: Sample & { frames: number; at: number } = {
    minute,
    page: heap,
    worker: workerHeap,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    pass,
    gen: c.gen,
    paints: c.paints,
    fps: 0,
    longTasks,
    frames: c.frames,
    at: Date.now(),
  };
  if (prev) {
    const p = prev as Sample & { frames: number; at: number };
    s.fps = ((c.frames - p.frames) * 1000) / (s.at - p.at);
  }
  return s;
}

async function main() {
  const site = await buildSite(process.argv.includes('--reuse'), 'soak-site');
  const server = await serveDist({ root: site, base: '/', csp: true });
  const browser = await launch();
  const out = (s = '') => process.stdout.write(`${s}\n`);
  out(
    `nn-playground soak: ${MINUTES} minutes (${browser.version()}, headless; a slider moves every ${CHANGE_EVERY_MS / 1000} s)`,
  );
  out(`machine: ${machine()}`);
  for (const p of busiest()) out(`  busiest now: ${p}`);
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await context.addInitScript({ content: COUNTERS });
  await context.addInitScript({ content: WATCH_LONG_TASKS });
  const cdp = await context.newCDPSession(page);
  const worker = new WorkerTarget(cdp);
  await worker.attach();
  await cdp.send('Performance.enable');
  await page.goto(`${server.url}?passes=1000000&hidden=8&lr=0.003&speed=max`);
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset.pass) > 0,
  );

  out(
    `\n${'minute'.padEnd(7)}${'page heap MB'.padStart(13)}${'worker heap MB'.padStart(16)}${'nodes'.padStart(7)}` +
      `${'listeners'.padStart(10)}${'generation'.padStart(11)}${'paints'.padStart(8)}${'fps'.padStart(6)}` +
      `${'long tasks'.padStart(11)}  status pass`,
  );
  const samples: Sample[] = [];
  let tasksBefore = 0;
  /** One line per minute; long tasks are those of that minute. */
  const print = (s: Sample) => {
    out(
      `${String(s.minute).padEnd(7)}${mb(s.page.usedSize).padStart(13)}${(s.worker ? mb(s.worker.usedSize) : '-').padStart(16)}` +
        `${String(s.nodes).padStart(7)}${String(s.listeners).padStart(10)}${String(s.gen).padStart(11)}` +
        `${String(s.paints).padStart(8)}${(s.fps ? s.fps.toFixed(1) : '-').padStart(6)}` +
        `${String(s.longTasks - tasksBefore).padStart(11)}  ${s.pass}`,
    );
    tasksBefore = s.longTasks;
  };
  let last = await sample(page, cdp, worker, 0, null);
  samples.push(last);
  print(last);

  const start = Date.now();
  let changes = 0;
  for (let minute = 1; minute <= MINUTES; minute++) {
    const until = start + minute * 60000;
    while (Date.now() + CHANGE_EVERY_MS <= until) {
      await delay(CHANGE_EVERY_MS);
      // Alternate right and left on each slider in turn, so the settings stay near where they began.
      const name = SLIDERS[changes % SLIDERS.length]!;
      await page.getByRole('slider', { name, exact: true }).focus();
      await page.keyboard.press(Math.floor(changes / SLIDERS.length) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      changes++;
    }
    await delay(Math.max(0, until - Date.now()));
    last = await sample(page, cdp, worker, minute, last);
    samples.push(last);
    print(last);
  }

  const long = ((await page.evaluate('window.__longTasks')) as { duration: number }[]).length;
  const first = samples[1] ?? samples[0]!;
  const end = samples[samples.length - 1]!;
  const growth = end.page.usedSize - first.page.usedSize;
  const workerGrowth = end.worker && first.worker ? end.worker.usedSize - first.worker.usedSize : Number.NaN;
  out(`\n${changes} slider changes; ${long} long tasks over 50 ms in all; ${errors.length} page errors`);
  for (const e of errors.slice(0, 5)) out(`  ${e}`);
  out(
    `page JS heap, minute ${first.minute} -> ${end.minute}: ${mb(first.page.usedSize)} -> ${mb(end.page.usedSize)} MB, growth ${mb(growth)} MB (floor < ${FLOOR_MB} MB): ${growth < FLOOR_MB * 1e6 ? 'ok' : 'ABOVE'}`,
  );
  out(
    `worker JS heap, minute ${first.minute} -> ${end.minute}: ${first.worker ? mb(first.worker.usedSize) : '-'} -> ${end.worker ? mb(end.worker.usedSize) : '-'} MB, growth ${Number.isFinite(workerGrowth) ? mb(workerGrowth) : '-'} MB`,
  );
  out(`machine at the end: ${machine()}`);
  await browser.close();
  await server.close();
}

await main();
