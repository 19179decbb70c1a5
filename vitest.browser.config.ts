// Real-browser tests: run after `npm run build`; they serve dist/ and drive Chromium with playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    // Two files at a time, each with its own Chromium: a test waits on the page much of its time, so two
    // share the two cores (110 s instead of 155 s). The long-task tests count a task's CPU time, not the
    // wall time it spent waiting for a core, so the other file's load does not fail them.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
