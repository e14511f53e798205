import fs from 'node:fs';
import path from 'node:path';
import { type Ctx, systemCtx } from '../../server/platform/context.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { appModules } from '../../server/modules/index.ts';
import { openPreparedDatabase } from '../../server/platform/db/prepare.ts';
import { adoptManifests } from '../../server/platform/modules/adopt.ts';
import { type Keyring, keyringFromJson, newKeyFile } from '../../server/platform/pii/keyring.ts';
import type { SeedOptions } from '../../server/platform/seed/seed-step.ts';
import { createScratchDatabase, type ScratchDatabase } from './pg.ts';
import { makeWorkDir, removeWorkDir } from './workdir.ts';

// A composition root like the CLI: the registries (messages, personal-data fields) come from the manifests.
adoptManifests(appModules);

export type EngineLabel = 'PGlite' | 'PostgreSQL';

/** The demo county as `wenming seed` builds it by default (server/main.ts). */
export const demoSeedOptions: SeedOptions = { scale: 'county', seed: 430225, countyCode: '430225' };

/** Fresh keys held in memory: the bench must not write a keys file into the project's data folder. */
const keyring: Keyring = keyringFromJson(newKeyFile('bench'));
const countyCode = demoSeedOptions.countyCode;

/** A context for bench work; the one place to follow when systemCtx's signature changes. */
export function benchCtx(database: Database): Ctx {
  return systemCtx(database, { countyCode, keyring });
}

/**
 * A migrated database with the national regions that can be copied cheaply: a PGlite folder (copied with
 * cp) or a PostgreSQL database (copied with CREATE DATABASE … TEMPLATE). Each copy starts from the same state.
 */
export interface PreparedTemplate {
  engine: EngineLabel;
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
  dispose(): Promise<void>;
}

export async function preparePgliteTemplate(): Promise<PreparedTemplate> {
  const root = makeWorkDir('template-pglite');
  const templateDir = path.join(root, 'db');
  await (
    await openPreparedDatabase({ databaseUrl: undefined, pgliteDir: templateDir, countyCode }, keyring, appModules)
  ).close();
  return {
    engine: 'PGlite',
    async open() {
      const copyRoot = makeWorkDir('copy-pglite');
      fs.cpSync(templateDir, path.join(copyRoot, 'db'), { recursive: true });
      const database = await openDatabase({ pgliteDir: path.join(copyRoot, 'db') });
      return {
        database,
        async dispose() {
          await database.close();
          removeWorkDir(copyRoot);
        },
      };
    },
    async dispose() {
      removeWorkDir(root);
    },
  };
}

export async function preparePostgresTemplate(): Promise<PreparedTemplate> {
  const template = await createScratchDatabase();
  await (
    await openPreparedDatabase({ databaseUrl: template.url, pgliteDir: '', countyCode }, keyring, appModules)
  ).close();
  return {
    engine: 'PostgreSQL',
    async open() {
      const copy: ScratchDatabase = await createScratchDatabase(template.name);
      const database = await openDatabase({ databaseUrl: copy.url, poolSize: 4 });
      return {
        database,
        async dispose() {
          await database.close();
          await copy.drop();
        },
      };
    },
    dispose: () => template.drop(),
  };
}
