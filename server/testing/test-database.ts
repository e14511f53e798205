import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { type Clock, type Ctx, systemCtx } from '../platform/context.ts';
import type { Database, EngineKind } from '../platform/db/database.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import { adminQuery, pgliteTemplatePath, postgresTemplateName, templateKey, withDatabase } from './template.ts';

export function testEngine(): EngineKind {
  return process.env.WENMING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  readonly engine: EngineKind;
  readonly database: Database;
  /** The PostgreSQL URL of this file's database (postgres engine only). */
  readonly url: string | undefined;
  ctx(overrides?: Partial<Ctx> & { clock?: Clock }): Ctx;
}

/**
 * Gives the calling test file its own fresh database, migrated and with reference data, on the engine under
 * test (WENMING_TEST_ENGINE). Use it at the top of a describe block or file.
 */
export function useTestDatabase(): TestDatabase {
  let opened: { database: Database; url: string | undefined; drop(): Promise<void> } | undefined;
  const handle: TestDatabase = {
    engine: testEngine(),
    get database() {
      if (!opened) throw new Error('the test database is opened in beforeAll');
      return opened.database;
    },
    get url() {
      return opened?.url;
    },
    ctx: (overrides = {}) => systemCtx(handle.database, { countyCode: '430225', keyring: testKeyring() }, overrides),
  };
  beforeAll(async () => {
    opened = await createTestDatabase(handle.engine);
  });
  afterAll(async () => {
    await opened?.drop();
  });
  return handle;
}

export async function createTestDatabase(engine: EngineKind) {
  return engine === 'postgres' ? createPostgresCopy() : createPgliteCopy();
}

async function createPgliteCopy() {
  const archive = new Blob([fs.readFileSync(pgliteTemplatePath(templateKey()))]);
  const database = await openDatabase({ pgliteDir: 'memory://', loadDataDir: archive });
  return { database, url: undefined, drop: () => database.close() };
}

async function createPostgresCopy() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('WENMING_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `wenming_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${postgresTemplateName(templateKey())}`);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
