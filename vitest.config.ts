import { defineConfig } from 'vitest/config';

/**
 * `npm test`: server tests on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set
 * (an admin URL: each test file gets its own throwaway database); web component tests in happy-dom.
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
          env: { WENMING_TEST_ENGINE: engine, NODE_ENV: 'test' },
        },
      })),
      { extends: true as const, test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['web/src/test/setup.ts'] } },
    ],
  },
});
