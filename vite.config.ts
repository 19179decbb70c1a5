import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base so the built site works from any sub-path; the worker is bundled as an ES module.
// Everything the first frame runs goes into the entry chunk: split into the shared chunks Rolldown
// would make, it gzips worse and costs a request each. The lazy chunks (the experiments' views, Inside
// the network, the NumPy export, the points' codec) import from it. Chromium needs no modulepreload
// polyfill.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
