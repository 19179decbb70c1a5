import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base so the built site works from any sub-path; the worker is bundled as an ES module.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
