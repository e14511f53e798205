import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuildOptions } from '../app.ts';
import { type Config, readConfig } from '../config.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import { type FakeClock, fakeClock } from './fake-clock.ts';
import { type TestDatabase, useTestDatabase } from './test-database.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: TestDatabase;
  readonly clock: FakeClock;
  readonly config: Config;
}

/** A fresh database and the real app on it, with a fake clock; requests go through `app.inject`. */
export function useTestApp(options: BuildOptions & { config?: Partial<Config> } = {}): TestApp {
  const db = useTestDatabase();
  const clock = fakeClock();
  const config: Config = { ...readConfig({ NODE_ENV: 'test' }), ...options.config } as Config;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp(
      { config, database: db.database, clock, keyring: testKeyring() },
      { logger: false, serveWeb: false, ...options },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the test app is built in beforeAll');
      return app;
    },
    db,
    clock,
    config,
  };
}
