import { defineConfig } from 'vitest/config';

/**
 * `npm test`: server tests on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set
 * (an admin URL: each test file gets its own throwaway database); web component tests in happy-dom.
 *
 * Server test files share their worker's module cache (`isolate: false`): each file gets its own database, and
 * importing the app and every module once per worker instead of once per file halves the suite's time (measured:
 * 24 platform files 404 s → 188 s on 2 cores). What a file changes in the process is put back after it:
 * stubbed environment variables and globals (`unstubEnvs`, `unstubGlobals`). Web tests stay isolated (the DOM
 * and module-level UI state would leak).
 */
const serverTests = ['server/**/*.test.ts'];
const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engine,
          include: serverTests,
          globalSetup: ['server/testing/global-setup.ts'],
          setupFiles: ['server/testing/adopt-manifests.setup.ts'],
          isolate: false,
          unstubEnvs: true,
          unstubGlobals: true,
          env: { WENMING_TEST_ENGINE: engine, NODE_ENV: 'test' },
        },
      })),
      // rules/: the pure rules the server and the web both apply (no database, no DOM).
      { extends: true as const, test: { name: 'rules', include: ['rules/**/*.test.ts'] } },
      { extends: true as const, test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['web/src/test/setup.ts'] } },
    ],
  },
});
