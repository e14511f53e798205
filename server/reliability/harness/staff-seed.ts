import fs from 'node:fs';
import path from 'node:path';
import { departmentsSeed } from '../../modules/cases/departments.seed.ts';
import { demoAccountsSeed } from '../../platform/auth/demo-accounts.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { openDatabase } from '../../platform/db/engine.ts';
import { keyringFromJson, newKeyFile } from '../../platform/pii/keyring.ts';
import { recordingProgress } from '../../platform/seed/progress.ts';
import { runSeed } from '../../platform/seed/run-seed.ts';
import type { ServerTarget } from './server-process.ts';

/** The county the targets serve: the server's default (WENMING_COUNTY unset), and the test template's. */
export const countyCode = '430225';

/**
 * The part of `serve --demo` the load needs: the demo's staff accounts (the inspectors and the dispatcher it signs
 * in as, one password) and the county's departments with their routing (派遣 names 城管) — not the demo
 * county's year of cases. Written with the keys the server will read: `<dataDir>/keys.json`, made here.
 */
export async function seedStaff(target: ServerTarget): Promise<void> {
  const keyFile = newKeyFile();
  fs.writeFileSync(path.join(target.dataDir, 'keys.json'), `${JSON.stringify(keyFile, null, 2)}\n`, { mode: 0o600 });
  await withTargetDatabase(target, async (database) => {
    const ctx = systemCtx(database, { countyCode, keyring: keyringFromJson(keyFile) });
    await runSeed(ctx, [demoAccountsSeed, departmentsSeed], { scale: 'small', seed: 1, countyCode }, recordingProgress);
  });
}

/** The target's database opened in this process (PGlite: only while no server holds the folder), then closed. */
export async function withTargetDatabase<T>(target: ServerTarget, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    target.databaseUrl
      ? { databaseUrl: target.databaseUrl, poolSize: 2 }
      : { pgliteDir: path.join(target.dataDir, 'db') },
  );
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
