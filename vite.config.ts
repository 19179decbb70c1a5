import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, minify, type Plugin } from 'vite';

/**
 * The service worker (src/sw.js, a classic script) as dist/sw.js, minified like the rest of the build.
 * Its cache is named after the build's files, so each build has a worker of its own: the browser installs
 * it on the next visit, and it deletes the caches of the builds before. It is told which files a first
 * visit needs (the shell: the page, its entry chunk and styles, the training worker and the engine) and
 * which only some visits use (the lazy chunks of the page and of the worker): it precaches the shell,
 * and fetches the rest in the background from the next visit on, so a first visit downloads only what
 * it runs.
 */
function serviceWorker(): Plugin {
  let root = '';
  // The worker build (worker.plugins) runs before the page's bundle is written.
  const lazyWorkerFiles = new Set<string>();
  const workerChunks: Plugin = {
    name: 'nn-worker-chunks',
    generateBundle(_options, bundle) {
      for (const f of Object.values(bundle))
        if (f.type === 'chunk' && f.isDynamicEntry) lazyWorkerFiles.add(f.fileName);
    },
  };
  return {
    name: 'nn-service-worker',
    apply: 'build',
    api: { workerChunks },
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const source = await readFile(resolve(root, 'src/sw.js'), 'utf8');
      for (const key of ['__NN_BUILD__', '__NN_SHELL__', '__NN_LATER__']) {
        if (!source.includes(key)) this.error(`src/sw.js: no ${key} to fill in`);
      }
      // The file names carry their contents' hashes.
      const names = Object.keys(bundle).sort();
      const build = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12);
      const later = names.filter((n) => {
        const f = bundle[n]!;
        return (f.type === 'chunk' && f.isDynamicEntry) || lazyWorkerFiles.has(n);
      });
      const shell = [
        './',
        ...names.filter((n) => !later.includes(n) && n !== 'index.html' && !n.endsWith('.map')),
      ];
      const { code, errors } = await minify(
        'sw.js',
        source
          .replaceAll('__NN_BUILD__', build)
          .replaceAll('__NN_SHELL__', JSON.stringify(shell))
          .replaceAll('__NN_LATER__', JSON.stringify(later)),
        { mangle: { toplevel: true } },
      );
      if (errors.length > 0) this.error(`src/sw.js: ${errors.map((e) => e.message).join('; ')}`);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

// Relative base so the built site works from any sub-path; the worker is bundled as an ES module.
// Everything the first frame runs goes into the entry chunk: split into the shared chunks Rolldown
// would make, it gzips worse and costs a request each. The lazy chunks (the experiments' views, Inside
// the network, the NumPy export, the points' codec) import from it. Chromium needs no modulepreload
// polyfill.
const sw = serviceWorker();

export default defineConfig({
  base: './',
  plugins: [react(), sw],
  worker: { format: 'es', plugins: () => [sw.api.workerChunks] },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
  },
  test: {
    // Unit tests are pure functions of their inputs: they share one module graph per worker (each file
    // importing it again cost a quarter of the suite). Component tests keep a fresh one each (the DOM,
    // the store's module state).
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'component', include: ['tests/component/**/*.test.{ts,tsx}'] } },
    ],
    globalSetup: ['tests/setup/wasm.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
