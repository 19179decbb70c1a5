import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, minify, type Plugin } from 'vite';

/**
 * The service worker (src/sw.js, a classic script) as dist/sw.js, minified like the rest of the build.
 * Its cache is named after the build's files, so each build has a worker of its own: the browser installs
 * it on the next visit, and it deletes the caches of the builds before.
 */
function serviceWorker(): Plugin {
  let root = '';
  return {
    name: 'nn-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const source = await readFile(resolve(root, 'src/sw.js'), 'utf8');
      if (!source.includes('__NN_BUILD__')) this.error('src/sw.js: no __NN_BUILD__ to name its cache by');
      // The file names carry their contents' hashes.
      const names = Object.keys(bundle).sort().join('\n');
      const build = createHash('sha256').update(names).digest('hex').slice(0, 12);
      const { code, errors } = await minify('sw.js', source.replaceAll('__NN_BUILD__', build), {
        mangle: { toplevel: true },
      });
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
export default defineConfig({
  base: './',
  plugins: [react(), serviceWorker()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/setup/wasm.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
