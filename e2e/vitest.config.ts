import { defineConfig } from 'vitest/config';

/** Browser tests: the real server (built web app, temporary PGlite folder, small demo) driven by Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
